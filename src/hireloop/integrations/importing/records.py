"""Clean records an import produces, ready for the performance module's upserts keyed by remote_id."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

AttributeValue = str | float | None
Severity = Literal["error", "warning"]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings)."""
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True)
class EmployeeRecord(_Record):
    """One employee as the source system knows them."""

    remote_id: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    department: str | None = None
    location: str | None = None
    hire_date: date | None = None
    manager_remote_id: str | None = None
    monthly_pay: float | None = None
    sex: str | None = None
    birth_date: date | None = None
    age: int | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    source_row: int = 0


@dataclass(frozen=True)
class PerformanceReviewRecord(_Record):
    """One review of one employee for one period; rating_normalised is 0..1 with 1 best on every scale."""

    remote_id: str
    employee_remote_id: str
    period: str
    rating: float | None = None
    rating_normalised: float | None = None
    kpi_target: float | None = None
    kpi_actual: float | None = None
    attainment_pct: float | None = None
    met_target: bool | None = None
    reviewer: str | None = None
    comment: str | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    source_row: int = 0


@dataclass(frozen=True)
class EmploymentChangeRecord(_Record):
    """A promotion, transfer, demotion or pay change, effective from a date."""

    remote_id: str
    employee_remote_id: str
    kind: str
    effective_date: date
    from_job_title: str | None = None
    to_job_title: str | None = None
    from_department: str | None = None
    to_department: str | None = None
    new_monthly_pay: float | None = None
    note: str | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    source_row: int = 0


@dataclass(frozen=True)
class ExitRecord(_Record):
    """An employee leaving; exit_date is None and exit_type 'unknown' where the source does not say."""

    remote_id: str
    employee_remote_id: str
    exit_date: date | None
    exit_type: str = "unknown"
    reason_category: str | None = None
    reason_text: str | None = None
    regretted: bool | None = None
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    source_row: int = 0


Record = EmployeeRecord | PerformanceReviewRecord | EmploymentChangeRecord | ExitRecord


@dataclass(frozen=True)
class Issue:
    """One line of the validation report: row as the spreadsheet shows it (None: the whole file)."""

    row: int | None
    column: str | None
    problem: str
    suggested_fix: str
    severity: Severity = "error"
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)
