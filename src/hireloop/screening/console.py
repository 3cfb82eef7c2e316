"""Console pages: upload resumes with live progress, the ranked list, the highlighted match, the requirements form."""

from __future__ import annotations

import json
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import HireLoopError
from hireloop.jobs import service as jobs
from hireloop.jobs.schemas import JobUpdate
from hireloop.screening import repository as repo
from hireloop.screening import service
from hireloop.screening.lexicons.education import LEVELS
from hireloop.screening.router import read_uploads
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))]
JobWriter = Annotated[Actor, Depends(requires(Perm.JOBS_WRITE))]


def _error(request: Request, exc: HireLoopError) -> Response:
    return render(request, "error.html", {"status": exc.status_code, "code": exc.code, "message": exc.message},
                  exc.status_code)


@router.get("/jobs/{job_id}/screening")
def screening_page(request: Request, uow: UoW, actor: Reader, job_id: uuid.UUID, passed_only: bool = False,
                   min_score: float = 0.0) -> Response:
    job = jobs.get(uow.session, actor, job_id)
    rows = service.ranked(uow.session, actor, job_id, passed_only=passed_only, min_score=min_score, limit=500)
    return render(request, "screening/ranked.html", {"job": job, "rows": rows, "passed_only": passed_only,
                                                     "min_score": min_score,
                                                     "imports": repo.imports_for_job(uow.session, actor.org_id, job.id),
                                                     "can_invite": actor.can(Perm.INTERVIEWS_WRITE)})


@router.post("/jobs/{job_id}/resumes")
async def upload(request: Request, uow: UoW, actor: Writer, job_id: uuid.UUID, files: list[UploadFile]) -> Response:
    try:
        batch = service.start_import(uow.session, actor, job_id, await read_uploads(files))
    except HireLoopError as exc:
        uow.rollback()
        return _error(request, exc)
    uow.commit()
    return RedirectResponse(f"/resume-imports/{batch.id}", status_code=303)


@router.get("/resume-imports/{import_id}")
def import_page(request: Request, uow: UoW, actor: Reader, import_id: uuid.UUID) -> Response:
    """Live progress: n of N, failures with their reason (the table refreshes itself until the import is done)."""
    batch = service.get_import(uow.session, actor, import_id)
    fragment = request.headers.get("hx-request") == "true"
    return render(request, "screening/progress.html" if fragment else "screening/import.html", {"batch": batch})


@router.post("/jobs/{job_id}/shortlist")
def shortlist(request: Request, uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.APPLICATIONS_WRITE))],
              job_id: uuid.UUID, application_ids: Annotated[list[uuid.UUID] | None, Form()] = None) -> Response:
    try:
        service.shortlist(uow.session, actor, job_id, application_ids or [])
    except HireLoopError as exc:
        uow.rollback()
        return _error(request, exc)
    uow.commit()
    return RedirectResponse(f"/jobs/{job_id}/screening", status_code=303)


@router.get("/applications/{application_id}/match")
def match_page(request: Request, uow: UoW, actor: Reader, application_id: uuid.UUID) -> Response:
    """Which requirement matched, with the resume text highlighted where the evidence is."""
    row, resume = service.explanation(uow.session, actor, application_id)
    pieces = service.highlight(resume.text, row.result)
    uow.commit()
    return render(request, "screening/match.html", {"row": row, "resume": resume, "pieces": pieces})


@router.get("/jobs/{job_id}/requirements")
def requirements_page(request: Request, uow: UoW, actor: JobWriter, job_id: uuid.UUID) -> Response:
    job = jobs.get(uow.session, actor, job_id)
    return render(request, "screening/requirements.html", {"job": job, "req": job.requirements or {}, "levels": LEVELS,
                                                           "error": None})


def _split(value: str) -> list[str]:
    return [x.strip() for x in value.replace("，", ",").replace("\n", ",").split(",") if x.strip()]


@router.post("/jobs/{job_id}/requirements")
def save_requirements(request: Request, uow: UoW, actor: JobWriter, job_id: uuid.UUID,
                      min_education: Annotated[str, Form()] = "", min_years: Annotated[str, Form()] = "",
                      industry: Annotated[str, Form()] = "", industry_years: Annotated[str, Form()] = "",
                      required_skills: Annotated[str, Form()] = "", preferred_skills: Annotated[str, Form()] = "",
                      keywords: Annotated[str, Form()] = "", locations: Annotated[str, Form()] = "",
                      languages: Annotated[str, Form()] = "") -> Response:
    """Hard filters and weighted criteria from the form; every stored result is rescored in the background."""
    data: dict = {
        "min_education": min_education or None, "min_years": float(min_years) if min_years.strip() else None,
        "industry_years": [{"industry": industry, "years": float(industry_years or 0)}] if industry else [],
        "required_skills": _split(required_skills), "preferred_skills": _split(preferred_skills),
        "keywords": [{"phrase": k.split("=")[0].strip(), "synonyms": [s.strip() for s in k.split("=")[1:]]}
                     for k in _split(keywords)],
        "locations": _split(locations), "languages": _split(languages),
    }
    try:
        jobs.update(uow.session, actor, job_id, data=JobUpdate(requirements=data))
    except (HireLoopError, ValueError) as exc:
        uow.rollback()
        job = jobs.get(uow.session, actor, job_id)
        msg = exc.message if isinstance(exc, HireLoopError) else str(exc)
        return render(request, "screening/requirements.html", {"job": job, "req": data, "levels": LEVELS, "error": msg},
                      status_code=422)
    uow.commit()
    return RedirectResponse(f"/jobs/{job_id}/screening", status_code=303)


def requirements_json(req: dict) -> str:
    return json.dumps(req, ensure_ascii=False, indent=2)
