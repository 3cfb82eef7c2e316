"""API shapes for scoring models, assessments, rankings, scorecards and decisions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ScoringModelIn(BaseModel):
    weights: dict[str, Any] = Field(default_factory=dict, description="parts, competencies, behaviour_indices, thresholds")
    notes: str = ""


class ActivateIn(BaseModel):
    version: int = Field(ge=1)


class ScoringModelUpdateIn(ScoringModelIn):
    version: int = Field(ge=1)


class ScoringModelOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    job_id: uuid.UUID
    version: int
    status: str
    weights: dict[str, Any]
    notes: str
    created_by: str
    activated_at: datetime | None
    first_used_at: datetime | None
    created_at: datetime


class AssessmentOut(BaseModel):
    """An interview's scores; evidence quotes only for those who may read the answers."""

    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    interview_id: uuid.UUID
    application_id: uuid.UUID
    job_id: uuid.UUID
    scoring_model_id: uuid.UUID
    composite: float | None
    parts: dict[str, Any]
    competencies: list[dict[str, Any]]
    behaviour: list[dict[str, Any]]
    confidence: float
    confidence_parts: dict[str, Any]
    flags: list[dict[str, Any]]
    recommendation: str
    override_recommendation: str | None
    override_reason: str | None
    scored_at: datetime


class RankedOut(BaseModel):
    rank: int | None
    tied: bool
    application_id: uuid.UUID
    interview_id: uuid.UUID
    candidate_name: str | None = Field(description="only for keys and roles that may read candidates")
    stage: str
    composite: float | None
    confidence: float
    recommendation: str
    system_recommendation: str


class OverrideIn(BaseModel):
    recommendation: Literal["advance", "hold", "review"]
    reason: str = Field(min_length=1, max_length=2000)


class DecisionIn(BaseModel):
    decision: Literal["advance", "reject", "hold"]
    reason: str = Field(min_length=1, max_length=2000)
    decided_by: str | None = Field(default=None, max_length=200,
                                   description="The person who decided; required for 'reject' with an API key where "
                                               "the job's policy requires human review")


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    application_id: uuid.UUID
    decision: str
    reason: str
    system_recommendation: str | None
    actor_name: str
    created_at: datetime


class ScorecardIn(BaseModel):
    ratings: dict[str, int] = Field(default_factory=dict)
    overall: int = Field(ge=1, le=5)
    recommendation: Literal["advance", "reject", "hold"]
    notes: str = ""


class ScorecardOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    application_id: uuid.UUID
    reviewer_name: str
    ratings: dict[str, int]
    overall: int
    recommendation: str
    notes: str
    updated_at: datetime


class ReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    interview_id: uuid.UUID
    kind: str
    locale: str
    generated_at: datetime
    released_at: datetime | None
    render_ms: int


class FeedbackSettingsIO(BaseModel):
    show_scores_to_candidates: bool = Field(default=False, description="include raw scores in candidate feedback reports")
