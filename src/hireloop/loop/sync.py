"""Copy the organization's own applications (stage reached, interview scores and measures) into the loop's
applicant records, so pass rates, the funnel and the selection audit cover everyone who applied through HireLoop.

Upserts by remote id 'app-<application id>'; group data is not copied (HireLoop does not collect it with an
application), so such applicants count as 'unknown' in the audit unless group data is recorded for them.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.candidates.stages import PIPELINE
from hireloop.models import Application, Assessment, Candidate, Employee, Job, LoopApplicant, StageChange

# pipeline stage -> the loop's funnel stage (invited counts as screened: not interviewed yet)
FUNNEL_OF = {"applied": "applied", "screened": "screened", "invited": "screened", "interviewed": "interviewed",
             "reviewed": "interviewed", "offer": "offered", "hired": "hired"}
# behaviour measures as scoring stores them -> the loop's measure names
MEASURE_OF = {"speech_rate": "speech_rate", "speech_rate_variation_pct": "speech_rate_cv",
              "long_pauses_per_min": "pauses_per_min", "fillers_per_min": "fillers_per_min",
              "eye_contact_share": "eye_contact_ratio"}
PREFIX = "app-"


def _furthest(current: str, history: list[str]) -> str:
    """The furthest pipeline stage reached (a rejected or withdrawn application keeps where it got to)."""
    order = {s.value: i for i, s in enumerate(PIPELINE)}
    reached = [s for s in [current, *history] if s in order]
    return max(reached, key=order.__getitem__) if reached else "applied"


def _measures(a: Assessment | None) -> dict[str, Any]:
    if a is None:
        return {}
    out: dict[str, Any] = {f"score_{c['key']}": c["score"] for c in a.competencies or [] if c.get("score") is not None}
    raw = (a.parts or {}).get("measures") or {}
    out |= {MEASURE_OF[k]: v for k, v in raw.items() if k in MEASURE_OF and isinstance(v, int | float)}
    return out


def sync_applicants(session: Session, org_id: uuid.UUID) -> int:
    """Insert or update one LoopApplicant per application of the organization; returns how many were written."""
    apps = session.execute(
        select(Application, Job.title, Candidate.profile)
        .join(Job, Job.id == Application.job_id).join(Candidate, Candidate.id == Application.candidate_id)
        .where(Application.org_id == org_id, Application.deleted_at.is_(None))).all()
    ids = [a.id for a, _, _ in apps]
    history: dict[uuid.UUID, list[str]] = {}
    for app_id, stage in session.execute(select(StageChange.application_id, StageChange.to_stage)
                                         .where(StageChange.org_id == org_id, StageChange.application_id.in_(ids))):
        history.setdefault(app_id, []).append(stage)
    scored: dict[uuid.UUID, Assessment] = {}
    for a in session.scalars(select(Assessment).where(Assessment.org_id == org_id, Assessment.application_id.in_(ids))
                             .order_by(Assessment.scored_at)):
        scored[a.application_id] = a  # the latest assessment wins
    hired_as = dict(session.execute(select(Employee.application_id, Employee.id).where(
        Employee.org_id == org_id, Employee.application_id.in_(ids), Employee.deleted_at.is_(None))).all())
    existing = {r.remote_id: r for r in session.scalars(
        select(LoopApplicant).where(LoopApplicant.org_id == org_id, LoopApplicant.remote_id.like(f"{PREFIX}%")))}
    from hireloop.compliance import repository as compliance_repo
    from hireloop.compliance.safeguards import NO_AUTOMATED_ANALYSIS

    opted_out = {r.candidate_id for r in compliance_repo.restrictions(session, org_id, kind=NO_AUTOMATED_ANALYSIS)}
    for app, title, profile in apps:
        a = scored.get(app.id)
        if app.candidate_id in opted_out:  # the alternative process: only the stage is copied, no score or match
            a, profile = None, {}
        stage = FUNNEL_OF[_furthest(app.stage, history.get(app.id, []))]
        match = (profile or {}).get("match_score")
        values = {"application_id": app.id, "job": title, "applied_period": app.created_at.strftime("%Y-%m"), "stage": stage,
                  "hired": stage == "hired", "employee_id": hired_as.get(app.id),
                  "interview_score": None if a is None or a.composite is None else round((a.composite - 1) / 4 * 100, 1),
                  "resume_match": float(match) * (100 if 0 <= match <= 1 else 1)
                  if isinstance(match, int | float) and not isinstance(match, bool) else None,
                  "measures": _measures(a)}
        row = existing.get(f"{PREFIX}{app.id}")
        if row is None:
            session.add(LoopApplicant(org_id=org_id, remote_id=f"{PREFIX}{app.id}", **values))
        else:
            for k, v in values.items():
                setattr(row, k, v)
    live = {f"{PREFIX}{a.id}" for a, _, _ in apps}
    for remote_id, row in existing.items():  # an application deleted since the last copy leaves no record behind
        if remote_id not in live:
            session.delete(row)
    session.flush()
    return len(apps)
