"""/api/v1/candidates and /api/v1/applications"""

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
from hireloop.candidates import pipeline, service
from hireloop.candidates.schemas import (
    ApplicationCreate,
    ApplicationOut,
    CandidateCreate,
    CandidateOut,
    CandidateUpdate,
    StageChangeOut,
    StageMove,
)
from hireloop.candidates.stages import Stage

router = APIRouter(tags=["candidates"])
CandReader = Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))]
CandWriter = Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))]
AppReader = Annotated[Actor, Depends(requires(Perm.APPLICATIONS_READ))]
AppWriter = Annotated[Actor, Depends(requires(Perm.APPLICATIONS_WRITE))]
Limit = Annotated[int, Query(ge=1, le=200)]
UpdatedAfter = Annotated[datetime | None, Query(
    description="Only records changed after this moment (exclusive), ordered by change; for incremental sync")]
IncludeDeleted = Annotated[bool, Query(description="Also list deleted records (deleted_at set), so a sync sees them")]


SearchQ = Annotated[str | None, Query(description="exact full name, email or phone: they are encrypted at rest, so "
                                                "matching ignores case, width and spacing but not missing parts")]


@router.get("/candidates", response_model=PageOut[CandidateOut])
def list_candidates(uow: UoW, actor: CandReader, q: SearchQ = None, limit: Limit = 50,
                    cursor: str | None = None, updated_after: UpdatedAfter = None,
                    include_deleted: IncludeDeleted = False) -> PageOut[CandidateOut]:
    """Candidates of your organization; `q` finds an exact full name, email or phone; updated_after lists changes for sync."""
    page = service.list_page(uow.session, actor, q=q, limit=limit, cursor=cursor, updated_after=updated_after,
                             include_deleted=include_deleted)
    out = PageOut(items=[CandidateOut.model_validate(c) for c in page.items], next_cursor=page.next_cursor)
    uow.commit()  # the audit record of this view
    return out


@router.post("/candidates", response_model=CandidateOut, status_code=201)
def create_candidate(uow: UoW, actor: CandWriter, data: CandidateCreate,
                     idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Create a candidate; send an Idempotency-Key to make retries safe."""
    return run_create(uow, actor, key=idempotency_key, scope="candidates", payload=data.model_dump(mode="json"),
                      create=lambda: CandidateOut.model_validate(service.create(uow.session, actor, data=data))
                      .model_dump(mode="json"))


@router.get("/candidates/{candidate_id}", response_model=CandidateOut)
def get_candidate(uow: UoW, actor: CandReader, candidate_id: uuid.UUID) -> CandidateOut:
    out = CandidateOut.model_validate(service.get(uow.session, actor, candidate_id))
    uow.commit()
    return out


@router.patch("/candidates/{candidate_id}", response_model=CandidateOut)
def update_candidate(uow: UoW, actor: CandWriter, candidate_id: uuid.UUID, data: CandidateUpdate) -> CandidateOut:
    out = CandidateOut.model_validate(service.update(uow.session, actor, candidate_id, data=data))
    uow.commit()
    return out


@router.get("/applications", response_model=PageOut[ApplicationOut])
def list_applications(uow: UoW, actor: AppReader, job_id: uuid.UUID | None = None,
                      candidate_id: uuid.UUID | None = None, stage: Stage | None = None, limit: Limit = 50,
                      cursor: str | None = None, updated_after: UpdatedAfter = None,
                      include_deleted: IncludeDeleted = False) -> PageOut[ApplicationOut]:
    """Applications; with updated_after, those changed since (e.g. new stages), in change order, for sync."""
    page = pipeline.list_page(uow.session, actor, job_id=job_id, candidate_id=candidate_id,
                              stage=stage.value if stage else None, limit=limit, cursor=cursor,
                              updated_after=updated_after, include_deleted=include_deleted)
    return PageOut(items=[ApplicationOut.model_validate(a) for a in page.items], next_cursor=page.next_cursor)


@router.post("/applications", response_model=ApplicationOut, status_code=201)
def create_application(uow: UoW, actor: AppWriter, data: ApplicationCreate,
                       idempotency_key: IdempotencyHeader = None) -> JSONResponse:
    """Put a candidate into a job's pipeline; send an Idempotency-Key to make retries safe."""
    return run_create(uow, actor, key=idempotency_key, scope="applications", payload=data.model_dump(mode="json"),
                      create=lambda: ApplicationOut.model_validate(pipeline.apply(
                          uow.session, actor, job_id=data.job_id, candidate_id=data.candidate_id, source="api"))
                      .model_dump(mode="json"))


@router.get("/applications/{application_id}", response_model=ApplicationOut)
def get_application(uow: UoW, actor: AppReader, application_id: uuid.UUID) -> ApplicationOut:
    return ApplicationOut.model_validate(pipeline.get(uow.session, actor, application_id))


@router.post("/applications/{application_id}/stage", response_model=ApplicationOut)
def move_application(uow: UoW, actor: AppWriter, application_id: uuid.UUID, move: StageMove) -> ApplicationOut:
    """Move an application to another stage; rejections need a reason, and with an API key the name of the person
    who decided (`decided_by`) where the job's policy requires human review."""
    out = ApplicationOut.model_validate(
        pipeline.move(uow.session, actor, application_id, to_stage=move.to_stage, reason=move.reason,
                      decided_by=move.decided_by)
    )
    uow.commit()
    return out


@router.get("/applications/{application_id}/history", response_model=list[StageChangeOut])
def application_history(uow: UoW, actor: AppReader, application_id: uuid.UUID) -> list[StageChangeOut]:
    return [StageChangeOut.model_validate(h) for h in pipeline.history(uow.session, actor, application_id)]
