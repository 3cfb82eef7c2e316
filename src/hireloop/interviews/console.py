"""Console pages and actions for interviews: invite from the board, bulk invite, interview detail."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.candidates.service import get as get_candidate
from hireloop.errors import HireLoopError
from hireloop.interviews import repository as repo
from hireloop.interviews import service
from hireloop.jobs.service import get as get_job
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires(Perm.INTERVIEWS_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.INTERVIEWS_WRITE))]


@router.post("/jobs/{job_id}/invite")
def invite_selected(request: Request, uow: UoW, actor: Writer, job_id: uuid.UUID,
                    application_ids: Annotated[list[uuid.UUID] | None, Form()] = None) -> Response:
    """Invite the ticked candidates of the board (the shortlist) in one go."""
    get_job(uow.session, actor, job_id)
    res = service.invite_many(uow.session, actor, application_ids or [])
    uow.commit()
    return render(request, "interviews/invited.html", {"job_id": job_id, "invited": res["invited"], "failed": res["failed"]})


@router.get("/jobs/{job_id}/interviews")
def job_interviews(request: Request, uow: UoW, actor: Reader, job_id: uuid.UUID) -> Response:
    job = get_job(uow.session, actor, job_id)
    page = service.list_page(uow.session, actor, job_id=job.id, status=None, limit=200, cursor=None)
    return render(request, "interviews/list.html", {"job": job, "interviews": page.items})


@router.get("/interviews/{interview_id}")
def interview_page(request: Request, uow: UoW, actor: Reader, interview_id: uuid.UUID) -> Response:
    """One interview: each question, the chosen form and why, the recording with its transcript and measures."""
    iv = service.get(uow.session, actor, interview_id)
    cand = get_candidate(uow.session, actor, iv.candidate_id)
    answers = repo.answers(uow.session, actor.org_id, iv.id, current_only=True)
    analyses = {a.id: repo.analysis_for(uow.session, actor.org_id, a.id) for a in answers}
    uow.commit()  # the audit record of this view
    return render(request, "interviews/detail.html", {"iv": iv, "c": cand, "answers": {a.question_index: a for a in answers},
                                                      "analyses": analyses, "job": get_job(uow.session, actor, iv.job_id)})


@router.post("/interviews/{interview_id}/action")
def interview_action(request: Request, uow: UoW, actor: Writer, interview_id: uuid.UUID, action: Annotated[str, Form()],
                     reason: Annotated[str, Form()] = "", days: Annotated[int, Form()] = 3) -> Response:
    """Resend, extend or cancel an invitation."""
    try:
        if action == "resend":
            service.resend(uow.session, actor, interview_id)
        elif action == "extend":
            service.extend(uow.session, actor, interview_id, days=days)
        elif action == "cancel":
            service.cancel(uow.session, actor, interview_id, reason=reason or "cancelled in the console")
        else:
            return render(request, "error.html", {"status": 422, "code": "bad_action", "message": "Unknown action."}, 422)
    except HireLoopError as exc:
        uow.rollback()
        return render(request, "error.html", {"status": exc.status_code, "code": exc.code, "message": exc.message},
                      exc.status_code)
    uow.commit()
    return RedirectResponse(f"/interviews/{interview_id}", status_code=303)
