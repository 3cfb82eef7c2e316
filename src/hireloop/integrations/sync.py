"""Incremental sync: list what changed since a watermark, ordered by (updated_at, id), deletions included."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from hireloop.pagination import Page, paginate


def naive_utc(moment: datetime | None) -> datetime | None:
    """The database's form of a timestamp: naive UTC (a zone-less value is taken as UTC already)."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def changes_page(session: Session, stmt: Select[Any], model: Any, *, updated_after: datetime | None, limit: int,
                 cursor: str | None) -> Page[Any]:
    """One page of rows changed after `updated_after` (exclusive), oldest change first; stable under updates."""
    after = naive_utc(updated_after)
    if after is not None:
        stmt = stmt.where(model.updated_at > after)
    return paginate(session, stmt, model, limit=limit, cursor=cursor, by="updated_at")


def list_page(session: Session, stmt: Select[Any], model: Any, *, updated_after: datetime | None, limit: int,
              cursor: str | None) -> Page[Any]:
    """A list page: by change order when syncing (`updated_after` given), else by creation as before."""
    if updated_after is not None:
        return changes_page(session, stmt, model, updated_after=updated_after, limit=limit, cursor=cursor)
    return paginate(session, stmt, model, limit=limit, cursor=cursor)
