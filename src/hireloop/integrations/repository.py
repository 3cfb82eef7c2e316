"""Queries for webhooks, idempotency keys and import mappings, always scoped by organization."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from hireloop.models import (
    IdempotencyKey, ImportMapping, WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription,
)


def active_subscriptions(session: Session, org_id: uuid.UUID) -> list[WebhookSubscription]:
    """Active, undeleted subscriptions of an organization, oldest first."""
    return list(session.scalars(
        select(WebhookSubscription).where(WebhookSubscription.org_id == org_id, WebhookSubscription.status == "active",
                                          WebhookSubscription.deleted_at.is_(None))
        .order_by(WebhookSubscription.created_at)
    ))


def subscription(session: Session, org_id: uuid.UUID, sub_id: uuid.UUID) -> WebhookSubscription | None:
    """One undeleted subscription of an organization."""
    return session.scalars(
        select(WebhookSubscription).where(WebhookSubscription.org_id == org_id, WebhookSubscription.id == sub_id,
                                          WebhookSubscription.deleted_at.is_(None))
    ).first()


def subscriptions_query(org_id: uuid.UUID) -> Select[tuple[WebhookSubscription]]:
    """Undeleted subscriptions of an organization, for paging."""
    return select(WebhookSubscription).where(WebhookSubscription.org_id == org_id,
                                             WebhookSubscription.deleted_at.is_(None))


def delivery(session: Session, org_id: uuid.UUID | None, delivery_id: uuid.UUID) -> WebhookDelivery | None:
    """One delivery; org_id None only for the delivery task, which gets the id from its own task row."""
    q = select(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
    if org_id is not None:
        q = q.where(WebhookDelivery.org_id == org_id)
    return session.scalars(q).first()


def deliveries_query(org_id: uuid.UUID, *, subscription_id: uuid.UUID | None = None,
                     status: str | None = None) -> Select[tuple[WebhookDelivery]]:
    """Deliveries of an organization, optionally of one subscription or status, for paging."""
    q = select(WebhookDelivery).where(WebhookDelivery.org_id == org_id)
    if subscription_id:
        q = q.where(WebhookDelivery.subscription_id == subscription_id)
    if status:
        q = q.where(WebhookDelivery.status == status)
    return q


def event(session: Session, org_id: uuid.UUID, event_id: uuid.UUID) -> WebhookEvent | None:
    """One outbox event of an organization."""
    return session.scalars(
        select(WebhookEvent).where(WebhookEvent.org_id == org_id, WebhookEvent.id == event_id)
    ).first()


def events_by_id(session: Session, org_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, WebhookEvent]:
    """Outbox events of an organization by id."""
    if not ids:
        return {}
    rows = session.scalars(select(WebhookEvent).where(WebhookEvent.org_id == org_id, WebhookEvent.id.in_(ids)))
    return {e.id: e for e in rows}


def attempts(session: Session, org_id: uuid.UUID, delivery_id: uuid.UUID) -> list[WebhookAttempt]:
    """A delivery's attempts, oldest first."""
    return list(session.scalars(
        select(WebhookAttempt).where(WebhookAttempt.org_id == org_id, WebhookAttempt.delivery_id == delivery_id)
        .order_by(WebhookAttempt.at)
    ))


def idempotency_key(session: Session, org_id: uuid.UUID, key: str, scope: str) -> IdempotencyKey | None:
    """The stored idempotency key of an organization and endpoint, if any."""
    return session.scalars(
        select(IdempotencyKey).where(IdempotencyKey.org_id == org_id, IdempotencyKey.key == key,
                                     IdempotencyKey.scope == scope)
    ).first()


def purge_expired_keys(session: Session, now: datetime) -> int:
    """Delete idempotency keys past their expiry; returns how many."""
    return session.execute(delete(IdempotencyKey).where(IdempotencyKey.expires_at < now)).rowcount or 0


def mapping_by_name(session: Session, org_id: uuid.UUID, name: str) -> ImportMapping | None:
    """A saved column mapping of an organization by name."""
    return session.scalars(
        select(ImportMapping).where(ImportMapping.org_id == org_id, ImportMapping.name == name)
    ).first()


def mapping(session: Session, org_id: uuid.UUID, mapping_id: uuid.UUID) -> ImportMapping | None:
    """A saved column mapping of an organization by id."""
    return session.scalars(
        select(ImportMapping).where(ImportMapping.org_id == org_id, ImportMapping.id == mapping_id)
    ).first()


def mappings(session: Session, org_id: uuid.UUID) -> list[ImportMapping]:
    """Saved column mappings of an organization by name."""
    return list(session.scalars(
        select(ImportMapping).where(ImportMapping.org_id == org_id).order_by(ImportMapping.name)
    ))
