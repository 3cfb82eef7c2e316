"""API shapes for accounts."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from hireloop.accounts.permissions import Perm
from hireloop.api.schemas import UtcDateTime


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    scopes: list[Perm] = Field(min_length=1)


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: UtcDateTime
    last_used_at: UtcDateTime | None
    revoked_at: UtcDateTime | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The full key. It is shown once and cannot be retrieved again.")


class MeOut(BaseModel):
    org_id: uuid.UUID
    kind: str
    name: str
    role: str | None
    permissions: list[str]
