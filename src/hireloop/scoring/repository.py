"""Queries for scoring models, assessments, scorecards and decisions, always scoped by organization."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.models import AnswerContentScore, Application, Assessment, Candidate, Decision, FeedbackSettings, Scorecard, ScoringModel


def models_for_job(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[ScoringModel]:
    return list(session.scalars(select(ScoringModel).where(ScoringModel.org_id == org_id, ScoringModel.job_id == job_id)
                                .order_by(ScoringModel.version)))


def model_version(session: Session, org_id: uuid.UUID, job_id: uuid.UUID, version: int) -> ScoringModel | None:
    return session.scalars(select(ScoringModel).where(ScoringModel.org_id == org_id, ScoringModel.job_id == job_id,
                                                      ScoringModel.version == version)).first()


def active_model(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> ScoringModel | None:
    return session.scalars(select(ScoringModel).where(ScoringModel.org_id == org_id, ScoringModel.job_id == job_id,
                                                      ScoringModel.status == "active")).first()


def next_version(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> int:
    top = session.scalar(select(func.max(ScoringModel.version)).where(ScoringModel.org_id == org_id,
                                                                      ScoringModel.job_id == job_id))
    return int(top or 0) + 1


def get_model(session: Session, org_id: uuid.UUID, model_id: uuid.UUID) -> ScoringModel | None:
    return session.scalars(select(ScoringModel).where(ScoringModel.org_id == org_id, ScoringModel.id == model_id)).first()


def assessment_for_interview(session: Session, org_id: uuid.UUID, interview_id: uuid.UUID) -> Assessment | None:
    return session.scalars(select(Assessment).where(Assessment.org_id == org_id,
                                                    Assessment.interview_id == interview_id)).first()


def latest_assessment_for_application(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> Assessment | None:
    return session.scalars(select(Assessment).where(Assessment.org_id == org_id, Assessment.application_id == application_id)
                           .order_by(Assessment.scored_at.desc())).first()


def assessments_for_job(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[Assessment]:
    return list(session.scalars(select(Assessment).where(Assessment.org_id == org_id, Assessment.job_id == job_id)))


def ranked_rows(session: Session, org_id: uuid.UUID, job_id: uuid.UUID) -> list[tuple[Assessment, Application, Candidate]]:
    """The latest assessment of each application of a job, with its application and candidate."""
    q = (select(Assessment, Application, Candidate)
         .join(Application, Application.id == Assessment.application_id)
         .join(Candidate, Candidate.id == Assessment.candidate_id)
         .where(Assessment.org_id == org_id, Assessment.job_id == job_id, Application.deleted_at.is_(None))
         .order_by(Assessment.scored_at.desc()))
    seen: set[uuid.UUID] = set()
    out = []
    for a, app, cand in session.execute(q).all():
        if app.id not in seen:
            seen.add(app.id)
            out.append((a, app, cand))
    return out


def scorecards(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> list[Scorecard]:
    return list(session.scalars(select(Scorecard).where(Scorecard.org_id == org_id,
                                                        Scorecard.application_id == application_id)
                                .order_by(Scorecard.created_at)))


def scorecard_of(session: Session, org_id: uuid.UUID, application_id: uuid.UUID, reviewer_id: uuid.UUID) -> Scorecard | None:
    return session.scalars(select(Scorecard).where(Scorecard.org_id == org_id, Scorecard.application_id == application_id,
                                                   Scorecard.reviewer_id == reviewer_id)).first()


def decisions(session: Session, org_id: uuid.UUID, application_id: uuid.UUID) -> list[Decision]:
    return list(session.scalars(select(Decision).where(Decision.org_id == org_id, Decision.application_id == application_id)
                                .order_by(Decision.created_at.desc())))


def feedback_settings(session: Session, org_id: uuid.UUID) -> FeedbackSettings | None:
    return session.scalars(select(FeedbackSettings).where(FeedbackSettings.org_id == org_id)).first()


def content_score_of(session: Session, org_id: uuid.UUID, answer_id: uuid.UUID) -> AnswerContentScore | None:
    return session.scalars(select(AnswerContentScore).where(AnswerContentScore.org_id == org_id,
                                                            AnswerContentScore.answer_id == answer_id)).first()
