"""Queries for jobs, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from hireloop.models import Application, Job


def get(session: Session, org_id: uuid.UUID, job_id: uuid.UUID, *, with_competencies: bool = True) -> Job | None:
    q = select(Job).where(Job.org_id == org_id, Job.id == job_id, Job.deleted_at.is_(None))
    if with_competencies:
        q = q.options(selectinload(Job.competencies))
    return session.scalars(q).first()


def list_query(org_id: uuid.UUID, *, status: str | None = None, include_deleted: bool = False) -> Select[tuple[Job]]:
    q = select(Job).where(Job.org_id == org_id).options(selectinload(Job.competencies))
    if not include_deleted:
        q = q.where(Job.deleted_at.is_(None))
    if status:
        q = q.where(Job.status == status)
    return q


def all_jobs(session: Session, org_id: uuid.UUID) -> list[Job]:
    return list(session.scalars(list_query(org_id).order_by(Job.created_at)))


def application_counts(session: Session, org_id: uuid.UUID) -> dict[uuid.UUID, dict[str, int]]:
    """Applications per job and stage."""
    rows = session.execute(
        select(Application.job_id, Application.stage, func.count())
        .where(Application.org_id == org_id, Application.deleted_at.is_(None))
        .group_by(Application.job_id, Application.stage)
    ).all()
    out: dict[uuid.UUID, dict[str, int]] = {}
    for job_id, stage, n in rows:
        out.setdefault(job_id, {})[stage] = n
    return out
