"""API shapes for jobs and competency models."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hireloop.api.schemas import UtcDateTime

JobStatus = Literal["draft", "open", "paused", "closed"]
PolicyKey = Literal["cn", "eu", "us-il", "us-nyc", "default"]
EmploymentType = Literal["full_time", "part_time", "contract", "internship", "temporary"]


class CompetencyIn(BaseModel):
    key: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1, max_length=200)
    description: str = ""
    weight: float = Field(default=1.0, gt=0, le=100)
    anchors: list[str] = Field(description="Five behavioural anchors, level 1 first")

    @field_validator("anchors")
    @classmethod
    def _five(cls, v: list[str]) -> list[str]:
        if len(v) != 5 or any(not a.strip() for a in v):
            raise ValueError("give exactly five non-empty behavioural anchors, level 1 to level 5")
        return v


class CompetencyOut(CompetencyIn):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID


class JobCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    department: str | None = Field(default=None, max_length=200)
    country: str = Field(default="CN", min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    region: str | None = Field(default=None, max_length=120)
    city: str | None = Field(default=None, max_length=120)
    employment_type: EmploymentType = "full_time"
    status: JobStatus = "open"
    description: str = ""
    requirements: dict[str, Any] = Field(default_factory=dict)
    competencies: list[CompetencyIn] = Field(default_factory=list)
    policy_key: PolicyKey | None = Field(default=None, description="Jurisdiction policy override; empty = from location")
    human_review_before_rejection: bool | None = Field(
        default=None, description="false lets an API key or the system reject without naming a person (not under "
                                  "the EU policy); empty = as the policy says (true in every preset)")

    @field_validator("country")
    @classmethod
    def _upper(cls, v: str) -> str:
        if not v.isalpha():
            raise ValueError("use a two-letter country code such as CN, DE or US")
        return v.upper()


class JobUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    department: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, min_length=2, max_length=2)
    region: str | None = Field(default=None, max_length=120)
    city: str | None = Field(default=None, max_length=120)
    employment_type: EmploymentType | None = None
    status: JobStatus | None = None
    description: str | None = None
    requirements: dict[str, Any] | None = None
    competencies: list[CompetencyIn] | None = None
    policy_key: PolicyKey | None = None
    human_review_before_rejection: bool | None = None


class JobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    department: str | None
    country: str
    region: str | None
    city: str | None
    employment_type: str
    status: str
    description: str
    requirements: dict[str, Any]
    template_key: str | None
    policy_key: str | None
    human_review_before_rejection: bool | None = None
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted_at: UtcDateTime | None = Field(default=None, description="Set when deleted (listed with include_deleted=true)")
    competencies: list[CompetencyOut] = Field(default_factory=list)
