"""/api/v1/employees, /review-cycles, /reviews, /employment-changes and /exits"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.api.schemas import PageOut
from hireloop.integrations.idempotency import IdempotencyHeader, run_create
from hireloop.models import Employee, EmploymentChange, Exit, PerformanceReview, ReviewCycle
from hireloop.performance import service
from hireloop.performance.schemas import (
    BulkOut, ChangeBulk, ChangeCreate, ChangeOut, EmployeeBulk, EmployeeCreate, EmployeeOut, EmployeeStatus,
    EmployeeUpdate, ExitBulk, ExitCreate, ExitOut, PositionOut, ReviewBulk, ReviewCreate, ReviewCycleCreate, ReviewCycleOut,
    ReviewCycleUpdate, ReviewOut, ReviewUpdate,
)

router = APIRouter(tags=["performance"])
Reader = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_WRITE))]
Limit = Annotated[int, Query(ge=1, le=200)]
UpdatedAfter = Annotated[datetime | None, Query(
    description="Only records changed after this moment (exclusive), ordered by change; for incremental sync")]
IncludeDeleted = Annotated[bool, Query(description="Also list deleted records (deleted_at set), so a sync sees them")]
BULK_ERRORS: dict[int | str, dict[str, Any]] = {422: {"description": "Some items are invalid; nothing was written"}}


def _page(out: Any, page: Any) -> Any:
    return PageOut(items=[out.model_validate(x) for x in page.items], next_cursor=page.next_cursor)


def _bulk(uow: UoW, actor: Actor, model: type, items: list[Any]) -> BulkOut:
    result = service.bulk(uow.session, actor, model, items)
    out = BulkOut(**result.as_dict(), ids=[r.id for r in result.records])
    uow.commit()
    return out


def _commit(uow: UoW, out: Any) -> Any:
    uow.commit()
    return out


# Employees -------------------------------------------------------------------------------------------------------

@router.get("/employees", response_model=PageOut[EmployeeOut])
def list_employees(uow: UoW, actor: Reader, updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False,
                   status: EmployeeStatus | None = None, remote_id: str | None = None, limit: Limit = 50,
                   cursor: str | None = None) -> PageOut[EmployeeOut]:
    """Employees of your organization, oldest first; with updated_after, what changed since, in change order."""
    page = service.page(uow.session, actor, Employee, updated_after=updated_after, include_deleted=include_deleted,
                        limit=limit, cursor=cursor, status=status, remote_id=remote_id)
    return _page(EmployeeOut, page)


@router.post("/employees", response_model=EmployeeOut, status_code=201)
def create_employee(uow: UoW, actor: Writer, data: EmployeeCreate,
                    idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Create an employee; send an Idempotency-Key to make retries safe."""
    return run_create(uow, actor, key=idempotency_key, scope="employees", payload=data.model_dump(mode="json"),
                      create=lambda: EmployeeOut.model_validate(
                          service.create_employee(uow.session, actor, data=data)).model_dump(mode="json"))


@router.post("/employees/bulk", response_model=BulkOut, responses=BULK_ERRORS)
def bulk_employees(uow: UoW, actor: Writer, data: EmployeeBulk) -> BulkOut:
    """Create or update up to 1000 employees by remote_id, all or nothing."""
    return _bulk(uow, actor, Employee, data.items)


@router.get("/employees/{employee_id}", response_model=EmployeeOut)
def get_employee(uow: UoW, actor: Reader, employee_id: uuid.UUID) -> EmployeeOut:
    """One employee, with the interview results copied at the hire."""
    return EmployeeOut.model_validate(service.get(uow.session, actor, Employee, employee_id))


@router.get("/employees/{employee_id}/position", response_model=PositionOut)
def employee_position(uow: UoW, actor: Reader, employee_id: uuid.UUID,
                      on: Annotated[date, Query(description="The date, e.g. a review's period end")]) -> PositionOut:
    """The employee's job title, department and pay on a date, from the effective-dated employment changes."""
    return PositionOut(**service.position_on(uow.session, actor, employee_id, on))


@router.patch("/employees/{employee_id}", response_model=EmployeeOut)
def update_employee(uow: UoW, actor: Writer, employee_id: uuid.UUID, data: EmployeeUpdate) -> EmployeeOut:
    """Change an employee; fields left out stay as they are."""
    return _commit(uow, EmployeeOut.model_validate(service.update_employee(uow.session, actor, employee_id, data=data)))


@router.delete("/employees/{employee_id}", response_model=EmployeeOut)
def delete_employee(uow: UoW, actor: Writer, employee_id: uuid.UUID) -> EmployeeOut:
    """Delete an employee (a sync sees the deletion through include_deleted)."""
    return _commit(uow, EmployeeOut.model_validate(service.delete(uow.session, actor, Employee, employee_id)))


