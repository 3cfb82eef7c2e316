"""Queries for the audit log."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.models import AuditEvent


def audit_events(session: Session, org_id: uuid.UUID, *, entity_id: str | None = None, action: str | None = None,
                 limit: int = 100) -> list[AuditEvent]:
    q = select(AuditEvent).where(AuditEvent.org_id == org_id)
    if entity_id:
        q = q.where(AuditEvent.entity_id == entity_id)
    if action:
        q = q.where(AuditEvent.action == action)
    return list(session.scalars(q.order_by(AuditEvent.id.desc()).limit(limit)))
