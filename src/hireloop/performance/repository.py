"""Queries for employees and their outcomes, always scoped by organization."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hireloop.models import Employee, EmploymentChange, Exit, ReviewCycle, StageChange

M = TypeVar("M")
CHUNK = 500  # ids per IN (...) query, well below SQLite's bound-parameter limit


def get(session: Session, model: type[M], org_id: uuid.UUID, id_: uuid.UUID, *,
        include_deleted: bool = False) -> M | None:
    """One row of an organization by id (live rows only unless include_deleted)."""
    q = select(model).where(model.org_id == org_id, model.id == id_)  # type: ignore[attr-defined]
    if not include_deleted:
        q = q.where(model.deleted_at.is_(None))  # type: ignore[attr-defined]
    return session.scalars(q).first()


def list_query(model: type[M], org_id: uuid.UUID, *, include_deleted: bool = False, **equals: Any) -> Select[tuple[M]]:
    """Rows of one organization; keyword arguments filter columns by equality (None: no filter)."""
    q = select(model).where(model.org_id == org_id)  # type: ignore[attr-defined]
    if not include_deleted:
        q = q.where(model.deleted_at.is_(None))  # type: ignore[attr-defined]
    for column, value in equals.items():
        if value is not None:
            q = q.where(getattr(model, column) == value)
    return q


def by_remote_ids(session: Session, model: type[M], org_id: uuid.UUID, remote_ids: Iterable[str]) -> dict[str, M]:
    """Rows with these remote ids, deleted ones included (an upsert brings them back)."""
    wanted = sorted(set(remote_ids))
    found: dict[str, M] = {}
    for i in range(0, len(wanted), CHUNK):
        rows = session.scalars(
            select(model).where(model.org_id == org_id,  # type: ignore[attr-defined]
                                model.remote_id.in_(wanted[i:i + CHUNK]))  # type: ignore[attr-defined]
        )
        found.update({r.remote_id: r for r in rows})  # type: ignore[attr-defined]
    return found


def employee_for_application(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> Employee | None:
    """The employee hired from an application, if any."""
    return session.scalars(
        select(Employee).where(Employee.org_id == org_id, Employee.application_id == application_id)
    ).first()


def cycle_for_period(session: Session, org_id: uuid.UUID, period: str, *,
                     include_deleted: bool = False) -> ReviewCycle | None:
    """The review cycle of a period, if any."""
    q = select(ReviewCycle).where(ReviewCycle.org_id == org_id, ReviewCycle.period == period)
    if not include_deleted:
        q = q.where(ReviewCycle.deleted_at.is_(None))
    return session.scalars(q).first()


def cycles_by_period(session: Session, org_id: uuid.UUID) -> dict[str, ReviewCycle]:
    """Live review cycles of an organization by period."""
    rows = session.scalars(select(ReviewCycle).where(ReviewCycle.org_id == org_id, ReviewCycle.deleted_at.is_(None)))
    return {c.period: c for c in rows}


def employees_by_ids(session: Session, org_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> list[Employee]:
    """Employees with these ids, deleted ones included."""
    wanted = sorted(set(ids))
    found: list[Employee] = []
    for i in range(0, len(wanted), CHUNK):
        found += session.scalars(
            select(Employee).where(Employee.org_id == org_id, Employee.id.in_(wanted[i:i + CHUNK])))
    return found


def employees_with_live_exits(session: Session, org_id: uuid.UUID, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these employees have at least one exit that is not deleted."""
    wanted = sorted(set(ids))
    found: set[uuid.UUID] = set()
    for i in range(0, len(wanted), CHUNK):
        found.update(session.scalars(
            select(Exit.employee_id).where(Exit.org_id == org_id, Exit.employee_id.in_(wanted[i:i + CHUNK]),
                                           Exit.deleted_at.is_(None)).group_by(Exit.employee_id)))
    return found


def changes_of(session: Session, org_id: uuid.UUID, employee_id: uuid.UUID) -> list[EmploymentChange]:
    """An employee's live employment changes, latest effective date first."""
    return list(session.scalars(
        select(EmploymentChange).where(EmploymentChange.org_id == org_id, EmploymentChange.employee_id == employee_id,
                                       EmploymentChange.deleted_at.is_(None))
        .order_by(EmploymentChange.effective_date.desc(), EmploymentChange.created_at.desc())
    ))


def stage_history(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> list[StageChange]:
    """An application's stage changes, oldest first."""
    return list(session.scalars(
        select(StageChange).where(StageChange.org_id == org_id, StageChange.application_id == application_id)
        .order_by(StageChange.created_at)
    ))
