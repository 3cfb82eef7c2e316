"""Webhook subscriptions, the event outbox and its delivery log, idempotency keys and saved import mappings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.models.base import Base, IdMixin, JSONType, SoftDeleteMixin, TenantMixin, TimestampMixin, utcnow


class WebhookSubscription(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "webhook_subscriptions"

    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str] = mapped_column(String(500), default="")
    event_types: Mapped[list[str]] = mapped_column(JSONType, default=list)
    # The signing secret must be readable to sign; it is shown to the user only once, at creation.
    secret: Mapped[str] = mapped_column(String(200))
    # After a rotation the old secret signs too (a second signature) until it expires, so receivers can switch.
    previous_secret: Mapped[str | None] = mapped_column(String(200), default=None)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)  # active | disabled
    disabled_reason: Mapped[str | None] = mapped_column(String(500))
    disabled_at: Mapped[datetime | None] = mapped_column(default=None)


class WebhookEvent(IdMixin, TenantMixin, Base):
    """One thing that happened (the outbox); its payload is thin: type and ids."""

    __tablename__ = "webhook_events"

    msg_id: Mapped[str] = mapped_column(String(40), unique=True)
    event_type: Mapped[str] = mapped_column(String(100), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class WebhookDelivery(IdMixin, TenantMixin, TimestampMixin, Base):
    """Sending one event to one subscription, with its retries."""

    __tablename__ = "webhook_deliveries"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), index=True)
    # pending | retrying | delivered | failed (gave up, blocked or disabled) | cancelled
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_status_code: Mapped[int | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)
    replay_of_id: Mapped[uuid.UUID | None] = mapped_column()


class WebhookAttempt(IdMixin, TenantMixin, Base):
    """One HTTP attempt of a delivery: what came back (status and the start of the body) and how long it took."""

    __tablename__ = "webhook_attempts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    outcome: Mapped[str] = mapped_column(String(16))
    status_code: Mapped[int | None] = mapped_column()
    duration_ms: Mapped[float] = mapped_column(default=0.0)
    response_excerpt: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text)


class IdempotencyKey(IdMixin, TenantMixin, Base):
    """A create request's Idempotency-Key with its request hash and the response to replay for 24 hours."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("org_id", "key", "scope"),)

    key: Mapped[str] = mapped_column(String(255))
    scope: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column()
    response: Mapped[Any] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class ImportMapping(IdMixin, TenantMixin, TimestampMixin, Base):
    """A column mapping saved for one source system's exports."""

    __tablename__ = "import_mappings"
    __table_args__ = (UniqueConstraint("org_id", "name"),)

    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class ImportRun(IdMixin, TenantMixin, TimestampMixin, Base):
    """An applied import: which file (by hash), which mapping, and what changed."""

    __tablename__ = "import_runs"

    filename: Mapped[str] = mapped_column(String(300))
    source_sha256: Mapped[str] = mapped_column(String(64), index=True)
    mapping_name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32))
    counts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
