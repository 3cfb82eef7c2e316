"""Importing HR exports into the performance module: saved mappings, dry run, and all-or-nothing apply."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import NotFound, ValidationFailed
from hireloop.integrations import repository as repo
from hireloop.integrations.importing import PRESETS, ColumnMapping, ImportPlan, Issue, Record, plan_import
from hireloop.integrations.importing.plan import DEFAULT_MAX_BYTES
from hireloop.models import ImportMapping, ImportRun
from hireloop.performance import upsert


class MappingNotFound(NotFound):
    code = "import_mapping_not_found"


class ImportFailed(ValidationFailed):
    """The file cannot be imported as it is; details.issues is the validation report. Nothing was written."""

    code = "import_failed"


@dataclass(frozen=True)
class ImportOutcome:
    """A plan (the validation report) and, when applied, created/updated/unchanged per record kind."""

    plan: ImportPlan
    mapping_name: str
    dry_run: bool
    applied: bool
    changes: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (the API's ImportOut)."""
        p = self.plan.to_dict()
        return {"ok": self.plan.ok, "dry_run": self.dry_run, "applied": self.applied, "kind": p["kind"],
                "mapping": self.mapping_name, "rows_read": p["rows_read"],
                "rows_skipped_as_duplicates": p["rows_skipped_as_duplicates"], "source_sha256": p["source_sha256"],
                "counts": p["counts"], "changes": self.changes, "issues": p["issues"]}


def resolve_mapping(session: Session, actor: Actor, name: str) -> ColumnMapping:
    """A mapping saved for this organization under `name`, else the built-in preset of that name."""
    saved = repo.mapping_by_name(session, actor.org_id, name)
    if saved is not None:
        return ColumnMapping.from_dict({**saved.mapping, "name": saved.name})
    if name in PRESETS:
        return PRESETS[name]
    names = sorted({m.name for m in repo.mappings(session, actor.org_id)} | set(PRESETS))
    raise MappingNotFound(f"No mapping named {name!r}. Save one first, or use one of: {', '.join(names)}.")


def save_mapping(session: Session, actor: Actor, *, name: str, mapping: dict[str, Any]) -> ImportMapping:
    """Save (or replace) the column mapping of one source; it is validated first."""
    parsed = ColumnMapping.from_dict({**mapping, "name": name})
    row = repo.mapping_by_name(session, actor.org_id, name)
    if row is None:
        row = ImportMapping(org_id=actor.org_id, name=name, kind=parsed.kind.value, mapping=parsed.to_dict())
        session.add(row)
    else:
        row.kind, row.mapping = parsed.kind.value, parsed.to_dict()
    session.flush()
    audit.record(session, actor, "import_mapping.saved", entity_type="import_mapping", entity_id=row.id,
                 details={"name": name, "kind": parsed.kind.value})
    return row


def delete_mapping(session: Session, actor: Actor, mapping_id: Any) -> ImportMapping:
    """Delete a saved column mapping of the actor's organization."""
    row = repo.mapping(session, actor.org_id, mapping_id)
    if row is None:
        raise MappingNotFound("No such import mapping in your organization; list mappings to find its id.")
    session.delete(row)
    session.flush()
    audit.record(session, actor, "import_mapping.deleted", entity_type="import_mapping", entity_id=row.id)
    return row


def _clean(record: Record, rename: dict[str, str] | None = None) -> dict[str, Any]:
    """Upsert values of a record: only what the file says (empty cells never blank out known values)."""
    out: dict[str, Any] = {}
    for key, value in record.__dict__.items():
        if key == "source_row" or value is None or (key == "attributes" and not value):
            continue
        out[(rename or {}).get(key, key)] = value
    return out


def _apply_kind(session: Session, actor: Actor, fn: Any, records: tuple[Record, ...],
                rename: dict[str, str] | None = None) -> dict[str, int]:
    try:
        return fn(session, actor.org_id, [_clean(r, rename) for r in records]).as_dict()
    except upsert.BulkFailed as exc:
        issues = [Issue(records[e["index"]].source_row, None, e["problem"], e["fix"]).to_dict()
                  for e in exc.details["errors"]]
        raise ImportFailed(f"{len(issues)} rows cannot be imported; nothing was written.",
                           details={"issues": issues}) from exc


def run_import(session: Session, actor: Actor, *, file_bytes: bytes, filename: str, mapping_name: str,
               dry_run: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportOutcome:
    """Plan an import; unless dry_run, apply it all or nothing (raises ImportFailed, writing nothing, on any error)."""
    mapping = resolve_mapping(session, actor, mapping_name)
    plan = plan_import(file_bytes, filename, mapping, max_bytes=max_bytes)
    if dry_run:
        return ImportOutcome(plan, mapping_name, dry_run=True, applied=False)
    if not plan.ok:
        raise ImportFailed(f"The file has {len(plan.errors)} errors; nothing was written. Fix them (see the report) "
                           "and import again.", details={"issues": [i.to_dict() for i in plan.issues]})
    changes = {
        "employees": _apply_kind(session, actor, upsert.upsert_employees, plan.employees, {"name": "full_name"}),
        "reviews": _apply_kind(session, actor, upsert.upsert_reviews, plan.reviews),
        "changes": _apply_kind(session, actor, upsert.upsert_changes, plan.changes),
        "exits": _apply_kind(session, actor, upsert.upsert_exits, plan.exits),
    }
    session.add(ImportRun(org_id=actor.org_id, filename=filename[:300], source_sha256=plan.source_sha256,
                          mapping_name=mapping_name, kind=plan.kind.value, counts=changes))
    session.flush()
    audit.record(session, actor, "import.applied", entity_type="import", details={
        "mapping": mapping_name, "sha256": plan.source_sha256, "changes": changes})
    return ImportOutcome(plan, mapping_name, dry_run=False, applied=True, changes=changes)
