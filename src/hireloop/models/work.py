"""Durable background tasks (the dispatcher only delivers them) and outgoing email."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from hireloop.crypto import EncryptedText, blind_index
from hireloop.models.base import Base, IdMixin, JSONType, TimestampMixin, utcnow


class BackgroundTask(IdMixin, TimestampMixin, Base):
    __tablename__ = "background_tasks"

    org_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=5)
    run_after: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    locked_by: Mapped[str | None] = mapped_column(String(80))
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    error: Mapped[str | None] = mapped_column(Text)


class EmailMessage(IdMixin, TimestampMixin, Base):
    __tablename__ = "email_messages"

    org_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"), index=True)
    # Messages to candidates carry their address and name: sealed at rest, found by the keyed hash
    to_address: Mapped[str] = mapped_column(EncryptedText("email_messages.to_address"))
    to_hash: Mapped[str | None] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(EncryptedText("email_messages.subject"))
    body_text: Mapped[str] = mapped_column(EncryptedText("email_messages.body_text"))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    sent_at: Mapped[datetime | None] = mapped_column(default=None)

    @validates("to_address")
    def _index(self, field: str, value: str) -> str:
        self.to_hash = blind_index(value, "email")
        return value
