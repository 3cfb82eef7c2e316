"""Incremental sync: list what changed since a watermark, ordered by (updated_at, id), deletions included."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import Session

from hireloop.pagination import MAX_LIMIT, Page, decode_cursor, encode_cursor, paginate


def naive_utc(moment: datetime | None) -> datetime | None:
    """The database's form of a timestamp: naive UTC (a zone-less value is taken as UTC already)."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def changes_page(session: Session, stmt: Select[Any], model: Any, *, updated_after: datetime | None, limit: int,
                 cursor: str | None) -> Page[Any]:
    """One page of rows changed after `updated_after` (exclusive), oldest change first; stable under updates."""
    limit = max(1, min(limit, MAX_LIMIT))
    after = naive_utc(updated_after)
    if after is not None:
        stmt = stmt.where(model.updated_at > after)
    if cursor:
        at, id_ = decode_cursor(cursor)
        stmt = stmt.where(or_(model.updated_at > at, and_(model.updated_at == at, model.id > id_)))
    rows = list(session.scalars(stmt.order_by(model.updated_at, model.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(rows[-1].updated_at, rows[-1].id) if more and rows else None)


def list_page(session: Session, stmt: Select[Any], model: Any, *, updated_after: datetime | None, limit: int,
              cursor: str | None) -> Page[Any]:
    """A list page: by change order when syncing (`updated_after` given), else by creation as before."""
    if updated_after is not None:
        return changes_page(session, stmt, model, updated_after=updated_after, limit=limit, cursor=cursor)
    return paginate(session, stmt, model, limit=limit, cursor=cursor)
