"""Keyset (cursor) pagination over (created_at, id), stable under inserts."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import Session

from hireloop.errors import ValidationFailed

T = TypeVar("T")
MAX_LIMIT = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(created_at: datetime, id_: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), str(id_)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        at, id_ = json.loads(raw)
        return datetime.fromisoformat(at), uuid.UUID(id_)
    except (ValueError, TypeError) as exc:
        raise ValidationFailed(
            "The cursor is not valid. Pass back the next_cursor value of the previous page unchanged.",
            code="invalid_cursor",
        ) from exc


def paginate(session: Session, stmt: Select[Any], model: Any, *, limit: int, cursor: str | None,
             by: str = "created_at") -> Page[Any]:
    """Run `stmt` one page at a time, ordered by the timestamp column `by` (creation by default), then id."""
    limit = max(1, min(limit, MAX_LIMIT))
    col = getattr(model, by)
    if cursor:
        at, id_ = decode_cursor(cursor)
        stmt = stmt.where(or_(col > at, and_(col == at, model.id > id_)))
    rows = list(session.scalars(stmt.order_by(col, model.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(getattr(rows[-1], by), rows[-1].id) if more and rows else None)
