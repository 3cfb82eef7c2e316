"""Queries of the compliance domain: the audit log, consents, candidate requests and processing restrictions."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.models import (
    Assessment,
    AuditEvent,
    Candidate,
    CandidateRequest,
    ConsentRecord,
    Interview,
    ProcessingRestriction,
)


def audit_events(session: Session, org_id: uuid.UUID, *, entity_id: str | None = None, action: str | None = None,
                 limit: int = 100) -> list[AuditEvent]:
    q = select(AuditEvent).where(AuditEvent.org_id == org_id)
    if entity_id:
        q = q.where(AuditEvent.entity_id == entity_id)
    if action:
        q = q.where(AuditEvent.action == action)
    return list(session.scalars(q.order_by(AuditEvent.id.desc()).limit(limit)))


def active_consents(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[ConsentRecord]:
    return list(session.scalars(
        select(ConsentRecord).where(ConsentRecord.org_id == org_id, ConsentRecord.candidate_id == candidate_id,
                                    ConsentRecord.withdrawn_at.is_(None))
    ))


def consents(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[ConsentRecord]:
    return list(session.scalars(
        select(ConsentRecord).where(ConsentRecord.org_id == org_id, ConsentRecord.candidate_id == candidate_id)
        .order_by(ConsentRecord.created_at)
    ))


def candidate_requests(session: Session, org_id: uuid.UUID, *, include_closed: bool = False
                       ) -> list[tuple[CandidateRequest, Candidate, str | None]]:
    """Candidates' requests with the candidate and the policy of the interview filed from, the soonest due first."""
    q = (select(CandidateRequest, Candidate, Interview.policy_key)
         .join(Candidate, Candidate.id == CandidateRequest.candidate_id)
         .outerjoin(Interview, Interview.id == CandidateRequest.interview_id)
         .where(CandidateRequest.org_id == org_id))
    if not include_closed:
        q = q.where(CandidateRequest.status != "closed")
    return [(r, c, p) for r, c, p in session.execute(q.order_by(CandidateRequest.due_at, CandidateRequest.id)).all()]


def candidate_request(session: Session, org_id: uuid.UUID, request_id: uuid.UUID) -> CandidateRequest | None:
    return session.scalars(select(CandidateRequest).where(CandidateRequest.org_id == org_id,
                                                          CandidateRequest.id == request_id)).first()


def open_requests_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, kind: str) -> list[CandidateRequest]:
    return list(session.scalars(select(CandidateRequest).where(
        CandidateRequest.org_id == org_id, CandidateRequest.candidate_id == candidate_id, CandidateRequest.kind == kind,
        CandidateRequest.status != "closed")))


def restrictions(session: Session, org_id: uuid.UUID, *, kind: str, candidate_id: uuid.UUID | None = None,
                 application_id: uuid.UUID | None = None, unresolved: bool = True) -> list[ProcessingRestriction]:
    q = select(ProcessingRestriction).where(ProcessingRestriction.org_id == org_id, ProcessingRestriction.kind == kind)
    if candidate_id is not None:
        q = q.where(ProcessingRestriction.candidate_id == candidate_id)
    if application_id is not None:
        q = q.where(ProcessingRestriction.application_id == application_id)
    if unresolved:
        q = q.where(ProcessingRestriction.resolved_at.is_(None))
    return list(session.scalars(q.order_by(ProcessingRestriction.created_at)))


def assessments_of_candidate(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[Assessment]:
    return list(session.scalars(select(Assessment).where(Assessment.org_id == org_id, Assessment.candidate_id == candidate_id)
                                .order_by(Assessment.scored_at)))
