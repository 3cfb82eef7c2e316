"""Queries that assemble outcome tables for the loop's analyses."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.models import Employee, Exit


def employees_with_exits(session: Session, org_id: uuid.UUID) -> list[tuple[Employee, Exit | None]]:
    """Every current (not deleted) employee record, with its exit when there is one."""
    exits = {e.employee_id: e for e in session.scalars(
        select(Exit).where(Exit.org_id == org_id, Exit.deleted_at.is_(None)))}
    emps = session.scalars(select(Employee).where(Employee.org_id == org_id, Employee.deleted_at.is_(None))
                           .order_by(Employee.remote_id, Employee.id))
    return [(e, exits.get(e.id)) for e in emps]
