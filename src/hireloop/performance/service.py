"""Employees, review cycles, reviews, employment changes and exits: create, read, update, soft delete, list."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.integrations import events
from hireloop.integrations.sync import list_page
from hireloop.models import Employee, EmploymentChange, Exit, PerformanceReview, ReviewCycle, utcnow
from hireloop.pagination import Page
from hireloop.performance import repository as repo
from hireloop.performance import upsert
from hireloop.performance.schemas import (
    ChangeCreate, EmployeeCreate, EmployeeUpdate, ExitCreate, ReviewCreate, ReviewCycleCreate, ReviewCycleUpdate,
    ReviewUpdate,
)

M = TypeVar("M")
ENTITY = {Employee: "employee", ReviewCycle: "review_cycle", PerformanceReview: "performance_review",
          EmploymentChange: "employment_change", Exit: "exit"}
LABEL = {Employee: "employee", ReviewCycle: "review cycle", PerformanceReview: "performance review",
         EmploymentChange: "employment change", Exit: "exit"}


class PerformanceRecordNotFound(NotFound):
    code = "not_found"


def get(session: Session, actor: Actor, model: type[M], id_: uuid.UUID) -> M:
    """One live record of the actor's organization."""
    obj = repo.get(session, model, actor.org_id, id_)
    if obj is None:
        label = LABEL[model]
        raise PerformanceRecordNotFound(f"No such {label} in your organization. Check the id, or list them to find it.",
                                        code=f"{ENTITY[model]}_not_found")
    return obj


def page(session: Session, actor: Actor, model: type[M], *, updated_after: datetime | None, include_deleted: bool,
         limit: int, cursor: str | None, **equals: Any) -> Page[M]:
    """A list page; with updated_after it lists changes (deletions too when include_deleted) in change order."""
    stmt = repo.list_query(model, actor.org_id, include_deleted=include_deleted, **equals)
    return list_page(session, stmt, model, updated_after=updated_after, limit=limit, cursor=cursor)


def delete(session: Session, actor: Actor, model: type[M], id_: uuid.UUID) -> M:
    """Soft delete: the record disappears from reads but a sync sees it (deleted_at) with include_deleted."""
    obj = get(session, actor, model, id_)
    obj.deleted_at = utcnow()  # type: ignore[attr-defined]
    session.flush()
    if isinstance(obj, Exit):
        upsert.mark_exited(session, actor.org_id, {obj.employee_id})
        session.flush()
    entity = ENTITY[model]
    audit.record(session, actor, f"{entity}.deleted", entity_type=entity, entity_id=obj.id)  # type: ignore[attr-defined]
    return obj


def _check_remote_id_free(session: Session, actor: Actor, model: type, remote_id: str | None) -> None:
    if remote_id and repo.by_remote_ids(session, model, actor.org_id, [remote_id]):
        raise Conflict(f"A {LABEL[model]} with remote_id {remote_id} exists already; update it, or use the bulk "
                       "upsert, which creates or updates by remote_id.", code="duplicate_remote_id")


def _employee_of(session: Session, actor: Actor, data: BaseModel) -> Employee:
    emp_id = getattr(data, "employee_id", None)
    remote = getattr(data, "employee_remote_id", None)
    if emp_id is not None:
        return get(session, actor, Employee, emp_id)
    emp = repo.by_remote_ids(session, Employee, actor.org_id, [remote]).get(remote)
    if emp is None or emp.deleted_at is not None:
        raise ValidationFailed(f"No employee with remote_id {remote}; create or import the employee first.",
                               code="employee_not_found")
    return emp


def _update(session: Session, actor: Actor, obj: Any, changes: dict[str, Any]) -> None:
    upsert.set_values(obj, changes)
    session.flush()
    entity = ENTITY[type(obj)]
    audit.record(session, actor, f"{entity}.updated", entity_type=entity, entity_id=obj.id,
                 details={"fields": sorted(changes)})


# Employees -------------------------------------------------------------------------------------------------------

