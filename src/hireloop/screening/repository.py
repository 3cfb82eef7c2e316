"""Queries for resumes, imports and screening results, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hireloop.crypto import blind_index
from hireloop.models import Application, Candidate, Resume, ResumeImport, ScreeningResult


def get_import(session: Session, org_id: uuid.UUID, import_id: uuid.UUID) -> ResumeImport | None:
    return session.scalars(select(ResumeImport).where(ResumeImport.org_id == org_id, ResumeImport.id == import_id)).first()


def imports_for_job(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[ResumeImport]:
    return list(session.scalars(select(ResumeImport).where(ResumeImport.org_id == org_id, ResumeImport.job_id == job_id)
                                .order_by(ResumeImport.created_at.desc()).limit(20)))


def candidate_by_contacts(session: Session, org_id: uuid.UUID, emails: list[str], phones: list[str]) -> Candidate | None:
    conds = []
    if hashed_emails := [h for h in (blind_index(e, "email") for e in emails) if h]:
        conds.append(Candidate.email_hash.in_(hashed_emails))
    if hashed := [h for h in (blind_index(p, "phone") for p in phones) if h]:
        conds.append(Candidate.phone_hash.in_(hashed))
    if not conds:
        return None
    return session.scalars(select(Candidate).where(Candidate.org_id == org_id, Candidate.deleted_at.is_(None), or_(*conds))).first()


def resume_by_hash(session: Session, org_id: uuid.UUID, content_hash: str) -> Resume | None:
    return session.scalars(select(Resume).where(Resume.org_id == org_id, Resume.content_hash == content_hash)).first()


def latest_resume(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> Resume | None:
    return session.scalars(select(Resume).where(Resume.org_id == org_id, Resume.candidate_id == candidate_id)
                           .order_by(Resume.created_at.desc())).first()


def result_for(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> ScreeningResult | None:
    return session.scalars(select(ScreeningResult).where(ScreeningResult.org_id == org_id,
                                                         ScreeningResult.application_id == application_id)).first()


def ranked(session: Session, org_id: uuid.UUID, job_id: uuid.UUID, *, passed_only: bool, min_score: float,
           limit: int) -> list[tuple[ScreeningResult, Application, Candidate]]:
    """Results best first: those passing every hard filter, then by score; ties in a stable order."""
    q = (select(ScreeningResult, Application, Candidate)
         .join(Application, Application.id == ScreeningResult.application_id)
         .join(Candidate, Candidate.id == Application.candidate_id)
         .where(ScreeningResult.org_id == org_id, ScreeningResult.job_id == job_id, Application.deleted_at.is_(None),
                ScreeningResult.score >= min_score))
    if passed_only:
        q = q.where(ScreeningResult.passed.is_(True))
    q = q.order_by(ScreeningResult.passed.desc(), ScreeningResult.score.desc(), Application.created_at, Application.id)
    return [(r, a, c) for r, a, c in session.execute(q.limit(limit)).all()]


def applications_with_resumes(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[tuple[Application, Resume]]:
    latest = (select(Resume.candidate_id, func.max(Resume.created_at).label("at"))
              .where(Resume.org_id == org_id).group_by(Resume.candidate_id).subquery())
    q = (select(Application, Resume)
         .join(latest, latest.c.candidate_id == Application.candidate_id)
         .join(Resume, (Resume.candidate_id == latest.c.candidate_id) & (Resume.created_at == latest.c.at))
         .where(Application.org_id == org_id, Application.job_id == job_id, Application.deleted_at.is_(None)))
    return [(a, r) for a, r in session.execute(q).all()]
