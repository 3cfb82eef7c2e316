"""Console pages: jobs, pipeline board, candidates and background work."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from hireloop import dispatch, i18n
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, authenticated, requires
from hireloop.candidates import pipeline
from hireloop.candidates import service as candidates
from hireloop.candidates.schemas import CandidateCreate
from hireloop.candidates.stages import PIPELINE, TRANSITIONS, Stage
from hireloop.errors import HireLoopError
from hireloop.interviews import repository as interviews_repo
from hireloop.jobs import repository as jobs_repo
from hireloop.jobs import service as jobs
from hireloop.jobs.schemas import JobCreate
from hireloop.notifications.service import outbox_messages
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
JobReader = Annotated[Actor, Depends(requires(Perm.JOBS_READ))]
JobWriter = Annotated[Actor, Depends(requires(Perm.JOBS_WRITE))]
CandReader = Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))]
CandWriter = Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))]
AppReader = Annotated[Actor, Depends(requires(Perm.APPLICATIONS_READ))]
AppWriter = Annotated[Actor, Depends(requires(Perm.APPLICATIONS_WRITE))]
TaskReader = Annotated[Actor, Depends(requires(Perm.TASKS_READ))]


@router.get("/")
def home(actor: Annotated[Actor, Depends(authenticated())]) -> Response:
    return RedirectResponse("/jobs", status_code=303)


@router.get("/jobs")
def jobs_page(request: Request, uow: UoW, actor: JobReader) -> Response:
    all_jobs = jobs_repo.all_jobs(uow.session, actor.org_id)
    counts = jobs_repo.application_counts(uow.session, actor.org_id)
    from hireloop.templates import list_templates

    return render(request, "jobs.html", {"jobs": all_jobs, "counts": counts, "pipeline": PIPELINE,
                                         "templates": list_templates()})


@router.post("/jobs")
def create_job(request: Request, uow: UoW, actor: JobWriter, title: Annotated[str, Form()] = "",
               template: Annotated[str, Form()] = "", department: Annotated[str, Form()] = "",
               country: Annotated[str, Form()] = "CN", city: Annotated[str, Form()] = "",
               description: Annotated[str, Form()] = "") -> Response:
    """A new job, blank or from an industry template (competencies, requirements and questions included)."""
    from hireloop.jobs.from_template import create_from_template

    try:
        if template:
            fields = {"department": department or None, "country": country.upper(), "city": city or None}
            if title:
                fields["title"] = title
            job = create_from_template(uow.session, actor, template_key=template, locale=i18n.get_locale(),
                                       overrides={k: v for k, v in fields.items() if v})
        else:
            job = jobs.create(uow.session, actor, data=JobCreate(title=title, department=department or None,
                                                                 country=country, city=city or None,
                                                                 description=description))
    except (ValueError, HireLoopError) as exc:
        uow.rollback()
        message = exc.message if isinstance(exc, HireLoopError) else "Give a title (or choose a template) and a two-letter country code."
        return render(request, "error.html", {"status": 422, "code": "validation_failed", "message": message}, 422)
    uow.commit()
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job_page(request: Request, uow: UoW, actor: JobReader, job_id: uuid.UUID) -> Response:
    job = jobs.get(uow.session, actor, job_id)
    counts = jobs_repo.application_counts(uow.session, actor.org_id).get(job.id, {})
    return render(request, "job.html", {"job": job, "counts": counts, "pipeline": PIPELINE})


@router.get("/jobs/{job_id}/board")
def board_page(request: Request, uow: UoW, actor: AppReader, job_id: uuid.UUID) -> Response:
    """The pipeline board: one column per stage."""
    job = jobs.get(uow.session, actor, job_id)
    columns = pipeline.board(uow.session, actor, job_id)
    return render(request, "board.html", {
        "job": job, "columns": columns, "order": [*PIPELINE, Stage.REJECTED, Stage.WITHDRAWN],
        "transitions": TRANSITIONS, "show_names": actor.can(Perm.CANDIDATES_READ),
        "can_invite": actor.can(Perm.INTERVIEWS_WRITE),
    })


@router.post("/applications/{application_id}/move")
def move_page(request: Request, uow: UoW, actor: AppWriter, application_id: uuid.UUID,
              to_stage: Annotated[Stage, Form()], reason: Annotated[str, Form()] = "") -> Response:
    app = pipeline.get(uow.session, actor, application_id)
    try:
        pipeline.move(uow.session, actor, application_id, to_stage=to_stage, reason=reason)
    except HireLoopError as exc:
        uow.rollback()
        return render(request, "error.html", {"status": exc.status_code, "code": exc.code, "message": exc.message},
                      exc.status_code)
    uow.commit()
    return RedirectResponse(f"/jobs/{app.job_id}/board", status_code=303)


@router.get("/candidates")
def candidates_page(request: Request, uow: UoW, actor: CandReader, q: str | None = None,
                    cursor: str | None = None) -> Response:
    page = candidates.list_page(uow.session, actor, q=q, limit=50, cursor=cursor)
    uow.commit()
    return render(request, "candidates.html", {"page": page, "q": q or ""})


@router.post("/candidates")
def create_candidate(request: Request, uow: UoW, actor: CandWriter, full_name: Annotated[str, Form()],
                     email: Annotated[str, Form()] = "", phone: Annotated[str, Form()] = "",
                     location: Annotated[str, Form()] = "") -> Response:
    try:
        data = CandidateCreate(full_name=full_name, email=email or None, phone=phone or None, location=location or None,
                               source="console")
        cand = candidates.create(uow.session, actor, data=data)
    except (ValueError, HireLoopError) as exc:
        uow.rollback()
        message = exc.message if isinstance(exc, HireLoopError) else "Check the name, email and phone number."
        return render(request, "error.html", {"status": 422, "code": "validation_failed", "message": message}, 422)
    uow.commit()
    return RedirectResponse(f"/candidates/{cand.id}", status_code=303)


@router.get("/candidates/{candidate_id}")
def candidate_page(request: Request, uow: UoW, actor: CandReader, candidate_id: uuid.UUID) -> Response:
    cand = candidates.get(uow.session, actor, candidate_id)
    apps = pipeline.list_page(uow.session, actor, job_id=None, candidate_id=cand.id, stage=None, limit=200,
                              cursor=None).items
    jobs_by_id = {j.id: j for j in jobs_repo.all_jobs(uow.session, actor.org_id)}
    histories = {a.id: pipeline.history(uow.session, actor, a.id) for a in apps}
    ivs = interviews_repo.for_candidate(uow.session, actor.org_id, cand.id) if actor.can(Perm.INTERVIEWS_READ) else []
    uow.commit()  # the audit record of this view
    return render(request, "candidate.html", {"c": cand, "apps": apps, "jobs": jobs_by_id, "histories": histories,
                                              "interviews": ivs})


@router.get("/tasks")
def tasks_page(request: Request, uow: UoW, actor: TaskReader) -> Response:
    """Background work and the development mail outbox."""
    return render(request, "tasks.html", {
        "tasks": dispatch.recent_tasks(uow.session, actor.org_id),
        "counts": dispatch.task_counts(uow.session, actor.org_id),
        "outbox": outbox_messages(uow.session, actor.org_id) if actor.can(Perm.CANDIDATES_READ) else [],
    })
