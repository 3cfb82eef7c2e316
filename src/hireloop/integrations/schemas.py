"""API shapes for webhook subscriptions, the delivery log, import mappings and imports."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hireloop.api.schemas import UtcDateTime


class SubscriptionCreate(BaseModel):
    url: str = Field(min_length=8, max_length=2048, description="http(s) URL that receives POSTed events")
    event_types: list[str] = Field(min_length=1, max_length=20, description="Event types, or ['*'] for all")
    description: str = Field(default="", max_length=500)


class SubscriptionUpdate(BaseModel):
    url: str | None = Field(default=None, min_length=8, max_length=2048)
    event_types: list[str] | None = Field(default=None, min_length=1, max_length=20)
    description: str | None = Field(default=None, max_length=500)
    status: Literal["active", "disabled"] | None = Field(default=None, description="Set 'active' to re-enable")


class SubscriptionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str
    event_types: list[str]
    description: str
    status: str
    disabled_reason: str | None
    disabled_at: UtcDateTime | None
    created_at: UtcDateTime
    updated_at: UtcDateTime


class SubscriptionCreated(SubscriptionOut):
    secret: str = Field(description="The signing secret (whsec_...). It is shown once; store it now.")


class EventTypeOut(BaseModel):
    type: str
    description: str


class AttemptOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: UtcDateTime
    outcome: str
    status_code: int | None
    duration_ms: float
    response_excerpt: str
    error: str | None


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str = ""
    msg_id: str = ""
    status: str
    attempts: int
    next_attempt_at: UtcDateTime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: UtcDateTime | None
    replay_of_id: uuid.UUID | None
    created_at: UtcDateTime
    updated_at: UtcDateTime


class DeliveryDetail(DeliveryOut):
    payload: dict[str, Any] = Field(default_factory=dict, description="The event body as sent")
    attempt_log: list[AttemptOut] = Field(default_factory=list)


class MappingSave(BaseModel):
    name: str = Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.\-]+$",
                      description="The source system's name, e.g. beisen-exits")
    mapping: dict[str, Any] = Field(description="A column mapping: kind, columns and reading options (docs/import.md)")


class MappingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: str
    mapping: dict[str, Any]
    created_at: UtcDateTime
    updated_at: UtcDateTime


class IssueOut(BaseModel):
    row: int | None
    column: str | None
    problem: str
    suggested_fix: str
    severity: str
    value: str | None = None


class ImportOut(BaseModel):
    """The validation report, and for an applied import what changed."""

    ok: bool
    dry_run: bool
    applied: bool
    kind: str
    mapping: str
    rows_read: int
    rows_skipped_as_duplicates: int
    source_sha256: str
    counts: dict[str, int] = Field(description="Records found in the file, by kind, plus errors and warnings")
    changes: dict[str, dict[str, int]] = Field(default_factory=dict,
                                               description="created / updated / unchanged per kind (applied imports)")
    issues: list[IssueOut]