# Review cycles ---------------------------------------------------------------------------------------------------

@router.get("/review-cycles", response_model=PageOut[ReviewCycleOut])
def list_cycles(uow: UoW, actor: Reader, updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False,
                limit: Limit = 50, cursor: str | None = None) -> PageOut[ReviewCycleOut]:
    """Review cycles (periods and their rating scales); with updated_after, what changed since."""
    page = service.page(uow.session, actor, ReviewCycle, updated_after=updated_after, include_deleted=include_deleted,
                        limit=limit, cursor=cursor)
    return _page(ReviewCycleOut, page)


@router.post("/review-cycles", response_model=ReviewCycleOut, status_code=201)
def create_cycle(uow: UoW, actor: Writer, data: ReviewCycleCreate,
                 idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Create a review cycle: a period and the rating scale its reviews use."""
    return run_create(uow, actor, key=idempotency_key, scope="review-cycles", payload=data.model_dump(mode="json"),
                      create=lambda: ReviewCycleOut.model_validate(
                          service.create_cycle(uow.session, actor, data=data)).model_dump(mode="json"))


@router.get("/review-cycles/{cycle_id}", response_model=ReviewCycleOut)
def get_cycle(uow: UoW, actor: Reader, cycle_id: uuid.UUID) -> ReviewCycleOut:
    """One review cycle."""
    return ReviewCycleOut.model_validate(service.get(uow.session, actor, ReviewCycle, cycle_id))


@router.patch("/review-cycles/{cycle_id}", response_model=ReviewCycleOut)
def update_cycle(uow: UoW, actor: Writer, cycle_id: uuid.UUID, data: ReviewCycleUpdate) -> ReviewCycleOut:
    """Rename a review cycle or change its dates."""
    return _commit(uow, ReviewCycleOut.model_validate(service.update_cycle(uow.session, actor, cycle_id, data=data)))


@router.delete("/review-cycles/{cycle_id}", response_model=ReviewCycleOut)
def delete_cycle(uow: UoW, actor: Writer, cycle_id: uuid.UUID) -> ReviewCycleOut:
    """Delete a review cycle (its reviews stay; a sync sees the deletion)."""
    return _commit(uow, ReviewCycleOut.model_validate(service.delete(uow.session, actor, ReviewCycle, cycle_id)))


# Reviews ---------------------------------------------------------------------------------------------------------

@router.get("/reviews", response_model=PageOut[ReviewOut])
def list_reviews(uow: UoW, actor: Reader, updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False,
                 employee_id: uuid.UUID | None = None, period: str | None = None, limit: Limit = 50,
                 cursor: str | None = None) -> PageOut[ReviewOut]:
    """Performance reviews: rating (with its 0..1 normalised value), KPI target, actual, attainment, met-target."""
    page = service.page(uow.session, actor, PerformanceReview, updated_after=updated_after,
                        include_deleted=include_deleted, limit=limit, cursor=cursor, employee_id=employee_id,
                        period=period)
    return _page(ReviewOut, page)


@router.post("/reviews", response_model=ReviewOut, status_code=201)
def create_review(uow: UoW, actor: Writer, data: ReviewCreate,
                  idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Create a review; the rating is checked against the period's cycle and normalised to 0..1."""
    return run_create(uow, actor, key=idempotency_key, scope="reviews", payload=data.model_dump(mode="json"),
                      create=lambda: ReviewOut.model_validate(
                          service.create_review(uow.session, actor, data=data)).model_dump(mode="json"))


@router.post("/reviews/bulk", response_model=BulkOut, responses=BULK_ERRORS)
def bulk_reviews(uow: UoW, actor: Writer, data: ReviewBulk) -> BulkOut:
    """Create or update up to 1000 reviews by remote_id (employees by employee_remote_id), all or nothing."""
    return _bulk(uow, actor, PerformanceReview, data.items)


@router.get("/reviews/{review_id}", response_model=ReviewOut)
def get_review(uow: UoW, actor: Reader, review_id: uuid.UUID) -> ReviewOut:
    """One performance review."""
    return ReviewOut.model_validate(service.get(uow.session, actor, PerformanceReview, review_id))


@router.patch("/reviews/{review_id}", response_model=ReviewOut)
def update_review(uow: UoW, actor: Writer, review_id: uuid.UUID, data: ReviewUpdate) -> ReviewOut:
    """Change a review; normalised rating, attainment and met-target follow what changed."""
    return _commit(uow, ReviewOut.model_validate(service.update_review(uow.session, actor, review_id, data=data)))


@router.delete("/reviews/{review_id}", response_model=ReviewOut)
def delete_review(uow: UoW, actor: Writer, review_id: uuid.UUID) -> ReviewOut:
    """Delete a review (a sync sees the deletion through include_deleted)."""
    return _commit(uow, ReviewOut.model_validate(service.delete(uow.session, actor, PerformanceReview, review_id)))


# Employment changes ----------------------------------------------------------------------------------------------

@router.get("/employment-changes", response_model=PageOut[ChangeOut])
def list_changes(uow: UoW, actor: Reader, updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False,
                 employee_id: uuid.UUID | None = None, limit: Limit = 50,
                 cursor: str | None = None) -> PageOut[ChangeOut]:
    """Promotions, transfers, demotions and pay changes, each effective from its date."""
    page = service.page(uow.session, actor, EmploymentChange, updated_after=updated_after,
                        include_deleted=include_deleted, limit=limit, cursor=cursor, employee_id=employee_id)
    return _page(ChangeOut, page)


@router.post("/employment-changes", response_model=ChangeOut, status_code=201)
def create_change(uow: UoW, actor: Writer, data: ChangeCreate,
                  idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Record a promotion, transfer, demotion or pay change with its effective date."""
    return run_create(uow, actor, key=idempotency_key, scope="employment-changes", payload=data.model_dump(mode="json"),
                      create=lambda: ChangeOut.model_validate(
                          service.create_change(uow.session, actor, data=data)).model_dump(mode="json"))


@router.post("/employment-changes/bulk", response_model=BulkOut, responses=BULK_ERRORS)
def bulk_changes(uow: UoW, actor: Writer, data: ChangeBulk) -> BulkOut:
    """Create or update up to 1000 employment changes by remote_id, all or nothing."""
    return _bulk(uow, actor, EmploymentChange, data.items)


@router.get("/employment-changes/{change_id}", response_model=ChangeOut)
def get_change(uow: UoW, actor: Reader, change_id: uuid.UUID) -> ChangeOut:
    """One employment change."""
    return ChangeOut.model_validate(service.get(uow.session, actor, EmploymentChange, change_id))


@router.delete("/employment-changes/{change_id}", response_model=ChangeOut)
def delete_change(uow: UoW, actor: Writer, change_id: uuid.UUID) -> ChangeOut:
    """Delete an employment change (a sync sees the deletion through include_deleted)."""
    return _commit(uow, ChangeOut.model_validate(service.delete(uow.session, actor, EmploymentChange, change_id)))


# Exits -----------------------------------------------------------------------------------------------------------

@router.get("/exits", response_model=PageOut[ExitOut])
def list_exits(uow: UoW, actor: Reader, updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False,
               employee_id: uuid.UUID | None = None, limit: Limit = 50, cursor: str | None = None) -> PageOut[ExitOut]:
    """Exits: date, voluntary or involuntary, reason category and text, regretted or not."""
    page = service.page(uow.session, actor, Exit, updated_after=updated_after, include_deleted=include_deleted,
                        limit=limit, cursor=cursor, employee_id=employee_id)
    return _page(ExitOut, page)


@router.post("/exits", response_model=ExitOut, status_code=201)
def create_exit(uow: UoW, actor: Writer, data: ExitCreate, idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Record an employee's exit; the employee's status becomes 'exited'."""
    return run_create(uow, actor, key=idempotency_key, scope="exits", payload=data.model_dump(mode="json"),
                      create=lambda: ExitOut.model_validate(
                          service.create_exit(uow.session, actor, data=data)).model_dump(mode="json"))


@router.post("/exits/bulk", response_model=BulkOut, responses=BULK_ERRORS)
def bulk_exits(uow: UoW, actor: Writer, data: ExitBulk) -> BulkOut:
    """Create or update up to 1000 exits by remote_id, all or nothing."""
    return _bulk(uow, actor, Exit, data.items)


@router.get("/exits/{exit_id}", response_model=ExitOut)
def get_exit(uow: UoW, actor: Reader, exit_id: uuid.UUID) -> ExitOut:
    """One exit."""
    return ExitOut.model_validate(service.get(uow.session, actor, Exit, exit_id))


@router.delete("/exits/{exit_id}", response_model=ExitOut)
def delete_exit(uow: UoW, actor: Writer, exit_id: uuid.UUID) -> ExitOut:
    """Delete an exit; the employee is active again unless another exit remains."""
    return _commit(uow, ExitOut.model_validate(service.delete(uow.session, actor, Exit, exit_id)))
