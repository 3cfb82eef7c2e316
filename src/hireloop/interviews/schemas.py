"""API shapes for interview plans, interviews, answers and candidate requests."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from hireloop.api.schemas import UtcDateTime


class PlanQuestion(BaseModel):
    id: str = Field(min_length=1, max_length=80)
    text_zh: str = Field(min_length=1)
    text_en: str = Field(min_length=1)
    stage: str = Field(default="any", pattern="^(any|experienced|new_graduate)$")
    industry: str = Field(default="any", max_length=40)
    think_seconds: int = Field(default=30, ge=0, le=600)
    answer_seconds: int = Field(default=120, ge=3, le=900)
    retakes: int = Field(default=1, ge=0, le=5)
    follow_up_zh: str | None = None
    follow_up_en: str | None = None


class PlanCompetency(BaseModel):
    key: str
    questions: list[PlanQuestion] = Field(min_length=1)


class InterviewPlanIn(BaseModel):
    practice: PlanQuestion
    competencies: list[PlanCompetency] = Field(min_length=1)
    expires_days: int = Field(default=7, ge=1, le=60)


class InterviewPlanOut(BaseModel):
    job_id: uuid.UUID
    source_template: str | None
    expires_days: int
    bank: dict[str, Any]


class InviteIn(BaseModel):
    locale: str | None = Field(default=None, pattern="^(zh_CN|en)$")
    expires_days: int | None = Field(default=None, ge=1, le=60)


class BulkInviteIn(InviteIn):
    application_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)


class ExtendIn(BaseModel):
    days: int = Field(ge=1, le=30)


class CancelIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class AnswerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    question_index: int
    attempt: int
    is_current: bool
    content_type: str
    size_bytes: int
    status: str
    error_code: str | None
    error_message: str | None
    created_at: UtcDateTime


class InterviewOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    application_id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    status: str
    locale: str
    policy_key: str
    notice_version: str
    questions: list[dict[str, Any]]
    expires_at: UtcDateTime
    invited_at: UtcDateTime
    started_at: UtcDateTime | None
    completed_at: UtcDateTime | None
    created_at: UtcDateTime
    updated_at: UtcDateTime


class InterviewDetail(InterviewOut):
    answers: list[AnswerOut] = Field(default_factory=list)
    invitation_url: str | None = None


class BulkInviteOut(BaseModel):
    invited: list[InterviewOut]
    failed: list[dict[str, str]]


class AnalysisOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    answer_id: uuid.UUID
    language: str | None
    transcript: dict[str, Any] | None
    measures: list[dict[str, Any]]
    face: dict[str, Any] | None
    modes: dict[str, str]
    notes: list[dict[str, Any]]
    models: list[dict[str, Any]]
    schema_version: str


class CandidateRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    candidate_id: uuid.UUID
    interview_id: uuid.UUID | None
    kind: str
    details: str
    status: str
    due_at: UtcDateTime
    created_at: UtcDateTime
    closed_at: UtcDateTime | None = None
    outcome: str | None = Field(default=None, description="What was done, written when the request was closed")
    handled_by: str | None = Field(default=None, description="Who closed the request")
