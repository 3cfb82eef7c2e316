"""Jobs and their competency models."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hireloop.models.base import Base, IdMixin, JSONType, SoftDeleteMixin, TenantMixin, TimestampMixin


class Job(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "jobs"

    title: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="CN")
    region: Mapped[str | None] = mapped_column(String(120))
    city: Mapped[str | None] = mapped_column(String(120))
    employment_type: Mapped[str] = mapped_column(String(32), default="full_time")
    status: Mapped[str] = mapped_column(String(16), default="open")
    description: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    template_key: Mapped[str | None] = mapped_column(String(80))
    # Jurisdiction policy override; None means "from the job's location".
    policy_key: Mapped[str | None] = mapped_column(String(16))
    # Overrides the policy's human review before rejection; None means "as the policy says" (true in every preset).
    human_review_before_rejection: Mapped[bool | None] = mapped_column(default=None)

    competencies: Mapped[list[Competency]] = relationship(
        back_populates="job", lazy="raise", order_by="Competency.position", cascade="all, delete-orphan"
    )


class Competency(IdMixin, TenantMixin, Base):
    __tablename__ = "competencies"
    __table_args__ = (UniqueConstraint("job_id", "key"),)

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(default=1.0)
    # Five behavioural anchors, index 0 = level 1 ... index 4 = level 5.
    anchors: Mapped[list[str]] = mapped_column(JSONType, default=list)
    position: Mapped[int] = mapped_column(default=0)

    job: Mapped[Job] = relationship(back_populates="competencies", lazy="raise")
