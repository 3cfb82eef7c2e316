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
