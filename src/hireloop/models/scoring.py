"""Scoring model versions, assessments of interviews, reviewers' scorecards, decisions and rendered reports."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.crypto import EncryptedJSON, EncryptedText
from hireloop.models.base import Base, IdMixin, JSONType, TenantMixin, TimestampMixin, utcnow


class ScoringModel(IdMixin, TenantMixin, TimestampMixin, Base):
    """One version of a job's weights; frozen from the moment it scores anyone (first_used_at set)."""

    __tablename__ = "scoring_models"
    __table_args__ = (UniqueConstraint("job_id", "version"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)  # draft | active | retired
    # {"parts": {"resume_match", "content", "behaviour"}, "competencies": {key: w}, "behaviour_indices": {key: w},
    #  "thresholds": {"advance": 3.8, "hold": 2.8}}
    weights: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(200), default="system")
    activated_at: Mapped[datetime | None] = mapped_column(default=None)
    first_used_at: Mapped[datetime | None] = mapped_column(default=None)


class AnswerContentScore(IdMixin, TenantMixin, TimestampMixin, Base):
    """The content score of one answer, kept so that scoring an interview reuses what was scored on arrival."""

    __tablename__ = "answer_content_scores"

    answer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), unique=True)
    # SHA-256 of scorer, question, competency, anchors, language and transcript: any change means score again.
    input_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("answer_content_scores.result"), default=dict)


class Assessment(IdMixin, TenantMixin, TimestampMixin, Base):
    """The scored result of one interview under one scoring model version."""

    __tablename__ = "assessments"

    interview_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), unique=True)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    scoring_model_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("scoring_models.id", ondelete="RESTRICT"), index=True)
    composite: Mapped[float | None] = mapped_column(index=True)  # 1-5
    parts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)  # part -> {score, weight, counted}
    # per competency: scores and the evidence quotes (the candidate's words), sealed at rest
    competencies: Mapped[list[dict[str, Any]]] = mapped_column(EncryptedJSON("assessments.competencies"), default=list)
    behaviour: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    confidence: Mapped[float] = mapped_column(default=0.0)
    confidence_parts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    recommendation: Mapped[str] = mapped_column(String(16), default="review")  # advance | hold | review
    override_recommendation: Mapped[str | None] = mapped_column(String(16))
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(200))
    override_at: Mapped[datetime | None] = mapped_column(default=None)
    scorers: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    scored_at: Mapped[datetime] = mapped_column(default=utcnow)


class Scorecard(IdMixin, TenantMixin, TimestampMixin, Base):
    """One reviewer's ratings of one application; a reviewer has one scorecard per application."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("application_id", "reviewer_id"),)

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reviewer_name: Mapped[str] = mapped_column(String(200))
    ratings: Mapped[dict[str, int]] = mapped_column(JSONType, default=dict)  # competency key -> 1..5
    overall: Mapped[int]
    recommendation: Mapped[str] = mapped_column(String(16))  # advance | hold | reject
    notes: Mapped[str] = mapped_column(EncryptedText("scorecards.notes"), default="")


class Decision(IdMixin, TenantMixin, Base):
    """A person's decision on an application after review, always with a reason."""

    __tablename__ = "decisions"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    assessment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assessments.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(String(16))  # advance | reject | hold
    reason: Mapped[str] = mapped_column(Text)
    system_recommendation: Mapped[str | None] = mapped_column(String(16))
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID | None] = mapped_column()
    actor_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Report(IdMixin, TenantMixin, TimestampMixin, Base):
    """A rendered report of an interview (HR or candidate feedback), HTML and PDF in storage."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("interview_id", "kind"),)

    interview_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # hr | candidate
    locale: Mapped[str] = mapped_column(String(10))
    html_key: Mapped[str] = mapped_column(String(300))
    pdf_key: Mapped[str] = mapped_column(String(300))
    render_ms: Mapped[int] = mapped_column(default=0)
    generated_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(default=None)
    released_by: Mapped[str | None] = mapped_column(String(200))


class FeedbackSettings(IdMixin, TenantMixin, TimestampMixin, Base):
    """An organization's choices for candidate feedback reports (one row per organization)."""

    __tablename__ = "feedback_settings"
    __table_args__ = (UniqueConstraint("org_id"),)

    show_scores_to_candidates: Mapped[bool] = mapped_column(default=False)
