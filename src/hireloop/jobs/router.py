"""/api/v1/jobs"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

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


class TemplateOut(BaseModel):
    key: str
    industry: str
    title_zh: str
    title_en: str
    competencies: list[str]


class FromTemplateIn(BaseModel):
    template_key: str
    locale: Literal["zh_CN", "en"] = "zh_CN"
    department: str | None = None
    country: str = Field(default="CN", min_length=2, max_length=2)
    region: str | None = None
    city: str | None = None


templates_router = APIRouter(prefix="/job-templates", tags=["jobs"])


@templates_router.get("", response_model=list[TemplateOut])
def list_templates(actor: Reader) -> list[TemplateOut]:
    """The industry templates a job can start from (competency model, requirements, question bank)."""
    from hireloop.templates import list_templates as templates

    return [TemplateOut(key=t.key, industry=t.industry, title_zh=t.title.zh, title_en=t.title.en,
                        competencies=[c.key for c in t.competencies]) for t in templates()]


@router.post("/from-template", response_model=JobOut, status_code=201)
def create_from_template(uow: UoW, actor: Writer, data: FromTemplateIn) -> JobOut:
    """Create a job from an industry template; fields given here override the template's."""
    from hireloop.jobs.from_template import create_from_template as create

    overrides = data.model_dump(exclude={"template_key", "locale"}, exclude_none=True)
    job = create(uow.session, actor, template_key=data.template_key, locale=data.locale, overrides=overrides)
    out = JobOut.model_validate(job)
    uow.commit()
    return out
