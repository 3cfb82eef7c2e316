"""/api/v1: resume imports, ranked screening results and their explanations."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import TooLarge, ValidationFailed
from hireloop.screening import service
from hireloop.screening.schemas import MatchOut, RankedOut, ResumeImportOut, ShortlistIn

router = APIRouter(tags=["screening"])
Reader = Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))]
MAX_UPLOAD = 200 * 1024 * 1024


async def read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """The uploaded files' bytes, refusing a request whose files add up to more than 200 MB."""
    out, total = [], 0
    for f in files:
        data = await f.read(MAX_UPLOAD + 1)
        total += len(data)
        if total > MAX_UPLOAD:
            raise TooLarge("These files add up to more than 200 MB; upload them in smaller batches or as several zips.")
        out.append((f.filename or "resume", data))
    return out


@router.post("/jobs/{job_id}/resumes", response_model=ResumeImportOut, status_code=202)
async def import_resumes(request: Request, uow: UoW, actor: Writer, job_id: uuid.UUID,
                         files: list[UploadFile]) -> JSONResponse:
    """Upload resumes (files or zips) for a job; they are parsed in the background. Poll the import for progress."""
    batch = service.start_import(uow.session, actor, job_id, await read_uploads(files))
    out = ResumeImportOut.model_validate(batch)
    uow.commit()
    return JSONResponse(out.model_dump(mode="json"), 202)


@router.get("/resume-imports/{import_id}", response_model=ResumeImportOut)
def get_import(uow: UoW, actor: Reader, import_id: uuid.UUID) -> ResumeImportOut:
    """An import's progress: n of N, and each file's status with the reason when it failed."""
    return ResumeImportOut.model_validate(service.get_import(uow.session, actor, import_id))


@router.get("/jobs/{job_id}/screening", response_model=list[RankedOut])
def ranked(uow: UoW, actor: Reader, job_id: uuid.UUID, passed_only: bool = False,
           min_score: Annotated[float, Query(ge=0, le=100)] = 0.0,
           limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[RankedOut]:
    """Candidates of the job ranked by match score, hard-filter passes first, each with the filter reasons."""
    rows = service.ranked(uow.session, actor, job_id, passed_only=passed_only, min_score=min_score, limit=limit)
    return [RankedOut(rank=i + 1, application_id=a.id, candidate_id=c.id, candidate_name=c.full_name, stage=a.stage,
                      score=r.score, passed=r.passed, filters=r.result.get("filters", []))
            for i, (r, a, c) in enumerate(rows)]


@router.get("/applications/{application_id}/match", response_model=MatchOut)
def explain(uow: UoW, actor: Reader, application_id: uuid.UUID) -> MatchOut:
    """Why this score: each criterion's points with evidence spans into the resume text, and each hard filter."""
    row, resume = service.explanation(uow.session, actor, application_id)
    out = MatchOut(application_id=application_id, score=row.score, passed=row.passed, result=row.result,
                   resume_text=resume.text, filename=resume.filename)
    uow.commit()
    return out


@router.post("/jobs/{job_id}/shortlist")
def shortlist(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.APPLICATIONS_WRITE))], job_id: uuid.UUID,
              data: ShortlistIn) -> dict[str, int]:
    """Advance the chosen applications to 'screened'."""
    if not data.application_ids:
        raise ValidationFailed("Choose at least one application.")
    n = service.shortlist(uow.session, actor, job_id, data.application_ids)
    uow.commit()
    return {"shortlisted": n}
