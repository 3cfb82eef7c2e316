"""Queries that assemble outcome tables for the loop's analyses."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hireloop.models import Employee, Exit, LoopApplicant, LoopGroupData, RiskScoreRow, WeightDecision


def employees_with_exits(session: Session, org_id: uuid.UUID) -> list[tuple[Employee, Exit | None]]:
    """Every current (not deleted) employee record, with its exit when there is one."""
    exits = {e.employee_id: e for e in session.scalars(
        select(Exit).where(Exit.org_id == org_id, Exit.deleted_at.is_(None)))}
    emps = session.scalars(select(Employee).where(Employee.org_id == org_id, Employee.deleted_at.is_(None))
                           .order_by(Employee.remote_id, Employee.id))
    return [(e, exits.get(e.id)) for e in emps]


def applicants(session: Session, org_id: uuid.UUID) -> list[Any]:
    """Every recorded applicant of the organization with its group data (None when not given), as plain rows
    (columns, not ORM objects: a dashboard reads thousands of them)."""
    a, g = LoopApplicant, LoopGroupData
    return list(session.execute(
        select(a.remote_id, a.job, a.applied_period, a.stage, a.hired, a.interview_score, a.resume_match, a.measures,
               g.sex, g.age_band, g.extra)
        .outerjoin(g, g.applicant_id == a.id).where(a.org_id == org_id)
        .order_by(a.applied_period, a.remote_id)).all())


def latest_risk_scores(session: Session, org_id: uuid.UUID) -> list[tuple[RiskScoreRow, str | None, str | None]]:
    """The stored risk scores of the latest refresh, highest first, with each employee's remote id and title."""
    last = session.scalar(select(func.max(RiskScoreRow.computed_at)).where(RiskScoreRow.org_id == org_id))
    if last is None:
        return []
    rows = session.execute(select(RiskScoreRow, Employee.remote_id, Employee.job_title)
                           .join(Employee, Employee.id == RiskScoreRow.employee_id)
                           .where(RiskScoreRow.org_id == org_id, RiskScoreRow.computed_at == last,
                                  Employee.deleted_at.is_(None), Employee.status != "exited")  # left since
                           .order_by(RiskScoreRow.risk.desc())).all()
    return [(r, rid, title) for r, rid, title in rows]


def replace_risk_scores(session: Session, org_id: uuid.UUID, rows: list[dict[str, Any]]) -> None:
    """Store a refresh's scores in place of the previous ones (the model registry keeps the models)."""
    session.execute(delete(RiskScoreRow).where(RiskScoreRow.org_id == org_id))
    if rows:
        session.execute(RiskScoreRow.__table__.insert(), rows)
    session.flush()


def weight_decisions(session: Session, org_id: uuid.UUID, loop_job: str | None = None) -> list[WeightDecision]:
    """Accepted and rejected weight proposals, newest first."""
    q = select(WeightDecision).where(WeightDecision.org_id == org_id)
    if loop_job:
        q = q.where(WeightDecision.loop_job == loop_job)
    return list(session.scalars(q.order_by(WeightDecision.decided_at.desc(), WeightDecision.id)))
