"""API shapes for resume imports and screening results."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict

from hireloop.api.schemas import UtcDateTime


class ResumeImportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    status: str
    total: int
    processed: int
    failed: int
    duplicates: int
    items: list[dict[str, Any]]
    created_at: UtcDateTime
    finished_at: UtcDateTime | None


class RankedOut(BaseModel):
    rank: int
    application_id: uuid.UUID
    candidate_id: uuid.UUID
    candidate_name: str
    stage: str
    score: float
    passed: bool
    filters: list[dict[str, Any]]


class MatchOut(BaseModel):
    application_id: uuid.UUID
    score: float
    passed: bool
    result: dict[str, Any]
    resume_text: str
    filename: str


class ShortlistIn(BaseModel):
    application_ids: list[uuid.UUID]
