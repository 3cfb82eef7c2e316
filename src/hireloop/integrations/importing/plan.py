"""plan_import: read, clean, validate and deduplicate an HR export; nothing is written anywhere."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from typing import Any

from hireloop.errors import TooLarge
from hireloop.integrations.importing.build import RowBuilder
from hireloop.integrations.importing.fields import FIELDS, RecordKind
from hireloop.integrations.importing.mapping import ColumnMapping
from hireloop.integrations.importing.reading import Table, UnreadableFile, read_table
from hireloop.integrations.importing.records import (
    EmployeeRecord, EmploymentChangeRecord, ExitRecord, Issue, PerformanceReviewRecord, Record,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ISSUES = 1000  # a report longer than this helps nobody; the summary line says how many more


@dataclass(frozen=True)
class ImportPlan:
    """Clean records and the validation report of one file; apply it only when ok (all or nothing)."""

    kind: RecordKind
    employees: tuple[EmployeeRecord, ...]
    reviews: tuple[PerformanceReviewRecord, ...]
    changes: tuple[EmploymentChangeRecord, ...]
    exits: tuple[ExitRecord, ...]
    issues: tuple[Issue, ...]
    rows_read: int
    rows_skipped_as_duplicates: int
    source_sha256: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Issues that block the import."""
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """Issues the import survives (the value was dropped or kept as is)."""
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when the file may be applied: no errors."""
        return not self.errors

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record, employees first so that reviews, changes and exits find their employee."""
        return (*self.employees, *self.reviews, *self.changes, *self.exits)

    def report(self) -> list[tuple[int | None, str | None, str, str]]:
        """The validation report as (row, column, problem, suggested fix) tuples, in file order."""
        return [(i.row, i.column, i.problem, i.suggested_fix) for i in self.issues]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary, report and records (for a dry-run response)."""
        return {
            "kind": self.kind.value, "ok": self.ok, "rows_read": self.rows_read,
            "rows_skipped_as_duplicates": self.rows_skipped_as_duplicates, "source_sha256": self.source_sha256,
            "encoding": self.encoding, "delimiter": self.delimiter, "sheet": self.sheet, "header_row": self.header_row,
            "counts": {"employees": len(self.employees), "reviews": len(self.reviews),
                       "changes": len(self.changes), "exits": len(self.exits),
                       "errors": len(self.errors), "warnings": len(self.warnings)},
            "issues": [i.to_dict() for i in self.issues],
            "employees": [r.to_dict() for r in self.employees], "reviews": [r.to_dict() for r in self.reviews],
            "changes": [r.to_dict() for r in self.changes], "exits": [r.to_dict() for r in self.exits],
        }


def _locate(header: tuple[str, ...], name: str) -> int | None:
    """Column index by exact header, then case-insensitively; the first of repeated headers wins."""
    if name in header:
        return header.index(name)
    folded = [h.casefold() for h in header]
    return folded.index(name.casefold()) if name.casefold() in folded else None


def _resolve_columns(
    table: Table, mapping: ColumnMapping, issues: list[Issue]
) -> tuple[dict[str, int], dict[str, int]]:
    """Field -> column index and attribute -> column index; file-level problems go to issues."""
    specs = {f.name: f for f in FIELDS[mapping.kind]}
    positions: dict[str, int] = {}
    for target, source in mapping.columns.items():
        index = _locate(table.header, source)
        if index is None:
            if specs[target].required:
                issues.append(Issue(None, source, f"required column missing (needed for {target})",
                                    f"add a column named {source}, or map {target} to a column the file has"))
            else:
                issues.append(Issue(None, source, "mapped column not in the file; its field stays empty",
                                    f"add a column named {source}, or remove it from the mapping", "warning"))
            continue
        positions[target] = index
    for spec in FIELDS[mapping.kind]:
        if spec.required and spec.name not in mapping.columns:
            issues.append(Issue(None, None, f"the mapping does not map the required field {spec.name}",
                                f"map {spec.name} to one of the file's columns"))
    for name in sorted({h for h in table.header if h and table.header.count(h) > 1}):
        issues.append(Issue(None, name, "column appears more than once; the first is used",
                            "rename or delete the repeated column", "warning"))
    used = set(positions.values())
    wanted = list(mapping.attributes)
    if mapping.keep_unmapped:
        wanted += [h for i, h in enumerate(table.header) if h and i not in used and h not in wanted]
    attributes: dict[str, int] = {}
    for name in wanted:
        index = _locate(table.header, name)
        if index is None:
            issues.append(Issue(None, name, "attribute column not in the file", "remove it from the mapping",
                                "warning"))
        elif index not in used:
            attributes.setdefault(name, index)
    return positions, attributes


def _identity(record: Record) -> str:
    return f"{type(record).__name__}:{record.remote_id}"


def _differences(a: Record, b: Record) -> list[str]:
    return [f.name for f in fields(a) if f.name != "source_row" and getattr(a, f.name) != getattr(b, f.name)]


def _deduplicate(records: list[Record], issues: list[Issue], id_column: str | None) -> tuple[list[Record], int]:
    """Drop rows identical to an earlier one; flag the same remote_id with different values as an error."""
    kept: dict[str, Record] = {}
    skipped_rows: set[int] = set()
    for record in records:
        key = _identity(record)
        first = kept.get(key)
        if first is None:
            kept[key] = record
            continue
        if replace(record, source_row=0) == replace(first, source_row=0):
            if record.source_row not in skipped_rows:
                skipped_rows.add(record.source_row)
                issues.append(Issue(record.source_row, None, f"duplicate of row {first.source_row}; skipped",
                                    "delete the repeated row", "warning"))
            continue
        differs = ", ".join(_differences(first, record))
        issues.append(Issue(
            record.source_row, id_column,
            f"{record.remote_id} is also on row {first.source_row} with different {differs}",
            f"keep one of rows {first.source_row} and {record.source_row}, or give them different ids",
        ))
    result = [r for r in records if r.source_row not in skipped_rows and kept.get(_identity(r)) is r]
    return result, len(skipped_rows)


def _empty_plan(kind: RecordKind, issues: list[Issue], digest: str, table: Table | None = None) -> ImportPlan:
    return ImportPlan(
        kind=kind, employees=(), reviews=(), changes=(), exits=(), issues=tuple(issues),
        rows_read=len(table.rows) if table else 0, rows_skipped_as_duplicates=0, source_sha256=digest,
        encoding=table.encoding if table else None, delimiter=table.delimiter if table else None,
        sheet=table.sheet if table else None, header_row=table.header_row if table else None,
    )


def plan_import(file_bytes: bytes, filename: str, mapping: ColumnMapping, *,
                max_bytes: int = DEFAULT_MAX_BYTES, max_rows: int = 200_000,
                max_issues: int = DEFAULT_MAX_ISSUES) -> ImportPlan:
    """Clean one export with a mapping; the plan holds records and the validation report, nothing is written."""
    if len(file_bytes) > max_bytes:
        raise TooLarge(f"The file is {len(file_bytes)} bytes; the limit is {max_bytes}. Split it into smaller files.")
    digest = hashlib.sha256(file_bytes).hexdigest()
    wanted = set(mapping.columns.values()) | set(mapping.attributes)
    try:
        table = read_table(file_bytes, filename, wanted, encoding=mapping.encoding, sheet=mapping.sheet,
                           max_rows=max_rows)
    except UnreadableFile as exc:
        return _empty_plan(mapping.kind, [Issue(None, None, exc.problem, exc.fix)], digest)
    issues: list[Issue] = []
    positions, attributes = _resolve_columns(table, mapping, issues)
    if any(i.severity == "error" for i in issues):
        return _empty_plan(mapping.kind, issues, digest, table)
    builder = RowBuilder(mapping, positions, attributes)
    width = len(table.header)
    records: list[Record] = []
    for row, cells in table.rows:
        extra = [c for c in cells[width:] if c not in (None, "")]
        if extra:
            issues.append(Issue(row, None, f"row has {len(extra)} cells beyond the last column; they are ignored",
                                "check the delimiters and quotes on this row", "warning"))
        records.extend(builder.build(row, cells, issues))
    id_column = mapping.columns.get("remote_id") or mapping.columns.get("employee_remote_id")
    records, skipped = _deduplicate(records, issues, id_column)
    order = {h: i for i, h in reversed(list(enumerate(table.header)))}
    issues.sort(key=lambda i: (i.row or 0, order.get(i.column, -1) if i.column else -1, i.problem))
    if len(issues) > max_issues:
        rest = issues[max_issues:]
        issues = issues[:max_issues]
        severity = "error" if any(i.severity == "error" for i in rest) else "warning"
        issues.append(Issue(None, None, f"{len(rest)} more problems are not listed",
                            "fix the problems listed and check the file again", severity))
    return ImportPlan(
        kind=mapping.kind,
        employees=tuple(r for r in records if isinstance(r, EmployeeRecord)),
        reviews=tuple(r for r in records if isinstance(r, PerformanceReviewRecord)),
        changes=tuple(r for r in records if isinstance(r, EmploymentChangeRecord)),
        exits=tuple(r for r in records if isinstance(r, ExitRecord)),
        issues=tuple(issues), rows_read=len(table.rows), rows_skipped_as_duplicates=skipped,
        source_sha256=digest, encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
        header_row=table.header_row,
    )
