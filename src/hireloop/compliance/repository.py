"""Queries for the audit log."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.models import AuditEvent, ConsentRecord


def audit_events(session: Session, org_id: uuid.UUID, *, entity_id: str | None = None, action: str | None = None,
                 limit: int = 100) -> list[AuditEvent]:
    q = select(AuditEvent).where(AuditEvent.org_id == org_id)
    if entity_id:
        q = q.where(AuditEvent.entity_id == entity_id)
    if action:
        q = q.where(AuditEvent.action == action)
    return list(session.scalars(q.order_by(AuditEvent.id.desc()).limit(limit)))


def active_consents(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[ConsentRecord]:
    return list(session.scalars(
        select(ConsentRecord).where(ConsentRecord.org_id == org_id, ConsentRecord.candidate_id == candidate_id,
                                    ConsentRecord.withdrawn_at.is_(None))
    ))


def consents(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> list[ConsentRecord]:
    return list(session.scalars(
        select(ConsentRecord).where(ConsentRecord.org_id == org_id, ConsentRecord.candidate_id == candidate_id)
        .order_by(ConsentRecord.created_at)
    ))
