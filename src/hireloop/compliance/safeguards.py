"""Safeguards a candidate asked for: an alternative process without automated analysis, and a person's decision
before any rejection (human review). Analysis, scoring and the stage machine ask here before they act."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.errors import Conflict
from hireloop.models import CandidateRequest, ProcessingRestriction, utcnow

NO_AUTOMATED_ANALYSIS = "no_automated_analysis"
HUMAN_REVIEW = "human_review"


class HumanReviewRequired(Conflict):
    code = "human_review_required"


class OptedOutOfAnalysis(Conflict):
    code = "opted_out_of_automated_analysis"


def opted_out(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> bool:
    """True when the candidate chose the alternative process: nothing about them is analysed or scored automatically."""
    return bool(repo.restrictions(session, org_id, kind=NO_AUTOMATED_ANALYSIS, candidate_id=candidate_id))


def opt_out_of_analysis(session: Session, actor: Actor, candidate_id: uuid.UUID, *,
                        request: CandidateRequest | None = None) -> ProcessingRestriction:
    """Record that this candidate is assessed without automated analysis from now on (idempotent)."""
    existing = repo.restrictions(session, actor.org_id, kind=NO_AUTOMATED_ANALYSIS, candidate_id=candidate_id)
    if existing:
        return existing[0]
    row = ProcessingRestriction(org_id=actor.org_id, candidate_id=candidate_id, kind=NO_AUTOMATED_ANALYSIS,
                                request_id=request.id if request else None, created_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor, "candidate.opted_out_of_automated_analysis", entity_type="candidate",
                 entity_id=candidate_id, details={"request_id": str(request.id) if request else None})
    return row


def hold_for_human_review(session: Session, actor: Actor, *, candidate_id: uuid.UUID, application_id: uuid.UUID,
                          request: CandidateRequest | None = None) -> ProcessingRestriction:
    """From now on only a person's decision can reject this application (idempotent while the hold is open)."""
    existing = repo.restrictions(session, actor.org_id, kind=HUMAN_REVIEW, application_id=application_id)
    if existing:
        return existing[0]
    row = ProcessingRestriction(org_id=actor.org_id, candidate_id=candidate_id, application_id=application_id,
                                kind=HUMAN_REVIEW, request_id=request.id if request else None, created_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor, "application.human_review_requested", entity_type="application",
                 entity_id=application_id, details={"request_id": str(request.id) if request else None})
    return row


def check_rejection(session: Session, actor: Actor, *, org_id: uuid.UUID, application_id: uuid.UUID) -> None:
    """Refuse a rejection by an API key or the system while a human review is open."""
    if actor.kind == "user":
        return
    if repo.restrictions(session, org_id, kind=HUMAN_REVIEW, application_id=application_id):
        raise HumanReviewRequired(
            "The candidate asked for a human review: a person must decide on this application in the console "
            "(review page, Decision) before it can be rejected.")


def human_decided(session: Session, actor: Actor, *, org_id: uuid.UUID, application_id: uuid.UUID,
                  outcome: str) -> list[ProcessingRestriction]:
    """A person decided on the application: its open human review ends, and the request behind it is closed."""
    if actor.kind != "user":
        return []
    holds = repo.restrictions(session, org_id, kind=HUMAN_REVIEW, application_id=application_id)
    now = utcnow()
    for hold in holds:
        hold.resolved_at, hold.resolved_by, hold.outcome = now, actor.name, outcome
        session.flush()
        still_open = [h for h in repo.restrictions(session, org_id, kind=HUMAN_REVIEW, candidate_id=hold.candidate_id)
                      if h.request_id == hold.request_id]
        if hold.request_id is not None and not still_open:  # every application the request covers was decided
            req = repo.candidate_request(session, org_id, hold.request_id)
            if req is not None and req.status != "closed":
                req.status, req.closed_at = "closed", now
        audit.record(session, actor, "application.human_review_done", entity_type="application",
                     entity_id=application_id, details={"outcome": outcome,
                                                        "request_id": str(hold.request_id) if hold.request_id else None})
    session.flush()
    return holds
