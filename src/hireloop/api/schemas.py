"""Shapes shared by every API list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, PlainSerializer, WithJsonSchema

T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def _utc_iso(value: datetime) -> str:
    """RFC 3339 with a zone: the database keeps naive UTC, so a naive value is UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# A timestamp in API answers: '2026-01-31T08:00:00.123456Z', a valid OpenAPI date-time (a naive one is not).
UtcDateTime = Annotated[datetime, PlainSerializer(_utc_iso, return_type=str, when_used="json"),
                        WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization")]
