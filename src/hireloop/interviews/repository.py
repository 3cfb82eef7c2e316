"""Queries for interview plans, interviews, uploads and answers, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from hireloop.models import Answer, AnswerAnalysis, AnswerUpload, CandidateRequest, Interview, InterviewPlan


def plan_for_job(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> InterviewPlan | None:
    return session.scalars(select(InterviewPlan).where(InterviewPlan.org_id == org_id, InterviewPlan.job_id == job_id)).first()


def get(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID) -> Interview | None:
    return session.scalars(select(Interview).where(Interview.org_id == org_id, Interview.id == interview_id)).first()


def get_unscoped(session: Session, interview_id: uuid.UUID) -> Interview | None:
    """Only for the candidate portal, where a signed link (not a login) names the interview."""
    return session.get(Interview, interview_id)


def open_for_application(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> Interview | None:
    return session.scalars(
        select(Interview).where(Interview.org_id == org_id, Interview.application_id == application_id,
                                Interview.status.in_(("invited", "in_progress")))
    ).first()


def interviews_query(org_id: uuid.UUID, *, job_id: uuid.UUID | None = None, status: str | None = None) -> Select:
    q = select(Interview).where(Interview.org_id == org_id)
    if job_id:
        q = q.where(Interview.job_id == job_id)
    if status:
        q = q.where(Interview.status == status)
    return q


def answers(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID, *, current_only: bool = False) -> list[Answer]:
    q = select(Answer).where(Answer.org_id == org_id, Answer.interview_id == interview_id)
    if current_only:
        q = q.where(Answer.is_current.is_(True))
    return list(session.scalars(q.order_by(Answer.question_index, Answer.attempt)))


def get_answer(session: Session, org_id: uuid.UUID, answer_id: uuid.UUID) -> Answer | None:
    return session.scalars(select(Answer).where(Answer.org_id == org_id, Answer.id == answer_id)).first()


def analysis_for(session: Session, org_id: uuid.UUID, answer_id: uuid.UUID) -> AnswerAnalysis | None:
    return session.scalars(
        select(AnswerAnalysis).where(AnswerAnalysis.org_id == org_id, AnswerAnalysis.answer_id == answer_id)
    ).first()


def upload(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID, upload_id: uuid.UUID) -> AnswerUpload | None:
    return session.scalars(
        select(AnswerUpload).where(AnswerUpload.org_id == org_id, AnswerUpload.interview_id == interview_id,
                                   AnswerUpload.id == upload_id)
    ).first()


def requests_for(session: Session, org_id: uuid.UUID, *, status: str | None = "open") -> list[CandidateRequest]:
    q = select(CandidateRequest).where(CandidateRequest.org_id == org_id)
    if status:
        q = q.where(CandidateRequest.status == status)
    return list(session.scalars(q.order_by(CandidateRequest.due_at)))


def for_candidate(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[Interview]:
    return list(session.scalars(
        select(Interview).where(Interview.org_id == org_id, Interview.candidate_id == candidate_id)
        .order_by(Interview.created_at.desc())
    ))
