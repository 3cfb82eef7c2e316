"""Interview plans per job, interviews per application, uploads, recorded answers and their analysis."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.crypto import EncryptedJSON, EncryptedText
from hireloop.models.base import Base, IdMixin, JSONType, TenantMixin, TimestampMixin, utcnow


class InterviewPlan(IdMixin, TenantMixin, TimestampMixin, Base):
    """A job's question bank: per competency, interchangeable question forms (parallel forms)."""

    __tablename__ = "interview_plans"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), unique=True)
    source_template: Mapped[str | None] = mapped_column(String(80))
    # {"practice": {...question...}, "competencies": [{"key", "questions": [{id, text_zh, text_en, stage, industry,
    #   think_seconds, answer_seconds, retakes, follow_up_zh, follow_up_en}]}]}
    bank: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    expires_days: Mapped[int] = mapped_column(default=7)


class Interview(IdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "interviews"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="invited", index=True)
    locale: Mapped[str] = mapped_column(String(10), default="zh_CN")
    # The personalised set: [{competency_key, question_id, text_zh, text_en, think_seconds, answer_seconds, retakes,
    #   reason_zh, reason_en, profile}], plus the practice question; scored against the job's anchors.
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    practice: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    policy_key: Mapped[str] = mapped_column(String(16))
    notice_version: Mapped[str] = mapped_column(String(64))
    link_nonce: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[datetime]
    invited_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(default=None)
    portal_session_hash: Mapped[str | None] = mapped_column(String(64))
    portal_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    results_released_at: Mapped[datetime | None] = mapped_column(default=None)


class AnswerUpload(IdMixin, TenantMixin, TimestampMixin, Base):
    """A resumable upload in progress: bytes arrive in ranges; the file is complete when received == total."""

    __tablename__ = "answer_uploads"

    interview_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int]
    content_type: Mapped[str] = mapped_column(String(80))
    total_bytes: Mapped[int] = mapped_column(BigInteger)
    received_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default="receiving")
    answer_id: Mapped[uuid.UUID | None] = mapped_column(default=None)


class Answer(IdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("interview_id", "question_index", "attempt"),)

    interview_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int]  # -1 = the practice question (never analysed)
    attempt: Mapped[int] = mapped_column(default=1)
    is_current: Mapped[bool] = mapped_column(default=True)
    storage_key: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(80))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24), default="stored", index=True)
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)


class AnswerAnalysis(IdMixin, TenantMixin, TimestampMixin, Base):
    """What the analysis engine found in one answer, limited to what the jurisdiction policy allows."""

    __tablename__ = "answer_analyses"

    answer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), unique=True)
    language: Mapped[str | None] = mapped_column(String(10))
    transcript: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON("answer_analyses.transcript"))
    measures: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    face: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    modes: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    notes: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    models: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    timings: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    schema_version: Mapped[str] = mapped_column(String(16))


class CandidateRequest(IdMixin, TenantMixin, TimestampMixin, Base):
    """A candidate's request: alternative process, accommodation, human review, access or deletion."""

    __tablename__ = "candidate_requests"

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("interviews.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(EncryptedText("candidate_requests.details"), default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    due_at: Mapped[datetime]
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    # What was done about it, for the candidate and an auditor (sealed: it may repeat their words), and by whom.
    outcome: Mapped[str | None] = mapped_column(EncryptedText("candidate_requests.outcome"), default=None)
    handled_by: Mapped[str | None] = mapped_column(String(200), default=None)
