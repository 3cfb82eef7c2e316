"""Extra groups in the bias audit: besides sex and age band, the groups an organization chooses to audit.

Applicants' extra group data (e.g. {"hukou": "non_local"}) is stored in LoopGroupData.extra, apart from their
profile, only when given. LoopSettings.audit_groups lists the ones the audits cover, each alone and crossed with
sex, age band and the other configured groups. Group data is never a model feature: the names are also refused
as features (ml.features.assert_no_group_features) when a model is trained.
"""

from __future__ import annotations

import re
import uuid

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.errors import ValidationFailed
from hireloop.models import LoopSettings, utcnow

BASE_GROUPS = ("sex", "age_band")
NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_GROUPS = 5
MAX_VALUE = 64
MAX_STORED = 2 * MAX_GROUPS  # extra groups kept per applicant, however many uploads add


def _reserved() -> frozenset[str]:
    """Names an extra group may not take: the applicant frame's columns and every model feature (a group of
    that name would shadow a measure, or make every training refuse the feature)."""
    from hireloop.ml.features import ATTRITION_NUMERIC, BEHAVIOUR_LABELS, CANDIDATE_NUMERIC

    return frozenset({"applicant_id", "job", "applied_period", "stage", "hired", "interview_score", "resume_match",
                      "employee_id", "eid", *BASE_GROUPS, *BEHAVIOUR_LABELS, *ATTRITION_NUMERIC, *CANDIDATE_NUMERIC})


RESERVED = _reserved()


def is_valid_name(name: str) -> bool:
    """A group name usable as a column: lower-case letters, digits and _, not one of the applicant columns."""
    return bool(NAME.match(name)) and name not in RESERVED and not name.startswith("score_")


def _row(session: Session, org_id: uuid.UUID) -> LoopSettings | None:
    return session.scalars(select(LoopSettings).where(LoopSettings.org_id == org_id)).first()


def configured(session: Session, org_id: uuid.UUID) -> list[str]:
    """The extra groups the organization audits (none until configured)."""
    row = _row(session, org_id)
    return [g for g in (row.audit_groups if row else []) if is_valid_name(g)]


def configure(session: Session, actor: object, names: list[str]) -> list[str]:
    """Set the extra groups to audit (replacing the list) and write an audit event."""
    from hireloop.compliance import audit

    clean = list(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    bad = [n for n in clean if not is_valid_name(n)]
    if bad:
        raise ValidationFailed(f"Group names must be lower-case letters, digits and _ (not {', '.join(bad)}), and not "
                               "sex, age_band or an applicant column.", code="invalid_group_name")
    if len(clean) > MAX_GROUPS:
        raise ValidationFailed(f"Audit at most {MAX_GROUPS} extra groups.", code="too_many_groups")
    org_id = actor.org_id  # type: ignore[attr-defined]
    row = _row(session, org_id) or LoopSettings(org_id=org_id, audit_groups=[])
    row.audit_groups, row.updated_at = clean, utcnow()
    session.add(row)
    session.flush()
    audit.record(session, actor, "loop.audit_groups_set", entity_type="organization", entity_id=org_id,
                 details={"groups": clean})
    return clean


def configure_if_unset(session: Session, org_id: uuid.UUID, names: list[str]) -> None:
    """Audit these groups when the organization has not chosen any (used by the demo load)."""
    if _row(session, org_id) is None:
        session.add(LoopSettings(org_id=org_id, audit_groups=[n for n in names if is_valid_name(n)]))
        session.flush()


def extra_columns(apps: pd.DataFrame) -> list[str]:
    """The extra group columns present in an applicant frame (see applicants.load_applicants)."""
    from hireloop.loop.applicants import BASE_COLUMNS, MEASURES

    known = {*BASE_COLUMNS, *MEASURES, *BASE_GROUPS}
    return [c for c in apps.columns if c not in known]


def available(apps: pd.DataFrame) -> list[dict[str, object]]:
    """Every extra group found in the applicants' group data, with how many applicants gave it."""
    return [{"name": g, "n_known": int(apps[g].notna().sum()),
             "values": sorted(str(v) for v in apps[g].dropna().unique())[:20]} for g in extra_columns(apps)]


def audit_groups(apps: pd.DataFrame, names: list[str]) -> tuple[str, ...]:
    """The columns an audit covers: sex, age band and the configured extra groups that have data."""
    present = set(extra_columns(apps))
    return (*BASE_GROUPS, *(n for n in names if n in present))


def _value(v: object) -> str | None:
    """One spelling per category ('Female ' and 'female' are one group), at most MAX_VALUE characters."""
    if v is None:
        return None
    text = " ".join(str(v).split()).lower()
    if not text:
        return None
    if len(text) > MAX_VALUE:
        raise ValidationFailed(f"A group value is at most {MAX_VALUE} characters.", code="group_value_too_long")
    return text


def store_group_data(session: Session, org_id: uuid.UUID, items: list[dict[str, object]]) -> dict[str, object]:
    """Record voluntarily given group data of recorded applicants (by their loop remote id, e.g. 'app-<id>'),
    apart from their profile: sex, age band and extra groups. Given fields replace the stored ones; a value of
    None removes it. Applicants not recorded are listed, not created."""
    from hireloop.models import LoopApplicant, LoopGroupData

    ids = [str(i["applicant"]) for i in items]
    found = dict(session.execute(select(LoopApplicant.remote_id, LoopApplicant.id)
                                 .where(LoopApplicant.org_id == org_id, LoopApplicant.remote_id.in_(ids))).all())
    rows = {r.applicant_id: r for r in session.scalars(
        select(LoopGroupData).where(LoopGroupData.org_id == org_id, LoopGroupData.applicant_id.in_(found.values())))}
    created = updated = 0
    for item in items:
        aid = found.get(str(item["applicant"]))
        if aid is None:
            continue
        extra = {k: _value(v) for k, v in dict(item.get("groups") or {}).items()}  # type: ignore[call-overload]
        bad = [k for k in extra if not is_valid_name(k)]
        if bad:
            raise ValidationFailed(f"Group names must be lower-case letters, digits and _, and not an applicant "
                                   f"column or a measure (not {', '.join(bad)}).", code="invalid_group_name")
        row = rows.get(aid)
        if row is None:
            row = rows[aid] = LoopGroupData(org_id=org_id, applicant_id=aid, extra={})
            session.add(row)
            created += 1
        else:
            updated += 1
        for field in ("sex", "age_band"):
            if field in item:
                setattr(row, field, _value(item[field]))
        merged = {k: v for k, v in {**(row.extra or {}), **extra}.items() if v is not None}
        if len(merged) > MAX_STORED:
            raise ValidationFailed(f"Applicant {item['applicant']} would hold {len(merged)} extra groups; at most "
                                   f"{MAX_STORED} are kept (send null to remove one).", code="too_many_groups")
        row.extra = merged
    session.flush()
    return {"created": created, "updated": updated, "not_found": [i for i in ids if i not in found]}
