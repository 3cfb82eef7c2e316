"""Carrying out candidates' requests: deletion, access, explanation, human review, alternative process and
accommodation, each through the service that does the work, and each recorded in the audit log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.candidates import repository as candidates_repo
from hireloop.candidates.stages import Stage
from hireloop.compliance import audit, safeguards
from hireloop.compliance import repository as repo
from hireloop.compliance.erasure import ErasureReport, erase_candidate
from hireloop.errors import Conflict, NotFound
from hireloop.interviews import repository as iv_repo
from hireloop.models import Application, Candidate, CandidateRequest, ProcessingRestriction, utcnow

# What can be done about each kind of request, in the order the console offers it.
ACTIONS: dict[str, tuple[str, ...]] = {
    "deletion": ("erase",),
    "access": ("export", "close"),
    "explanation": ("explain", "close"),
    "human_review": ("start_review",),
    "alternative_process": ("opt_out",),
    "accommodation": ("close",),
}



def N_(message: str) -> str:  # marks a string for translation (gettext convention); translated when stored
    return message


# What was done, recorded on the request when the person closing it writes nothing themselves.
DEFAULT_OUTCOMES: dict[str, str] = {
    "access": N_("The candidate's data was sent to them."),
    "explanation": N_("The explanation was released to the candidate."),
    "accommodation": N_("The accommodation was arranged."),
    "alternative_process": N_("Granted: the candidate is no longer analysed or scored automatically."),
}
ANSWERED = N_("Answered.")
OPTED_OUT_AND_DELETED = N_("Granted: the candidate is no longer analysed or scored automatically, and the results of "
                           "earlier automated analysis were deleted.")


class RequestNotFound(NotFound):
    code = "candidate_request_not_found"


class WrongAction(Conflict):
    code = "request_action_not_allowed"


@dataclass(frozen=True)
class RequestRow:
    """One request as the console lists it."""

    request: CandidateRequest
    candidate: Candidate
    overdue: bool
    days_left: int
    actions: tuple[str, ...]
    policy_key: str | None
    held_applications: tuple[uuid.UUID, ...] = ()  # human review: applications waiting for a person's decision


def listing(session: Session, actor: Actor, *, include_closed: bool = False, now: datetime | None = None) -> list[RequestRow]:
    """The organization's requests, the soonest due first, with whether each is overdue."""
    now = now or utcnow()
    out = []
    for req, cand, policy_key in repo.candidate_requests(session, actor.org_id, include_closed=include_closed):
        open_ = req.status != "closed"
        actions = ACTIONS.get(req.kind, ("close",)) if open_ else ()
        held: tuple[uuid.UUID, ...] = ()
        if req.kind == "human_review" and req.status == "in_progress":
            held = tuple(h.application_id for h in repo.restrictions(session, actor.org_id, kind=safeguards.HUMAN_REVIEW,
                                                                     candidate_id=req.candidate_id)
                         if h.request_id == req.id and h.application_id is not None)
            # it closes itself once a person has decided on every held application; closing it by hand (with what
            # was done) is left for when nothing is held any more, e.g. the application was withdrawn
            actions = () if held else ("close",)
        out.append(RequestRow(req, cand, overdue=open_ and req.due_at < now, days_left=(req.due_at - now).days,
                              actions=actions, policy_key=policy_key, held_applications=held))
    return out


@dataclass(frozen=True)
class RoutedHold:
    """An automated rejection held for a person's decision (no candidate request behind it)."""

    application_id: uuid.UUID
    candidate: Candidate | None
    since: datetime
    proposed_by: str


def routed_holds(session: Session, actor: Actor) -> list[RoutedHold]:
    """Applications an automated process proposed to reject, waiting for a person, the oldest first."""
    holds = [h for h in repo.restrictions(session, actor.org_id, kind=safeguards.HUMAN_REVIEW)
             if h.request_id is None and h.application_id is not None]
    return [RoutedHold(h.application_id, repo.candidate_of(session, actor.org_id, h.candidate_id), h.created_at,
                       h.created_by) for h in holds]


def get(session: Session, actor: Actor, request_id: uuid.UUID) -> CandidateRequest:
    req = repo.candidate_request(session, actor.org_id, request_id)
    if req is None:
        raise RequestNotFound("No such request in your organization (it may have been carried out already).")
    return req


def _open(session: Session, actor: Actor, request_id: uuid.UUID, action: str) -> CandidateRequest:
    req = get(session, actor, request_id)
    if req.status == "closed":
        raise WrongAction("This request is already closed.")
    if action == "close" and _review_nothing_to_hold(session, actor, req):
        return req  # a review under way whose own holds are gone (decided elsewhere, withdrawn): answer it
    if action not in ACTIONS.get(req.kind, ("close",)):
        raise WrongAction(f"A {req.kind} request cannot be handled with '{action}'; "
                          f"use {', '.join(ACTIONS.get(req.kind, ('close',)))}.")
    return req


