"""The loop's own records: past applicants (hired or not) with what was measured, their group data kept apart,
stored attrition risk scores, and the analyst's decisions on weight proposals."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.models.base import Base, IdMixin, JSONType, TenantMixin, TimestampMixin, utcnow


class LoopApplicant(IdMixin, TenantMixin, TimestampMixin, Base):
    """One past application as the loop analyses it: the furthest stage reached and the scores measured then.

    Needed for pass rates and adverse impact, which are rates among everyone who applied, not only hires.
    Group data (sex, age band) is not here: it lives in LoopGroupData, read only by the bias audit.
    """

    __tablename__ = "loop_applicants"
    __table_args__ = (UniqueConstraint("org_id", "remote_id"),)

    remote_id: Mapped[str] = mapped_column(String(120))
    job: Mapped[str] = mapped_column(String(200), index=True)  # job key or title, as the loop pages filter it
    applied_period: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    stage: Mapped[str] = mapped_column(String(16))  # furthest stage: applied|screened|interviewed|offered|hired
    hired: Mapped[bool] = mapped_column(default=False)
    employee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("employees.id", ondelete="SET NULL"), index=True)
    # the HireLoop application it was copied from (None for imported or simulated history); erasing the
    # application (a candidate's erasure or retention purge) deletes this record with it
    application_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"),
                                                             index=True)
    interview_score: Mapped[float | None] = mapped_column()
    resume_match: Mapped[float | None] = mapped_column()
    # competency scores (score_<key>) and behaviour measures, as measured at the interview
    measures: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class LoopGroupData(IdMixin, TenantMixin, Base):
    """Voluntarily given group data of one applicant, stored apart from the profile; never a model feature."""

    __tablename__ = "loop_group_data"
    __table_args__ = (UniqueConstraint("applicant_id"),)

    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loop_applicants.id", ondelete="CASCADE"))
    sex: Mapped[str | None] = mapped_column(String(16))
    age_band: Mapped[str | None] = mapped_column(String(16))
    # other groups the organization records (e.g. {"hukou": "non_local"}); audited when configured in LoopSettings
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSONType, default=dict)


class LoopSettings(IdMixin, TenantMixin, Base):
    """An organization's loop settings: which extra groups (beyond sex and age band) the bias audit covers."""

    __tablename__ = "loop_settings"
    __table_args__ = (UniqueConstraint("org_id"),)

    audit_groups: Mapped[list[str]] = mapped_column(JSONType, default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RiskScoreRow(IdMixin, TenantMixin, Base):
    """One employee's stored 3-month attrition risk from one refresh, with the model version that gave it."""

    __tablename__ = "loop_risk_scores"

    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    job: Mapped[str | None] = mapped_column(String(200), index=True)  # the loop job key at scoring time
    model_name: Mapped[str] = mapped_column(String(64))
    model_version: Mapped[int] = mapped_column()
    risk: Mapped[float] = mapped_column()
    band: Mapped[str] = mapped_column(String(8))
    period: Mapped[str | None] = mapped_column(String(7))
    factors: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class WeightDecision(IdMixin, TenantMixin, Base):
    """An analyst's accept or reject of a weight proposal, with who, when, why and the proposal itself."""

    __tablename__ = "loop_weight_decisions"

    loop_job: Mapped[str] = mapped_column(String(200), index=True)
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"), index=True)
    decision: Mapped[str] = mapped_column(String(16))  # accepted | rejected
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[uuid.UUID | None] = mapped_column()
    actor_name: Mapped[str] = mapped_column(String(200))
    scoring_model_version: Mapped[int | None] = mapped_column()
    proposal: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
