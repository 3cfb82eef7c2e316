"""Upserts keyed by remote_id, shared by the bulk API and the import tool: all or nothing, idempotent."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from hireloop.errors import ValidationFailed
from hireloop.integrations import events
from hireloop.models import Employee, EmploymentChange, Exit, PerformanceReview, ReviewCycle
from hireloop.performance import repository as repo

Outcome = Literal["created", "updated", "unchanged"]


class BulkFailed(ValidationFailed):
    """Some items of an all-or-nothing upsert are invalid; nothing was written. details.errors lists them."""

    code = "bulk_failed"


@dataclass
class BulkResult:
    """Counts of an upsert and the records in the order of the input items."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    records: list[Any] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def set_values(obj: Any, values: dict[str, Any]) -> bool:
    """Assign only the values that differ (so an unchanged row keeps its updated_at); True if anything changed."""
    changed = False
    for name, value in values.items():
        if name == "attributes":
            merged = {**(obj.attributes or {}), **(value or {})}
            if merged != (obj.attributes or {}):
                obj.attributes = merged
                changed = True
        elif getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if obj.deleted_at is not None:  # an upsert of a deleted record brings it back
        obj.deleted_at = None
        changed = True
    return changed


def _error(index: int, remote_id: str | None, problem: str, fix: str) -> dict[str, Any]:
    return {"index": index, "remote_id": remote_id, "problem": problem, "fix": fix}


def _fail(errors: list[dict[str, Any]], what: str) -> None:
    if errors:
        raise BulkFailed(f"{len(errors)} of the {what} are invalid; nothing was written. Fix them and send all again.",
                         details={"errors": errors})


def _duplicates(items: Sequence[dict[str, Any]], errors: list[dict[str, Any]]) -> None:
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        rid = item["remote_id"]
        if rid in first:
            errors.append(_error(i, rid, f"remote_id {rid} is also item {first[rid]}", "send each record once"))
        else:
            first[rid] = i


def _upsert(session: Session, org_id: uuid.UUID, model: type, items: Sequence[dict[str, Any]],
            result: BulkResult) -> list[tuple[Any, Outcome]]:
    existing = repo.by_remote_ids(session, model, org_id, [i["remote_id"] for i in items])
    done: list[tuple[Any, Outcome]] = []
    for values in items:
        obj = existing.get(values["remote_id"])
        if obj is None:
            obj = model(org_id=org_id, **{k: v for k, v in values.items() if k != "attributes"},
                        attributes=dict(values.get("attributes") or {}))
            session.add(obj)
            outcome: Outcome = "created"
        else:
            outcome = "updated" if set_values(obj, values) else "unchanged"
        result.count(outcome)
        result.records.append(obj)
        done.append((obj, outcome))
    session.flush()
    return done


def upsert_employees(session: Session, org_id: uuid.UUID, items: Sequence[dict[str, Any]]) -> BulkResult:
    """Create or update employees by remote_id; only the keys present in an item are changed."""
    errors: list[dict[str, Any]] = []
    _duplicates(items, errors)
    _fail(errors, "employees")
    result = BulkResult()
    announce = events.subscribed(session, org_id, "employee.created")  # one query, not one per employee
    for obj, outcome in _upsert(session, org_id, Employee, items, result):
        if outcome == "created" and announce:
            events.employee_created(session, org_id=org_id, employee_id=obj.id)
    return result


