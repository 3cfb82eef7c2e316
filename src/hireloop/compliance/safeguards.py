"""Safeguards a candidate asked for: an alternative process without automated analysis, and a person's decision
before any rejection (human review). Analysis, scoring and the stage machine ask here before they act."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.compliance.policies import JurisdictionPolicy
from hireloop.errors import Conflict, ValidationFailed
from hireloop.models import Application, CandidateRequest, ProcessingRestriction, utcnow


def N_(message: str) -> str:  # marks a string for translation (gettext convention); translated when stored
    return message


NO_AUTOMATED_ANALYSIS = "no_automated_analysis"
HUMAN_REVIEW = "human_review"
# Recorded as the outcome of a human review request once a person has decided on every held application.
REVIEW_OUTCOMES = {"advance": N_("A person reviewed the application and advanced it."),
                   "reject": N_("A person reviewed the application and rejected it.")}


class HumanReviewRequired(Conflict):
    code = "human_review_required"


class HumanDecisionRequired(ValidationFailed):
    code = "decided_by_required"


class AutomatedRejection(Exception):
    """An automated rejection the policy does not allow; the stage machine routes it to a person instead."""


class OptedOutOfAnalysis(Conflict):
    code = "opted_out_of_automated_analysis"


def opted_out(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> bool:
    """True when the candidate chose the alternative process: nothing about them is analysed or scored automatically."""
    return bool(repo.restrictions(session, org_id, kind=NO_AUTOMATED_ANALYSIS, candidate_id=candidate_id))


def refuse_scoring_if_opted_out(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID) -> None:
    """Scoring a candidate in the alternative process is refused (409), whoever asks."""
    if opted_out(session, org_id, candidate_id):
        raise OptedOutOfAnalysis("This candidate chose an alternative process without automated analysis; a person "
                                 "assesses them, so the interview is not scored.")


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


def rejection_decider(session: Session, actor: Actor, *, app: Application, policy: JurisdictionPolicy,
                      decided_by: str | None = None) -> str | None:
    """The person who decides this rejection: the logged-in user, or the person an API call or import names.

    None when nobody is named and the job's policy does not require human review. Raises HumanReviewRequired while
    the candidate's human review is open (only a console decision ends it), HumanDecisionRequired for an API key
    that names nobody, and AutomatedRejection for the system, which must route the application to a person."""
    if actor.kind != "user" and repo.restrictions(session, app.org_id, kind=HUMAN_REVIEW, application_id=app.id):
        raise HumanReviewRequired(
            "The candidate asked for a human review: a person must decide on this application in the console "
            "(review page, Decision) before it can be rejected.")
    if actor.kind == "user":
        return actor.name
    named = (decided_by or "").strip()
    if named or not policy.human_review_before_rejection:
        return named or None
    if actor.kind == "system":
        raise AutomatedRejection(policy.key)
    raise HumanDecisionRequired(
        f"The job's jurisdiction policy ({policy.key}) requires a person's decision before any rejection: send "
        "'decided_by' with the name of the person who reviewed the application and decided to reject it (with the "
        "reason), or reject it in the console.",
        details={"field": "decided_by", "policy": policy.key})


def route_to_review(session: Session, actor: Actor, app: Application, policy: JurisdictionPolicy) -> ProcessingRestriction:
    """An automated process wanted to reject: hold the application for a person's decision instead."""
    hold = hold_for_human_review(session, actor, candidate_id=app.candidate_id, application_id=app.id)
    audit.record(session, actor, "application.rejection_routed_to_review", entity_type="application",
                 entity_id=app.id, details={"policy": policy.key, "stage": app.stage})
    return hold


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
                from hireloop import i18n

                req.status, req.closed_at = "closed", now
                req.outcome, req.handled_by = i18n.gettext_(REVIEW_OUTCOMES.get(outcome, outcome)), actor.name
        audit.record(session, actor, "application.human_review_done", entity_type="application",
                     entity_id=application_id, details={"outcome": outcome,
                                                        "request_id": str(hold.request_id) if hold.request_id else None})
    session.flush()
    return holds


@dataclass
class AnalysisDeletion:
    """What deleting a candidate's automated results removed: rows per table, and files to delete after the commit."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def delete_automated_results(session: Session, actor: Actor, candidate_id: uuid.UUID) -> AnalysisDeletion:
    """Delete what automated analysis produced about a candidate before they opted out (GDPR art. 21-22, PIPL
    art. 24): answers' analyses (transcripts, measures), content scores, assessments and the reports rendered from
    them. The recordings stay, for the people who assess the candidate instead; their answers read 'not analysed'."""
    from sqlalchemy import delete

    from hireloop.models import AnswerAnalysis, AnswerContentScore, Assessment, Report

    out = AnalysisDeletion()
    iv_ids = [i.id for i in repo.interviews_of(session, actor.org_id, candidate_id)]
    answers = repo.answers_of(session, actor.org_id, iv_ids)
    ans_ids = [a.id for a in answers]
    reports = repo.reports_of(session, actor.org_id, iv_ids)
    out.files = repo.report_files(reports)

    def count(table: str, stmt: Any) -> None:
        out.rows[table] = int(session.execute(stmt).rowcount or 0)

    count("reports", delete(Report).where(Report.org_id == actor.org_id, Report.interview_id.in_(iv_ids)))
    count("assessments", delete(Assessment).where(Assessment.org_id == actor.org_id,
                                                  Assessment.candidate_id == candidate_id))
    count("answer_content_scores", delete(AnswerContentScore).where(AnswerContentScore.answer_id.in_(ans_ids)))
    count("answer_analyses", delete(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_(ans_ids)))
    for a in answers:
        if a.question_index >= 0:
            a.status, a.error_code, a.error_message = "not_analysed", "alternative_process", None
    session.flush()
    session.expire_all()  # rows deleted in bulk must not linger in the identity map
    audit.record(session, actor, "candidate.automated_results_deleted", entity_type="candidate", entity_id=candidate_id,
                 details={"rows": out.rows, "files": len(out.files)})
    return out