def _review_nothing_to_hold(session: Session, actor: Actor, req: CandidateRequest) -> bool:
    if req.kind != "human_review" or req.status != "in_progress":
        return False
    return not any(h.request_id == req.id for h in repo.restrictions(session, actor.org_id, kind=safeguards.HUMAN_REVIEW,
                                                                      candidate_id=req.candidate_id))


def _handled(session: Session, actor: Actor, req: CandidateRequest, action: str, *, close: bool,
             details: dict[str, Any] | None = None, outcome: str = "") -> None:
    if close:
        from hireloop import i18n

        req.status, req.closed_at = "closed", utcnow()
        req.outcome = outcome.strip() or i18n.gettext_(DEFAULT_OUTCOMES.get(req.kind, ANSWERED))
        req.handled_by = actor.name
    elif req.status == "open":
        req.status = "in_progress"
    session.flush()
    audit.record(session, actor, "candidate_request.handled", entity_type="candidate_request", entity_id=req.id,
                 details={"kind": req.kind, "action": action, "status": req.status, **(details or {})})


def close(session: Session, actor: Actor, request_id: uuid.UUID, *, outcome: str = "") -> CandidateRequest:
    """Mark a request answered (the export or explanation was sent, the accommodation arranged), saying what was
    done; without a text, a standard sentence for the kind of request is recorded."""
    req = _open(session, actor, request_id, "close")
    _handled(session, actor, req, "close", close=True, outcome=outcome)
    return req


def erase(session: Session, actor: Actor, request_id: uuid.UUID) -> ErasureReport:
    """Carry out a deletion request: the candidate and everything held on them go, the request row included."""
    req = _open(session, actor, request_id, "erase")
    _handled(session, actor, req, "erase", close=True, details={"candidate_id": str(req.candidate_id)})
    return erase_candidate(session, actor, req.candidate_id, reason=f"deletion request {req.id}")


def export(session: Session, actor: Actor, request_id: uuid.UUID) -> bytes:
    """The zip for an access request (audited as an export); close the request once it is sent."""
    from hireloop.compliance.access import export_candidate

    req = _open(session, actor, request_id, "export")
    blob = export_candidate(session, actor, req.candidate_id)
    _handled(session, actor, req, "export", close=False)
    return blob


def explain(session: Session, actor: Actor, request_id: uuid.UUID) -> dict[str, Any]:
    """The explanation for an explanation request (the report's evidence and the scoring model's card)."""
    from hireloop.compliance.explanation import explain as build

    req = _open(session, actor, request_id, "explain")
    out = build(session, actor, req.candidate_id)
    _handled(session, actor, req, "explain", close=False)
    return out


def _applications(session: Session, actor: Actor, req: CandidateRequest) -> list[Application]:
    if req.interview_id is not None:
        iv = iv_repo.get(session, actor.org_id, req.interview_id)
        if iv is not None and iv.application_id is not None:
            app = candidates_repo.get_application(session, actor.org_id, iv.application_id)
            return [app] if app is not None and app.stage not in (Stage.HIRED, Stage.WITHDRAWN) else []
    apps = session.scalars(candidates_repo.applications_query(actor.org_id, candidate_id=req.candidate_id)).all()
    return [a for a in apps if a.stage not in (Stage.HIRED, Stage.WITHDRAWN)]


def start_human_review(session: Session, actor: Actor, request_id: uuid.UUID) -> list[ProcessingRestriction]:
    """Hold the candidate's applications for a person's decision: no rejection until someone decides on the
    review page; the request closes itself when every held application has been decided."""
    req = _open(session, actor, request_id, "start_review")
    apps = _applications(session, actor, req)
    if not apps:
        raise WrongAction("The candidate has no open application to review; close the request with a reply instead.")
    holds = [safeguards.hold_for_human_review(session, actor, candidate_id=req.candidate_id, application_id=a.id,
                                              request=req) for a in apps]
    _handled(session, actor, req, "start_review", close=False, details={"applications": [str(a.id) for a in apps]})
    return holds


def opt_out(session: Session, actor: Actor, request_id: uuid.UUID, *, outcome: str = "",
            delete_analysis: bool = False) -> tuple[ProcessingRestriction, list[str]]:
    """Grant the alternative process: nothing about the candidate is analysed or scored automatically any more.
    With delete_analysis, what was analysed before goes too; returns the files to delete once committed."""
    req = _open(session, actor, request_id, "opt_out")
    row = safeguards.opt_out_of_analysis(session, actor, req.candidate_id, request=req)
    files: list[str] = []
    details: dict[str, Any] = {}
    if delete_analysis:
        deleted = safeguards.delete_automated_results(session, actor, req.candidate_id)
        files, details = deleted.files, {"automated_results_deleted": deleted.rows}
        if not outcome.strip():
            from hireloop import i18n

            outcome = i18n.gettext_(OPTED_OUT_AND_DELETED)
    _handled(session, actor, req, "opt_out", close=True, outcome=outcome, details=details)
    return row, files