def _resolve_employees(session: Session, org_id: uuid.UUID, items: Sequence[dict[str, Any]],
                       errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace employee_remote_id by employee_id; unknown employees are errors."""
    employees = repo.by_remote_ids(session, Employee, org_id, [i["employee_remote_id"] for i in items])
    out = []
    for i, item in enumerate(items):
        values = {k: v for k, v in item.items() if k != "employee_remote_id"}
        emp = employees.get(item["employee_remote_id"])
        if emp is None or emp.deleted_at is not None:
            errors.append(_error(i, item.get("remote_id"), f"no employee with remote_id {item['employee_remote_id']}",
                                 "create or import the employee first"))
            continue
        values["employee_id"] = emp.id
        out.append(values)
    return out


def review_values(values: dict[str, Any], cycle: ReviewCycle | None) -> tuple[dict[str, Any], str | None]:
    """Fill in the cycle, the normalised rating, attainment and met-target; returns (values, problem)."""
    out = dict(values)
    out["cycle_id"] = cycle.id if cycle else None
    rating = out.get("rating")
    lo, hi, up = (cycle.rating_min, cycle.rating_max, cycle.higher_is_better) if cycle else (1.0, 5.0, True)
    if rating is not None and out.get("rating_normalised") is None:
        if not lo <= rating <= hi:
            where = (f"the {out['period']} review cycle's scale" if cycle
                     else "the default scale (no review cycle has this period)")
            return out, (f"rating {rating:g} is outside {where} {lo:g}-{hi:g}")
        share = (rating - lo) / (hi - lo)
        out["rating_normalised"] = round(share if up else 1.0 - share, 6)
    target, actual = out.get("kpi_target"), out.get("kpi_actual")
    if out.get("attainment_pct") is None and target and actual is not None and target > 0:
        out["attainment_pct"] = round(actual / target * 100.0, 4)
    if out.get("met_target") is None and out.get("attainment_pct") is not None:
        out["met_target"] = out["attainment_pct"] >= 100.0
    return out, None


def upsert_reviews(session: Session, org_id: uuid.UUID, items: Sequence[dict[str, Any]]) -> BulkResult:
    """Create or update performance reviews by remote_id (all or nothing)."""
    errors: list[dict[str, Any]] = []
    _duplicates(items, errors)
    resolved = _resolve_employees(session, org_id, items, errors)
    cycles = repo.cycles_by_period(session, org_id)
    ready = []
    for values in resolved:
        filled, problem = review_values(values, cycles.get(values["period"]))
        if problem:
            index = next(i for i, it in enumerate(items) if it["remote_id"] == values["remote_id"])
            errors.append(_error(index, values["remote_id"], problem, "fix the rating, create a review cycle with "
                                 "this system's scale, or send rating_normalised"))
        ready.append(filled)
    _fail(errors, "reviews")
    result = BulkResult()
    _upsert(session, org_id, PerformanceReview, ready, result)
    return result


def upsert_changes(session: Session, org_id: uuid.UUID, items: Sequence[dict[str, Any]]) -> BulkResult:
    """Create or update employment changes by remote_id (all or nothing)."""
    errors: list[dict[str, Any]] = []
    _duplicates(items, errors)
    resolved = _resolve_employees(session, org_id, items, errors)
    _fail(errors, "employment changes")
    result = BulkResult()
    _upsert(session, org_id, EmploymentChange, resolved, result)
    return result


def mark_exited(session: Session, org_id: uuid.UUID, employee_ids: set[uuid.UUID]) -> None:
    """Keep Employee.status in step with the employee's live exits."""
    session.flush()
    leavers = repo.employees_with_live_exits(session, org_id, employee_ids)
    for emp in repo.employees_by_ids(session, org_id, employee_ids):
        status = "exited" if emp.id in leavers else "active"
        if emp.status != status:
            emp.status = status


def upsert_exits(session: Session, org_id: uuid.UUID, items: Sequence[dict[str, Any]]) -> BulkResult:
    """Create or update exits by remote_id (all or nothing); their employees become 'exited'."""
    errors: list[dict[str, Any]] = []
    _duplicates(items, errors)
    resolved = _resolve_employees(session, org_id, items, errors)
    _fail(errors, "exits")
    result = BulkResult()
    _upsert(session, org_id, Exit, resolved, result)
    mark_exited(session, org_id, {v["employee_id"] for v in resolved})
    session.flush()
    return result
