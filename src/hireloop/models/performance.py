"""Employees and their outcomes: review cycles, performance reviews, employment changes and exits."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hireloop.crypto import EncryptedText
from hireloop.models.base import Base, IdMixin, JSONType, SoftDeleteMixin, TenantMixin, TimestampMixin


class Employee(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A person employed by the organization; linked to the application they were hired from, if any."""

    __tablename__ = "employees"
    __table_args__ = (UniqueConstraint("org_id", "remote_id"),)

    # The id the organization's HR system gives this person (None for employees only HireLoop knows).
    remote_id: Mapped[str | None] = mapped_column(String(120))
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True)
    candidate_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("candidates.id", ondelete="SET NULL"), index=True)
    full_name: Mapped[str | None] = mapped_column(EncryptedText("employees.full_name"))  # sealed at rest
    email: Mapped[str | None] = mapped_column(EncryptedText("employees.email"))
    phone: Mapped[str | None] = mapped_column(EncryptedText("employees.phone"))
    job_title: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    hire_date: Mapped[date | None] = mapped_column(Date)
    manager_remote_id: Mapped[str | None] = mapped_column(String(120))
    monthly_pay: Mapped[float | None] = mapped_column()
    sex: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)  # active | exited
    # What HireLoop knew at the hire: scores, assessments and stage history, copied so the loop can join them.
    interview_results: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class ReviewCycle(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A review period (e.g. 2024-Q1) with the rating scale its reviews use."""

    __tablename__ = "review_cycles"
    __table_args__ = (UniqueConstraint("org_id", "period"),)

    name: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    rating_min: Mapped[float] = mapped_column(default=1.0)
    rating_max: Mapped[float] = mapped_column(default=5.0)
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    rating_labels: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class PerformanceReview(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    """One employee's review for one period: rating, KPI target, actual, attainment and whether the target was met."""

    __tablename__ = "performance_reviews"
    __table_args__ = (UniqueConstraint("org_id", "remote_id"),)

    remote_id: Mapped[str | None] = mapped_column(String(200))
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    cycle_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("review_cycles.id", ondelete="SET NULL"), index=True)
    period: Mapped[str] = mapped_column(String(40), index=True)
    rating: Mapped[float | None] = mapped_column()
    rating_normalised: Mapped[float | None] = mapped_column()
    kpi_target: Mapped[float | None] = mapped_column()
    kpi_actual: Mapped[float | None] = mapped_column()
    attainment_pct: Mapped[float | None] = mapped_column()
    met_target: Mapped[bool | None] = mapped_column()
    reviewer: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class EmploymentChange(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A promotion, transfer, demotion or pay change, effective from a date."""

    __tablename__ = "employment_changes"
    __table_args__ = (UniqueConstraint("org_id", "remote_id"),)

    remote_id: Mapped[str | None] = mapped_column(String(200))
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[date] = mapped_column(Date, index=True)
    from_job_title: Mapped[str | None] = mapped_column(String(200))
    to_job_title: Mapped[str | None] = mapped_column(String(200))
    from_department: Mapped[str | None] = mapped_column(String(200))
    to_department: Mapped[str | None] = mapped_column(String(200))
    new_monthly_pay: Mapped[float | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class Exit(IdMixin, TenantMixin, TimestampMixin, SoftDeleteMixin, Base):
    """An employee leaving: when, voluntary or not, why, and whether the organization regrets the loss."""

    __tablename__ = "exits"
    __table_args__ = (UniqueConstraint("org_id", "remote_id"),)

    remote_id: Mapped[str | None] = mapped_column(String(200))
    employee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"), index=True)
    exit_date: Mapped[date | None] = mapped_column(Date)
    exit_type: Mapped[str] = mapped_column(String(16), default="unknown")  # voluntary | involuntary | unknown
    reason_category: Mapped[str | None] = mapped_column(String(40))
    reason_text: Mapped[str | None] = mapped_column(Text)
    regretted: Mapped[bool | None] = mapped_column()
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
