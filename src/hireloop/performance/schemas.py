"""API shapes for employees, review cycles, performance reviews, employment changes and exits."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from hireloop.api.schemas import UtcDateTime

ExitType = Literal["voluntary", "involuntary", "unknown"]
ChangeKind = Literal["promotion", "transfer", "demotion", "pay_change"]
EmployeeStatus = Literal["active", "exited"]
RemoteId = Field(default=None, min_length=1, max_length=120, description="The id your HR system gives this record")
Attributes = Field(default_factory=dict, description="Extra values of your HR system, kept as they are")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    remote_id: str | None
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted_at: UtcDateTime | None = Field(
        description="Set when the record was deleted (lists show it with include_deleted=true)")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def deleted(self) -> bool:
        """True for a deleted record, so a sync can remove its copy."""
        return self.deleted_at is not None


class EmployeeFields(BaseModel):
    full_name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=40)
    job_title: str | None = Field(default=None, max_length=200)
    department: str | None = Field(default=None, max_length=200)
    location: str | None = Field(default=None, max_length=200)
    hire_date: date | None = None
    manager_remote_id: str | None = Field(default=None, max_length=120)
    monthly_pay: float | None = Field(default=None, ge=0)
    sex: Literal["female", "male", "other"] | None = None
    birth_date: date | None = None
    age: int | None = Field(default=None, ge=14, le=100)


class EmployeeCreate(EmployeeFields):
    remote_id: str | None = RemoteId
    application_id: uuid.UUID | None = Field(default=None, description="The application this person was hired from")
    attributes: dict[str, Any] = Attributes


class EmployeeUpsert(EmployeeFields):
    remote_id: str = Field(min_length=1, max_length=120)
    attributes: dict[str, Any] = Attributes


class EmployeeUpdate(EmployeeFields):
    remote_id: str | None = RemoteId
    attributes: dict[str, Any] | None = None


class EmployeeOut(_Out, EmployeeFields):
    application_id: uuid.UUID | None
    candidate_id: uuid.UUID | None
    status: EmployeeStatus
    interview_results: dict[str, Any]
    attributes: dict[str, Any]


class ReviewCycleCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    period: str = Field(min_length=1, max_length=40, description="e.g. 2024-Q1 or 2024")
    starts_on: date | None = None
    ends_on: date | None = None
    rating_min: float = 1.0
    rating_max: float = 5.0
    higher_is_better: bool = True
    rating_labels: dict[str, float] = Field(default_factory=dict,
                                            description='Labels that stand for ratings, e.g. {"A": 5}')

    @model_validator(mode="after")
    def _scale(self) -> ReviewCycleCreate:
        if not self.rating_min < self.rating_max:
            raise ValueError("rating_min must be below rating_max")
        bad = [k for k, v in self.rating_labels.items() if not self.rating_min <= v <= self.rating_max]
        if bad:
            raise ValueError(f"rating labels {bad} lie outside the rating scale")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        return self


class ReviewCycleUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    starts_on: date | None = None
    ends_on: date | None = None


class ReviewCycleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    period: str
    starts_on: date | None
    ends_on: date | None
    rating_min: float
    rating_max: float
    higher_is_better: bool
    rating_labels: dict[str, float]
    created_at: UtcDateTime
    updated_at: UtcDateTime
    deleted_at: UtcDateTime | None


class _EmployeeRef(BaseModel):
    employee_id: uuid.UUID | None = None
    employee_remote_id: str | None = Field(default=None, min_length=1, max_length=120)

    @model_validator(mode="after")
    def _one_ref(self) -> _EmployeeRef:
        if self.employee_id is None and self.employee_remote_id is None:
            raise ValueError("name the employee with employee_id or employee_remote_id")
        return self


class ReviewFields(BaseModel):
    period: str = Field(min_length=1, max_length=40)
    rating: float | None = None
    rating_normalised: float | None = Field(default=None, ge=0, le=1,
                                            description="0..1, 1 best; computed from the cycle's scale when omitted")
    kpi_target: float | None = None
    kpi_actual: float | None = None
    attainment_pct: float | None = Field(default=None, description="Computed as actual / target * 100 when omitted")
    met_target: bool | None = Field(default=None, description="Computed as attainment >= 100 when omitted")
    reviewer: str | None = Field(default=None, max_length=200)
    comment: str | None = Field(default=None, max_length=10000)
    attributes: dict[str, Any] = Attributes


class ReviewCreate(_EmployeeRef, ReviewFields):
    remote_id: str | None = RemoteId


class ReviewUpsert(ReviewFields):
    remote_id: str = Field(min_length=1, max_length=200)
    employee_remote_id: str = Field(min_length=1, max_length=120)


class ReviewUpdate(BaseModel):
    rating: float | None = None
    kpi_target: float | None = None
    kpi_actual: float | None = None
    attainment_pct: float | None = None
    met_target: bool | None = None
    reviewer: str | None = Field(default=None, max_length=200)
    comment: str | None = Field(default=None, max_length=10000)


class ReviewOut(_Out):
    employee_id: uuid.UUID
    cycle_id: uuid.UUID | None
    period: str
    rating: float | None
    rating_normalised: float | None
    kpi_target: float | None
    kpi_actual: float | None
    attainment_pct: float | None
    met_target: bool | None
    reviewer: str | None
    comment: str | None
    attributes: dict[str, Any]


class ChangeFields(BaseModel):
    kind: ChangeKind
    effective_date: date
    from_job_title: str | None = Field(default=None, max_length=200)
    to_job_title: str | None = Field(default=None, max_length=200)
    from_department: str | None = Field(default=None, max_length=200)
    to_department: str | None = Field(default=None, max_length=200)
    new_monthly_pay: float | None = Field(default=None, ge=0)
    note: str | None = Field(default=None, max_length=10000)
    attributes: dict[str, Any] = Attributes


class ChangeCreate(_EmployeeRef, ChangeFields):
    remote_id: str | None = RemoteId


class ChangeUpsert(ChangeFields):
    remote_id: str = Field(min_length=1, max_length=200)
    employee_remote_id: str = Field(min_length=1, max_length=120)


class ChangeOut(_Out):
    employee_id: uuid.UUID
    kind: str
    effective_date: date
    from_job_title: str | None
    to_job_title: str | None
    from_department: str | None
    to_department: str | None
    new_monthly_pay: float | None
    note: str | None
    attributes: dict[str, Any]


class PositionOut(BaseModel):
    """An employee's job as of a date, reconstructed from the current record and the changes after that date."""

    employee_id: uuid.UUID
    on: date
    job_title: str | None
    department: str | None
    monthly_pay: float | None
    changes_after: int = Field(description="Changes effective after the date that were rolled back to get here")


