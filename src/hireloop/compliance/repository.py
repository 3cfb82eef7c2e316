"""Queries of the compliance domain: the audit log, consents, candidate requests and processing restrictions."""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hireloop.crypto import blind_index
from hireloop.models import (
    Answer,
    AnswerAnalysis,
    AnswerUpload,
    Application,
    Assessment,
    AuditEvent,
    Candidate,
    CandidateRequest,
    ConsentRecord,
    EmailMessage,
    Employee,
    Interview,
    ProcessingRestriction,
    Report,
    Resume,
    ResumeImport,
    StageChange,
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


# What is held on one candidate, for erasure and access requests.

def restrictions_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[ProcessingRestriction]:
    return list(session.scalars(select(ProcessingRestriction).where(ProcessingRestriction.org_id == org_id,
                                                                    ProcessingRestriction.candidate_id == candidate_id)))


def candidate_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate | None:
    return session.scalars(select(Candidate).where(Candidate.org_id == org_id, Candidate.id == candidate_id)).first()


def applications_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[Application]:
    return list(session.scalars(select(Application).where(Application.org_id == org_id,
                                                          Application.candidate_id == candidate_id)))


def interviews_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[Interview]:
    return list(session.scalars(select(Interview).where(Interview.org_id == org_id, Interview.candidate_id == candidate_id)))


def answers_of(session: Session, org_id: uuid.UUID, interview_ids: list[uuid.UUID]) -> list[Answer]:
    if not interview_ids:
        return []
    return list(session.scalars(select(Answer).where(Answer.org_id == org_id, Answer.interview_id.in_(interview_ids))))


def analyses_of(session: Session, answer_ids: list[uuid.UUID]) -> list[AnswerAnalysis]:
    if not answer_ids:
        return []
    return list(session.scalars(select(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_(answer_ids))))


def report_files(reports: list[Report]) -> list[str]:
    """The storage keys of rendered reports (HTML and PDF): they name the candidate and quote their answers."""
    return [k for r in reports for k in (r.html_key, r.pdf_key) if k]


def assessments_of_interview(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID) -> list[Assessment]:
    return list(session.scalars(select(Assessment).where(Assessment.org_id == org_id,
                                                         Assessment.interview_id == interview_id)))


def reports_of(session: Session, org_id: uuid.UUID, interview_ids: list[uuid.UUID]) -> list[Report]:
    if not interview_ids:
        return []
    return list(session.scalars(select(Report).where(Report.org_id == org_id, Report.interview_id.in_(interview_ids))))


def stage_changes_of(session: Session, application_ids: list[uuid.UUID]) -> list[StageChange]:
    if not application_ids:
        return []
    return list(session.scalars(select(StageChange).where(StageChange.application_id.in_(application_ids))))


def requests_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[CandidateRequest]:
    return list(session.scalars(select(CandidateRequest).where(CandidateRequest.org_id == org_id,
                                                               CandidateRequest.candidate_id == candidate_id)))


def uploads_of(session: Session, org_id: uuid.UUID, interview_ids: list[uuid.UUID]) -> list[AnswerUpload]:
    if not interview_ids:
        return []
    return list(session.scalars(select(AnswerUpload).where(AnswerUpload.org_id == org_id,
                                                           AnswerUpload.interview_id.in_(interview_ids))))


def messages_to(session: Session, org_id: uuid.UUID, address: str | None) -> list[EmailMessage]:
    """Messages sent to an address, found by its keyed hash (the address itself is stored encrypted)."""
    if not address:
        return []
    return list(session.scalars(select(EmailMessage).where(EmailMessage.org_id == org_id,
                                                           EmailMessage.to_hash == blind_index(address, "email"))))


def employees_from(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID,
                   application_ids: list[uuid.UUID]) -> list[Employee]:
    """Employees hired from this candidate (linked by the candidate or by one of their applications)."""
    linked = Employee.candidate_id == candidate_id
    if application_ids:
        linked = or_(linked, Employee.application_id.in_(application_ids))
    return list(session.scalars(select(Employee).where(Employee.org_id == org_id, linked)))


# Retention runs across organizations (a scheduled task, no actor).

def answers_with_interviews(session: Session) -> list[tuple[Answer, Interview]]:
    return [(a, i) for a, i in session.execute(select(Answer, Interview).join(Interview, Interview.id == Answer.interview_id)).all()]


def analysis_ids_of_answer(session: Session, answer_id: uuid.UUID) -> list[uuid.UUID]:
    return list(session.scalars(select(AnswerAnalysis.id).where(AnswerAnalysis.answer_id == answer_id)))


def all_candidates(session: Session) -> list[Candidate]:
    return list(session.scalars(select(Candidate)))


def released_explanations(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[CandidateRequest]:
    """Explanation requests HR has answered (closed): the candidate may then download the explanation."""
    return list(session.scalars(select(CandidateRequest).where(
        CandidateRequest.org_id == org_id, CandidateRequest.candidate_id == candidate_id,
        CandidateRequest.kind == "explanation", CandidateRequest.status == "closed")))


def resumes_of(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[Resume]:
    return list(session.scalars(select(Resume).where(Resume.org_id == org_id, Resume.candidate_id == candidate_id)))


def resume_imports(session: Session, org_id: uuid.UUID) -> list[ResumeImport]:
    return list(session.scalars(select(ResumeImport).where(ResumeImport.org_id == org_id)))
