"""Applications and their stage machine, with a history of who moved each one and why."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.candidates import repository as repo
from hireloop.candidates.service import get as get_candidate
from hireloop.candidates.stages import NEEDS_REASON, TRANSITIONS, Stage, can_move
from hireloop.compliance import audit, safeguards
from hireloop.compliance.consent import policy_for_job
from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.integrations import events, sync
from hireloop.jobs.service import get as get_job
from hireloop.models import Application, StageChange, utcnow
from hireloop.pagination import Page
from hireloop.performance.hiring import employee_from_hire


class ApplicationNotFound(NotFound):
    code = "application_not_found"


def get(session: Session, actor: Actor, application_id: uuid.UUID) -> Application:
    app = repo.get_application(session, actor.org_id, application_id)
    if app is None:
        raise ApplicationNotFound("No such application in your organization. Check the id, or list applications.")
    return app


def apply(session: Session, actor: Actor, *, job_id: uuid.UUID, candidate_id: uuid.UUID, source: str = "manual") -> Application:
    """Put a candidate into a job's pipeline at 'applied'."""
    get_job(session, actor, job_id)
    get_candidate(session, actor, candidate_id, audit_view=False)
    if repo.find_application(session, actor.org_id, job_id, candidate_id):
        raise Conflict("This candidate has already applied to this job.", code="duplicate_application")
    app = Application(org_id=actor.org_id, job_id=job_id, candidate_id=candidate_id, stage=Stage.APPLIED)
    session.add(app)
    session.flush()
    _history(session, actor, app, None, Stage.APPLIED, f"source: {source}")
    audit.record(session, actor, "application.created", entity_type="application", entity_id=app.id,
                 details={"job_id": str(job_id)})
    return app


def _history(session: Session, actor: Actor, app: Application, src: str | None, dst: str, reason: str,
             decided_by: str | None = None) -> None:
    session.add(
        StageChange(org_id=app.org_id, application_id=app.id, from_stage=src, to_stage=dst, actor_type=actor.kind,
                    actor_id=actor.id, actor_name=actor.name, reason=reason, decided_by=decided_by)
    )


def move(session: Session, actor: Actor, application_id: uuid.UUID, *, to_stage: Stage, reason: str = "",
         decided_by: str | None = None) -> Application:
    """Move an application to another stage; rejections and withdrawals need a reason.

    Where the job's policy requires human review, a rejection is a person's decision: a console user, or an API
    key or import naming the person in `decided_by`. An automated rejection does not happen: the application is
    held for a person's decision instead (its stage unchanged)."""
    app = get(session, actor, application_id)
    src = Stage(app.stage)
    if src == to_stage:
        return app
    if not can_move(src, to_stage):
        allowed = sorted(s.value for s in TRANSITIONS.get(src, set()))
        raise Conflict(
            f"An application at '{src}' cannot move to '{to_stage}'. Allowed next stages: {', '.join(allowed) or 'none'}.",
            code="invalid_stage_move",
            details={"from": src.value, "allowed": allowed},
        )
    if to_stage in NEEDS_REASON and not reason.strip():
        raise ValidationFailed(f"Moving to '{to_stage}' needs a reason; a person states why.", code="reason_required")
    decider = None
    if to_stage == Stage.REJECTED:
        policy = policy_for_job(get_job(session, actor, app.job_id))
        try:
            decider = safeguards.rejection_decider(session, actor, app=app, policy=policy, decided_by=decided_by)
        except safeguards.AutomatedRejection:
            safeguards.route_to_review(session, actor, app, policy)
            return app
    app.stage = to_stage.value
    app.stage_changed_at = utcnow()
    _history(session, actor, app, src.value, to_stage.value, reason.strip(), decider)
    session.flush()
    audit.record(session, actor, "application.stage_changed", entity_type="application", entity_id=app.id,
                 details={"from": src.value, "to": to_stage.value, **({"decided_by": decider} if decider else {})})
    if to_stage == Stage.HIRED:
        employee_from_hire(session, actor, app)
    if actor.kind == "user" and to_stage not in (Stage.WITHDRAWN,):
        # a person moving a held application on (from the board as from the review page) is the decision the
        # human review waited for; it ends the hold and closes the request behind it
        safeguards.human_decided(session, actor, org_id=app.org_id, application_id=app.id,
                                 outcome="reject" if to_stage == Stage.REJECTED else "advance")
    events.application_stage_changed(session, org_id=app.org_id, application_id=app.id, candidate_id=app.candidate_id,
                                     job_id=app.job_id, from_stage=src.value, to_stage=to_stage.value)
    return app


def list_page(session: Session, actor: Actor, *, job_id: uuid.UUID | None, candidate_id: uuid.UUID | None,
              stage: str | None, limit: int, cursor: str | None, updated_after: datetime | None = None,
              include_deleted: bool = False) -> Page[Application]:
    """A page of applications; with updated_after, those changed since, in change order (for sync)."""
    stmt = repo.applications_query(actor.org_id, job_id=job_id, candidate_id=candidate_id, stage=stage,
                                   include_deleted=include_deleted)
    return sync.list_page(session, stmt, Application, updated_after=updated_after, limit=limit, cursor=cursor)


def history(session: Session, actor: Actor, application_id: uuid.UUID) -> list[StageChange]:
    get(session, actor, application_id)
    return repo.history(session, actor.org_id, application_id)


def board(session: Session, actor: Actor, job_id: uuid.UUID) -> dict[str, list]:
    """A job's applications grouped by stage, in pipeline order."""
    get_job(session, actor, job_id)
    columns: dict[str, list] = {s.value: [] for s in [*Stage]}
    for app, cand in repo.board(session, actor.org_id, job_id):
        columns[app.stage].append((app, cand))
    return columns