class ExitFields(BaseModel):
    exit_date: date | None = None
    exit_type: ExitType = "unknown"
    reason_category: str | None = Field(default=None, max_length=40, description="e.g. compensation, career_growth")
    reason_text: str | None = Field(default=None, max_length=10000)
    regretted: bool | None = None
    attributes: dict[str, Any] = Attributes


class ExitCreate(_EmployeeRef, ExitFields):
    remote_id: str | None = RemoteId


class ExitUpsert(ExitFields):
    remote_id: str = Field(min_length=1, max_length=200)
    employee_remote_id: str = Field(min_length=1, max_length=120)


class ExitOut(_Out):
    employee_id: uuid.UUID
    exit_date: date | None
    exit_type: str
    reason_category: str | None
    reason_text: str | None
    regretted: bool | None
    attributes: dict[str, Any]


class BulkItemError(BaseModel):
    index: int
    remote_id: str | None
    problem: str
    fix: str


class BulkOut(BaseModel):
    """The outcome of an all-or-nothing bulk upsert."""

    created: int
    updated: int
    unchanged: int
    ids: list[uuid.UUID] = Field(description="The record ids in the order of the request's items")


class EmployeeBulk(BaseModel):
    items: list[EmployeeUpsert] = Field(min_length=1, max_length=1000)


class ReviewBulk(BaseModel):
    items: list[ReviewUpsert] = Field(min_length=1, max_length=1000)


class ChangeBulk(BaseModel):
    items: list[ChangeUpsert] = Field(min_length=1, max_length=1000)


class ExitBulk(BaseModel):
    items: list[ExitUpsert] = Field(min_length=1, max_length=1000)
