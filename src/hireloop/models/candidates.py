"""Candidates, their applications to jobs, and each application's stage history."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from hireloop.crypto import EncryptedJSON, EncryptedText, blind_index
from hireloop.models.base import Base, IdMixin, SoftDeleteMixin, TenantMixin, TimestampMixin, utcnow


class Candidate(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "candidates"

    # Names, contacts, the parsed resume and notes are sealed at rest; exact-match search uses the keyed hashes.
    full_name: Mapped[str] = mapped_column(EncryptedText("candidates.full_name"))
    email: Mapped[str | None] = mapped_column(EncryptedText("candidates.email"))
    phone: Mapped[str | None] = mapped_column(EncryptedText("candidates.phone"))
    name_hash: Mapped[str | None] = mapped_column(String(40), index=True)
    email_hash: Mapped[str | None] = mapped_column(String(40), index=True)
    phone_hash: Mapped[str | None] = mapped_column(String(40), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(80))
    locale: Mapped[str | None] = mapped_column(String(10))
    profile: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("candidates.profile"), default=dict)
    notes: Mapped[str] = mapped_column(EncryptedText("candidates.notes"), default="")

    @validates("full_name", "email", "phone")
    def _index(self, field: str, value: str | None) -> str | None:
        kind = {"full_name": "name"}.get(field, field)
        setattr(self, f"{kind}_hash", blind_index(value, kind))
        return value


class Application(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("job_id", "candidate_id"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16), default="applied", index=True)
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class StageChange(IdMixin, TenantMixin, Base):
    __tablename__ = "stage_changes"

    application_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID | None] = mapped_column()
    actor_name: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    # The person who decided a rejection when an API key or an import made the move (the policy requires one).
    decided_by: Mapped[str | None] = mapped_column(String(200), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
