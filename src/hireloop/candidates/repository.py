"""Queries for candidates, applications and stage history, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.orm import Session

from hireloop.crypto import blind_index
from hireloop.models import Application, Candidate, StageChange


def get_candidate(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate | None:
    return session.scalars(
        select(Candidate).where(Candidate.org_id == org_id, Candidate.id == candidate_id, Candidate.deleted_at.is_(None))
    ).first()


def candidates_query(org_id: uuid.UUID, *, q: str | None = None, include_deleted: bool = False) -> Select[tuple[Candidate]]:
    stmt = select(Candidate).where(Candidate.org_id == org_id)
    if not include_deleted:
        stmt = stmt.where(Candidate.deleted_at.is_(None))
    if q and q.strip():
        stmt = stmt.where(exact_match(q))
    return stmt


def exact_match(q: str) -> ColumnElement[bool]:
    """Names and contacts are sealed at rest, so search is exact (case, width and spacing aside) on the full
    name, the email or the phone number, through their keyed hashes."""
    hashes = ((Candidate.name_hash, blind_index(q, "name")), (Candidate.email_hash, blind_index(q, "email")),
              (Candidate.phone_hash, blind_index(q, "phone")))
    # a query with nothing to match (blank, or no digits for a phone) must not become "hash IS NULL"
    return or_(false(), *(col == h for col, h in hashes if h))


def find_duplicate(session: Session, org_id: uuid.UUID, *, email: str | None, phone: str | None) -> Candidate | None:
    conds = []
    if email and (em := blind_index(email, "email")):
        conds.append(Candidate.email_hash == em)
    if phone and (ph := blind_index(phone, "phone")):
        conds.append(Candidate.phone_hash == ph)
    if not conds:
        return None
    return session.scalars(
        select(Candidate).where(Candidate.org_id == org_id, Candidate.deleted_at.is_(None), or_(*conds))
    ).first()


def get_application(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> Application | None:
    return session.scalars(
        select(Application).where(
            Application.org_id == org_id, Application.id == application_id, Application.deleted_at.is_(None)
        )
    ).first()


def find_application(session: Session, org_id: uuid.UUID, job_id: uuid.UUID, candidate_id: uuid.UUID) -> Application | None:
    return session.scalars(
        select(Application).where(
            Application.org_id == org_id, Application.job_id == job_id, Application.candidate_id == candidate_id
        )
    ).first()


def applications_query(
    org_id: uuid.UUID, *, job_id: uuid.UUID | None = None, candidate_id: uuid.UUID | None = None, stage: str | None = None,
    include_deleted: bool = False,
) -> Select[tuple[Application]]:
    stmt = select(Application).where(Application.org_id == org_id)
    if not include_deleted:
        stmt = stmt.where(Application.deleted_at.is_(None))
    if job_id:
        stmt = stmt.where(Application.job_id == job_id)
    if candidate_id:
        stmt = stmt.where(Application.candidate_id == candidate_id)
    if stage:
        stmt = stmt.where(Application.stage == stage)
    return stmt


def board(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[tuple[Application, Candidate]]:
    """Every application of a job with its candidate, for the pipeline board."""
    rows = session.execute(
        select(Application, Candidate)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Application.org_id == org_id, Application.job_id == job_id, Application.deleted_at.is_(None),
               Candidate.org_id == org_id)
        .order_by(Application.stage_changed_at.desc())
    ).all()
    return [(a, c) for a, c in rows]


def history(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> list[StageChange]:
    return list(
        session.scalars(
            select(StageChange)
            .where(StageChange.org_id == org_id, StageChange.application_id == application_id)
            .order_by(StageChange.created_at)
        )
    )