def create_employee(session: Session, actor: Actor, *, data: EmployeeCreate) -> Employee:
    """A new employee (for hires from HireLoop itself, use hiring.employee_from_hire)."""
    _check_remote_id_free(session, actor, Employee, data.remote_id)
    values = data.model_dump(exclude={"application_id"})
    emp = Employee(org_id=actor.org_id, **values)
    if data.application_id is not None:
        from hireloop.candidates.pipeline import get as get_application

        application = get_application(session, actor, data.application_id)
        emp.application_id, emp.candidate_id = application.id, application.candidate_id
    session.add(emp)
    session.flush()
    audit.record(session, actor, "employee.created", entity_type="employee", entity_id=emp.id)
    events.employee_created(session, org_id=actor.org_id, employee_id=emp.id, application_id=emp.application_id)
    return emp


def update_employee(session: Session, actor: Actor, employee_id: uuid.UUID, *, data: EmployeeUpdate) -> Employee:
    """Change an employee; fields left out stay as they are."""
    emp = get(session, actor, Employee, employee_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("attributes", {}) is None:
        changes.pop("attributes")
    if changes.get("remote_id") and changes["remote_id"] != emp.remote_id:
        _check_remote_id_free(session, actor, Employee, changes["remote_id"])
    _update(session, actor, emp, changes)
    return emp


def bulk(session: Session, actor: Actor, model: type, items: list[BaseModel]) -> upsert.BulkResult:
    """All-or-nothing upsert by remote_id of employees, reviews, changes or exits; one audit event for the batch."""
    fn = {Employee: upsert.upsert_employees, PerformanceReview: upsert.upsert_reviews,
          EmploymentChange: upsert.upsert_changes, Exit: upsert.upsert_exits}[model]
    # Only the keys the caller sent change, so a partial sync never blanks out other fields (required keys are
    # always "set", so remote_id, employee_remote_id, period, kind and effective_date are always there).
    result = fn(session, actor.org_id, [i.model_dump(exclude_unset=True) for i in items])
    audit.record(session, actor, f"{ENTITY[model]}.bulk_upserted", entity_type=ENTITY[model], details=result.as_dict())
    return result


# Review cycles ---------------------------------------------------------------------------------------------------

def create_cycle(session: Session, actor: Actor, *, data: ReviewCycleCreate) -> ReviewCycle:
    """A review period with its rating scale; one per period."""
    cycle = repo.cycle_for_period(session, actor.org_id, data.period, include_deleted=True)
    if cycle is not None and cycle.deleted_at is None:
        raise Conflict(f"A review cycle for {data.period} exists already.", code="duplicate_review_cycle")
    if cycle is None:
        cycle = ReviewCycle(org_id=actor.org_id, **data.model_dump())
        session.add(cycle)
    else:  # a deleted cycle of this period comes back with the new values (one cycle per period)
        upsert.set_values(cycle, data.model_dump())
    session.flush()
    audit.record(session, actor, "review_cycle.created", entity_type="review_cycle", entity_id=cycle.id)
    return cycle


def update_cycle(session: Session, actor: Actor, cycle_id: uuid.UUID, *, data: ReviewCycleUpdate) -> ReviewCycle:
    """Rename a review cycle or change its dates; the rating scale is fixed once reviews use it."""
    cycle = get(session, actor, ReviewCycle, cycle_id)
    changes = {k: v for k, v in data.model_dump(exclude_unset=True).items() if not (k == "name" and v is None)}
    starts, ends = changes.get("starts_on", cycle.starts_on), changes.get("ends_on", cycle.ends_on)
    if starts and ends and ends < starts:
        raise ValidationFailed("ends_on must not be before starts_on.", code="invalid_cycle_dates")
    _update(session, actor, cycle, changes)
    return cycle


# Reviews, changes, exits -----------------------------------------------------------------------------------------

def create_review(session: Session, actor: Actor, *, data: ReviewCreate) -> PerformanceReview:
    """A performance review; the rating is checked against (and normalised on) the period's cycle scale."""
    emp = _employee_of(session, actor, data)
    _check_remote_id_free(session, actor, PerformanceReview, data.remote_id)
    values = data.model_dump(exclude={"employee_id", "employee_remote_id"})
    values, problem = upsert.review_values(values, repo.cycle_for_period(session, actor.org_id, data.period))
    if problem:
        raise ValidationFailed(f"The {problem}; fix the rating, create a review cycle with your scale, or send "
                               "rating_normalised.", code="rating_out_of_scale")
    review = PerformanceReview(org_id=actor.org_id, employee_id=emp.id, **values)
    session.add(review)
    session.flush()
    audit.record(session, actor, "performance_review.created", entity_type="performance_review", entity_id=review.id)
    return review


def update_review(session: Session, actor: Actor, review_id: uuid.UUID, *, data: ReviewUpdate) -> PerformanceReview:
    """Change a review; the normalised rating, attainment and met-target are recomputed from what changed."""
    review = get(session, actor, PerformanceReview, review_id)
    changes = data.model_dump(exclude_unset=True)
    current = {"period": review.period, "rating": review.rating, "kpi_target": review.kpi_target,
               "kpi_actual": review.kpi_actual, "attainment_pct": review.attainment_pct,
               "met_target": review.met_target} | changes
    if "rating" in changes:
        current["rating_normalised"] = None
    if {"kpi_target", "kpi_actual"} & set(changes) and "attainment_pct" not in changes:
        current["attainment_pct"] = None
    if "attainment_pct" in current and "met_target" not in changes and current.get("attainment_pct") is None:
        current["met_target"] = None
    values, problem = upsert.review_values(current, repo.cycle_for_period(session, actor.org_id, review.period))
    if problem:
        raise ValidationFailed(f"The {problem}.", code="rating_out_of_scale")
    values.pop("period")
    _update(session, actor, review, {**values, **{k: v for k, v in changes.items() if k in {"reviewer", "comment"}}})
    return review


def create_change(session: Session, actor: Actor, *, data: ChangeCreate) -> EmploymentChange:
    """A promotion, transfer, demotion or pay change, effective from its date."""
    emp = _employee_of(session, actor, data)
    _check_remote_id_free(session, actor, EmploymentChange, data.remote_id)
    change = EmploymentChange(org_id=actor.org_id, employee_id=emp.id,
                              **data.model_dump(exclude={"employee_id", "employee_remote_id"}))
    session.add(change)
    session.flush()
    audit.record(session, actor, "employment_change.created", entity_type="employment_change", entity_id=change.id)
    return change


def position_on(session: Session, actor: Actor, employee_id: uuid.UUID, on: date) -> dict[str, Any]:
    """The job title, department and pay an employee had on a date (e.g. when a review was written).

    Starts from the employee's current record and undoes, latest first, every change effective after `on`
    using the change's from_* values; a change without them leaves that field as it is.
    """
    emp = get(session, actor, Employee, employee_id)
    position = {"job_title": emp.job_title, "department": emp.department, "monthly_pay": emp.monthly_pay}
    undone = 0
    for change in repo.changes_of(session, actor.org_id, emp.id):
        if change.effective_date <= on:
            break
        undone += 1
        if change.from_job_title is not None:
            position["job_title"] = change.from_job_title
        if change.from_department is not None:
            position["department"] = change.from_department
        if change.new_monthly_pay is not None:
            position["monthly_pay"] = None  # the pay before a pay change is not recorded on the change
    return {"employee_id": emp.id, "on": on, **position, "changes_after": undone}


def create_exit(session: Session, actor: Actor, *, data: ExitCreate) -> Exit:
    """An employee leaving; the employee's status becomes 'exited'."""
    emp = _employee_of(session, actor, data)
    _check_remote_id_free(session, actor, Exit, data.remote_id)
    record = Exit(org_id=actor.org_id, employee_id=emp.id,
                  **data.model_dump(exclude={"employee_id", "employee_remote_id"}))
    session.add(record)
    session.flush()
    upsert.mark_exited(session, actor.org_id, {emp.id})
    session.flush()
    audit.record(session, actor, "exit.created", entity_type="exit", entity_id=record.id)
    return record
