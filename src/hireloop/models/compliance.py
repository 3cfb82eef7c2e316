"""The consent ledger: per candidate and purpose, what they were told (notice version) and when they agreed or withdrew."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.models.base import Base, IdMixin, JSONType, TenantMixin, utcnow


class ConsentRecord(IdMixin, TenantMixin, Base):
    __tablename__ = "consent_records"

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    policy_key: Mapped[str] = mapped_column(String(16))
    notice_version: Mapped[str] = mapped_column(String(64))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
    # How consent was given: method, locale, a keyed hash of the address; never the raw address.
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ProcessingRestriction(IdMixin, TenantMixin, Base):
    """A safeguard a candidate asked for and HR granted: no automated analysis of them (an alternative process),
    or a person must decide on an application before it can be rejected (human review)."""

    __tablename__ = "processing_restrictions"

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    # Human review is per application; an opt-out of automated analysis covers every application of the candidate.
    application_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("candidate_requests.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))  # no_automated_analysis | human_review
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(16))  # the person's decision that ended a human review
