"""Stored resumes, resume import batches, and each application's explained screening result."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.crypto import EncryptedJSON, EncryptedText
from hireloop.models.base import Base, IdMixin, JSONType, TenantMixin, TimestampMixin


class Resume(IdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "resumes"

    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    import_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resume_imports.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(255))
    storage_key: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(EncryptedText("resumes.text"))  # sealed at rest, like the parsed profile
    profile: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON("resumes.profile"))
    features: Mapped[dict[str, Any]] = mapped_column(JSONType)


class ResumeImport(IdMixin, TenantMixin, TimestampMixin, Base):
    """One upload of many resumes; `items` holds each file's own status, shown live in the console."""

    __tablename__ = "resume_imports"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    total: Mapped[int] = mapped_column(default=0)
    processed: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    duplicates: Mapped[int] = mapped_column(default=0)
    # [{name, key, status: pending|ok|duplicate|<extraction status>, message, candidate_id, application_id}]
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ScreeningResult(IdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "screening_results"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    resume_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(index=True)
    passed: Mapped[bool]
    result: Mapped[dict[str, Any]] = mapped_column(JSONType)
    requirements_hash: Mapped[str] = mapped_column(String(64))
