"""The actions of the /loop page (forms, CSRF-checked like every console form): train the attrition and
performance models, accept a job's weight proposal as a new ScoringModel version, or reject it with a reason.

Each action redirects back to /loop with what happened in the query (done=..., version=...), so a reload does
not repeat it; the page then shows the result (the new model card's metrics, or the new scoring model version).
Only actors holding scoring_models:manage may act; the page hides the forms from everyone else.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import ValidationFailed
from hireloop.loop import analytics as an
from hireloop.loop import decisions, groups
from hireloop.loop import service as svc
from hireloop.web.render import N_

router = APIRouter(include_in_schema=False)
Manager = Annotated[Actor, Depends(requires(Perm.SCORING_MODELS_MANAGE))]

DONE_MESSAGES = {
    "trained": N_("A new model version was trained and saved."),
    "accepted": N_("The proposal is saved as a new scoring model version."),
    "rejected": N_("The rejection and its reason are recorded."),
    "groups": N_("The audits now cover the chosen groups."),
}


def _back(job: str | None, **params: Any) -> RedirectResponse:
    query = {k: v for k, v in {"job": job or None, **params}.items() if v not in (None, "")}
    return RedirectResponse("/loop" + (f"?{urlencode(query)}" if query else ""), status_code=303)


@router.post("/loop/models/train")
def train_model(uow: UoW, actor: Manager, kind: Annotated[Literal["attrition", "performance"], Form()],
                job: Annotated[str, Form()] = "") -> Response:
    """Train, validate and save a new version of the attrition or performance model (as the API does)."""
    summary = svc.train_and_audit(uow.session, actor, kind)
    uow.commit()
    return _back(job, done="trained", model=summary.get("name"), version=summary.get("registry_version"))


@router.post("/loop/weights/accept")
def accept_weights(uow: UoW, actor: Manager, job_id: Annotated[uuid.UUID, Form()],
                   loop_job: Annotated[str, Form(min_length=1, max_length=200)],
                   activate: Annotated[str, Form()] = "", notes: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """Store the (recomputed) weight proposal of loop_job's hires as a new ScoringModel version of job_id."""
    model, _ = an.accept_weights(uow.session, actor, job_id, loop_job, activate=activate == "yes", notes=notes.strip())
    uow.commit()
    return _back(loop_job, done="accepted", version=model.version, status=model.status)


@router.post("/loop/weights/reject")
def reject_weights(uow: UoW, actor: Manager, loop_job: Annotated[str, Form(min_length=1, max_length=200)],
                   reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """Record that the weight proposal of loop_job's hires is not taken, and why (a reason is required)."""
    if not reason.strip():
        raise ValidationFailed("Say why the proposal is rejected.", code="reason_required")
    decisions.reject(uow.session, actor, loop_job, reason=reason.strip())
    uow.commit()
    return _back(loop_job, done="rejected")


@router.post("/loop/audit-groups")
def set_audit_groups(uow: UoW, actor: Manager, groups_: Annotated[list[str] | None, Form(alias="groups")] = None,
                     job: Annotated[str, Form()] = "") -> Response:
    """Choose which extra groups (besides sex and age band) the bias audits cover."""
    groups.configure(uow.session, actor, groups_ or [])
    uow.commit()
    return _back(job, done="groups")
