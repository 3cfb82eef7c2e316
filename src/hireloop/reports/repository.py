"""Queries for rendered reports, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.models import Report


def report_of(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID, kind: str) -> Report | None:
    return session.scalars(select(Report).where(Report.org_id == org_id, Report.interview_id == interview_id,
                                                Report.kind == kind)).first()
