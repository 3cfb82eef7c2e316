"""The append-only audit log: every state change and every view of personal data, hash-chained per organization."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.models import AuditEvent, utcnow

GENESIS = "0" * 64


def _canonical(event: AuditEvent) -> str:
    return json.dumps(
        [
            str(event.org_id) if event.org_id else None,
            event.at.isoformat(timespec="microseconds"),
            event.actor_type,
            str(event.actor_id) if event.actor_id else None,
            event.actor_name,
            event.action,
            event.entity_type,
            event.entity_id,
            event.details,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )


def compute_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256((prev_hash + _canonical(event)).encode()).hexdigest()


def _last_hash(session: Session, org_id: uuid.UUID | None, before_id: int | None = None) -> str:
    q = select(AuditEvent.row_hash).where(AuditEvent.org_id == org_id if org_id else AuditEvent.org_id.is_(None))
    if before_id is not None:
        q = q.where(AuditEvent.id < before_id)
    return session.scalars(q.order_by(AuditEvent.id.desc()).limit(1)).first() or GENESIS


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity_type: str,
    entity_id: Any = None,
    details: dict[str, Any] | None = None,
    org_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Append one event; never put personal data (names, contacts, answers) in `details`."""
    event = AuditEvent(
        org_id=actor.org_id if actor else org_id,
        at=utcnow(),
        actor_type=actor.kind if actor else "system",
        actor_id=actor.id if actor else None,
        actor_name=actor.name if actor else "system",
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id) if entity_id is not None else None,
        details=details or {},
        prev_hash="",
        row_hash="",
    )
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # Serialise appends per organization until commit, so the chain never forks.
        key = int(hashlib.sha256(str(event.org_id).encode()).hexdigest()[:15], 16)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
    session.add(event)
    # Insert first: on SQLite the write lock is then held until commit, so the previous row is final.
    session.flush()
    event.prev_hash = _last_hash(session, event.org_id, before_id=event.id)
    event.row_hash = compute_hash(event.prev_hash, event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None
    problem: str | None


def verify_chain(session: Session, org_id: uuid.UUID | None) -> ChainReport:
    """Walk one organization's chain; report the first row whose hash or link does not hold."""
    prev = GENESIS
    n = 0
    q = select(AuditEvent).where(AuditEvent.org_id == org_id if org_id else AuditEvent.org_id.is_(None))
    for event in session.scalars(q.order_by(AuditEvent.id)).yield_per(1000):
        n += 1
        if event.prev_hash != prev:
            return ChainReport(False, n, event.id, "link to the previous row is broken (a row was removed or reordered)")
        if compute_hash(prev, event) != event.row_hash:
            return ChainReport(False, n, event.id, "row content does not match its hash (the row was edited)")
        prev = event.row_hash
    return ChainReport(True, n, None, None)
