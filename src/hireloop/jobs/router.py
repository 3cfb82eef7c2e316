"""/api/v1/jobs"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.api.schemas import PageOut
from hireloop.integrations.idempotency import IdempotencyHeader, run_create
from hireloop.jobs import service
from hireloop.jobs.schemas import JobCreate, JobOut, JobStatus, JobUpdate

router = APIRouter(prefix="/jobs", tags=["jobs"])
Reader = Annotated[Actor, Depends(requires(Perm.JOBS_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.JOBS_WRITE))]
UpdatedAfter = Annotated[datetime | None, Query(
    description="Only records changed after this moment (exclusive), ordered by change; for incremental sync")]
IncludeDeleted = Annotated[bool, Query(description="Also list deleted records (deleted_at set), so a sync sees them")]


@router.get("", response_model=PageOut[JobOut])
def list_jobs(uow: UoW, actor: Reader, status: JobStatus | None = None,
              limit: Annotated[int, Query(ge=1, le=200)] = 50, cursor: str | None = None,
              updated_after: UpdatedAfter = None, include_deleted: IncludeDeleted = False) -> PageOut[JobOut]:
    """Jobs of your organization, oldest first, one page at a time; with updated_after, what changed since."""
    page = service.list_page(uow.session, actor, status=status, limit=limit, cursor=cursor,
                             updated_after=updated_after, include_deleted=include_deleted)
    return PageOut(items=[JobOut.model_validate(j) for j in page.items], next_cursor=page.next_cursor)


@router.post("", response_model=JobOut, status_code=201)
def create_job(uow: UoW, actor: Writer, data: JobCreate, idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Create a job with its competency model; send an Idempotency-Key to make retries safe."""
    return run_create(uow, actor, key=idempotency_key, scope="jobs", payload=data.model_dump(mode="json"),
                      create=lambda: JobOut.model_validate(service.create(uow.session, actor, data=data))
                      .model_dump(mode="json"))


@router.get("/{job_id}", response_model=JobOut)
def get_job(uow: UoW, actor: Reader, job_id: uuid.UUID) -> JobOut:
    return JobOut.model_validate(service.get(uow.session, actor, job_id))


@router.patch("/{job_id}", response_model=JobOut)
def update_job(uow: UoW, actor: Writer, job_id: uuid.UUID, data: JobUpdate) -> JobOut:
    """Change a job; fields left out stay as they are."""
    job = service.update(uow.session, actor, job_id, data=data)
    out = JobOut.model_validate(job)
    uow.commit()
    return out
