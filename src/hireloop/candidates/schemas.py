"""API shapes for candidates, applications and stage moves."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from hireloop.api.schemas import UtcDateTime
from hireloop.candidates.stages import Stage


class CandidateCreate(BaseModel):
    full_name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9+()\- ]{5,40}$")
    location: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=80)
    locale: str | None = Field(default=None, max_length=10)
    profile: dict[str, Any] = Field(default_factory=dict)


class CandidateUpdate(BaseModel):
    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9+()\- ]{5,40}$")
    location: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=80)
    locale: str | None = Field(default=None, max_length=10)
    profile: dict[str, Any] | None = None


class CandidateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    full_name: str
    email: str | None
    phone: str | None
    location: str | None
    source: str | None
    locale: str | None
    profile: dict[str, Any]
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted_at: UtcDateTime | None = Field(default=None, description="Set when deleted (listed with include_deleted=true)")


class ApplicationCreate(BaseModel):
    job_id: uuid.UUID
    candidate_id: uuid.UUID


class ApplicationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    stage: Stage
    stage_changed_at: UtcDateTime
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted_at: UtcDateTime | None = Field(default=None, description="Set when deleted (listed with include_deleted=true)")


class StageMove(BaseModel):
    to_stage: Stage
    reason: str = Field(default="", max_length=2000)
    decided_by: str | None = Field(
        default=None, max_length=200,
        description="The person who reviewed the application and decided; required to reject with an API key when "
                    "the job's policy requires human review (every preset does). Kept in the stage history.")


class StageChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    from_stage: str | None
    to_stage: str
    actor_type: str
    actor_name: str
    decided_by: str | None = None
    reason: str
    created_at: UtcDateTime
