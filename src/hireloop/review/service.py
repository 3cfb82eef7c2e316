"""Human review: the ranked list, comparison, scorecards, overriding the recommendation and deciding."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.candidates import pipeline
from hireloop.candidates.stages import Stage
from hireloop.compliance import audit, safeguards
from hireloop.errors import NotFound, ValidationFailed
from hireloop.jobs.service import get as get_job
from hireloop.models import Application, Assessment, Candidate, Decision, Scorecard
from hireloop.scoring import composite as comp
from hireloop.scoring import repository as repo

DECISIONS = ("advance", "reject", "hold")


@dataclass(frozen=True)
class RankedRow:
    """One application in a job's ranked list."""

    rank: int | None
    tied: bool
    assessment: Assessment
    application: Application
    candidate: Candidate

    @property
    def recommendation(self) -> str:
        """What reviewers see: the override when a person made one, else the system's recommendation."""
        return self.assessment.override_recommendation or self.assessment.recommendation


def ranking(session: Session, actor: Actor, job_id: uuid.UUID, *, recommendation: str | None = None,
            min_score: float | None = None, stage: str | None = None, min_confidence: float | None = None) -> list[RankedRow]:
    """The job's scored applications ranked by composite (ties share a rank), then filtered."""
    job = get_job(session, actor, job_id)
    rows = repo.ranked_rows(session, actor.org_id, job.id)
    ranks = {k: (r, t) for k, r, t in comp.rank([(a.id, a.composite) for a, _, _ in rows])}
    out = [RankedRow(ranks[a.id][0], ranks[a.id][1], a, app, cand) for a, app, cand in rows]
    out.sort(key=lambda r: (r.rank is None, r.rank or 0, -(r.assessment.confidence or 0), r.candidate.full_name))
    if recommendation:
        out = [r for r in out if r.recommendation == recommendation]
    if min_score is not None:
        out = [r for r in out if r.assessment.composite is not None and r.assessment.composite >= min_score]
    if min_confidence is not None:
        out = [r for r in out if (r.assessment.confidence or 0) >= min_confidence]
    if stage:
        out = [r for r in out if r.application.stage == stage]
    return out


def get_application(session: Session, actor: Actor, application_id: uuid.UUID) -> Application:
    return pipeline.get(session, actor, application_id)


def assessment_of(session: Session, actor: Actor, application_id: uuid.UUID) -> Assessment | None:
    """The latest assessment of an application, or None while it has not been scored."""
    app = get_application(session, actor, application_id)
    return repo.latest_assessment_for_application(session, actor.org_id, app.id)


def compare(session: Session, actor: Actor, application_ids: list[uuid.UUID]) -> list[tuple[Application, Assessment | None]]:
    """Two to four applications side by side."""
    ids = list(dict.fromkeys(application_ids))
    if not 2 <= len(ids) <= 4:
        raise ValidationFailed("Pick two to four candidates to compare.", code="compare_count")
    return [(get_application(session, actor, i), repo.latest_assessment_for_application(session, actor.org_id, i)) for i in ids]


def override(session: Session, actor: Actor, application_id: uuid.UUID, *, recommendation: str, reason: str) -> Assessment:
    """Replace the system's recommendation with a person's, with a reason; logged in the audit trail."""
    if recommendation not in comp.RECOMMENDATIONS:
        raise ValidationFailed(f"Recommendation must be one of {', '.join(comp.RECOMMENDATIONS)}.")
    if not reason.strip():
        raise ValidationFailed("Say why you override the system's recommendation.", code="reason_required")
    a = assessment_of(session, actor, application_id)
    if a is None:
        raise NotFound("This application has no scored interview yet, so there is no recommendation to override.",
                       code="assessment_not_found")
    previous = a.override_recommendation or a.recommendation
    a.override_recommendation = recommendation
    a.override_reason = reason.strip()
    a.override_by = actor.name
    from hireloop.models import utcnow

    a.override_at = utcnow()
    session.flush()
    audit.record(session, actor, "assessment.recommendation_overridden", entity_type="application",
                 entity_id=application_id, details={"system": a.recommendation, "from": previous, "to": recommendation,
                                                    "reason": reason.strip()[:500]})
    return a


_NEXT = {Stage.INTERVIEWED.value: Stage.REVIEWED, Stage.REVIEWED.value: Stage.OFFER, Stage.INVITED.value: Stage.REVIEWED,
         Stage.SCREENED.value: Stage.INVITED, Stage.APPLIED.value: Stage.SCREENED, Stage.OFFER.value: Stage.HIRED}


def decide(session: Session, actor: Actor, application_id: uuid.UUID, *, decision: str, reason: str,
           decided_by: str | None = None) -> Decision:
    """A person's decision (advance, reject, hold) with a required reason; advance and reject move the stage."""
    if decision not in DECISIONS:
        raise ValidationFailed(f"Decision must be one of {', '.join(DECISIONS)}.", code="bad_decision")
    if not reason.strip():
        raise ValidationFailed("Every decision needs a reason; a person states why.", code="reason_required")
    app = get_application(session, actor, application_id)
    a = repo.latest_assessment_for_application(session, actor.org_id, app.id)
    if decision == "reject":
        pipeline.move(session, actor, app.id, to_stage=Stage.REJECTED, reason=reason.strip(), decided_by=decided_by)
    elif decision == "advance":
        nxt = _NEXT.get(app.stage)
        if nxt is None:
            raise ValidationFailed(f"An application at '{app.stage}' cannot be advanced; reopen it first.",
                                   code="invalid_stage_move")
        pipeline.move(session, actor, app.id, to_stage=nxt, reason=reason.strip())
    row = Decision(org_id=actor.org_id, application_id=app.id, assessment_id=a.id if a else None, decision=decision,
                   reason=reason.strip(), system_recommendation=a.recommendation if a else None,
                   actor_type=actor.kind, actor_id=actor.id,
                   # an API key acts for a person, who is named as the one who decided
                   actor_name=(f"{decided_by.strip()[:150]} (via {actor.name})"[:200]
                               if decided_by and decided_by.strip() and actor.kind != "user" else actor.name))
    session.add(row)
    session.flush()
    if decision != "hold":  # a hold is no decision yet: the human review stays open
        safeguards.human_decided(session, actor, org_id=actor.org_id, application_id=app.id, outcome=decision)
    audit.record(session, actor, "application.decided", entity_type="application", entity_id=app.id,
                 details={"decision": decision, "system_recommendation": row.system_recommendation,
                          "stage": app.stage, "decided_by": row.actor_name})
    return row


def save_scorecard(session: Session, actor: Actor, application_id: uuid.UUID, *, ratings: dict[str, Any], overall: int,
                   recommendation: str, notes: str = "") -> Scorecard:
    """The reviewer's own scorecard (one per reviewer and application; saving again replaces it)."""
    app = get_application(session, actor, application_id)
    if actor.id is None or actor.kind != "user":
        raise ValidationFailed("Scorecards are written by people; log in as a user.", code="user_required")
    if recommendation not in DECISIONS:
        raise ValidationFailed(f"Recommendation must be one of {', '.join(DECISIONS)}.")
    clean: dict[str, int] = {}
    for key, v in ratings.items():
        if v in (None, ""):
            continue
        try:
            n = int(v)
        except (TypeError, ValueError) as exc:
            raise ValidationFailed(f"Rating for {key} must be a whole number from 1 to 5.") from exc
        if not 1 <= n <= 5:
            raise ValidationFailed(f"Rating for {key} must be from 1 to 5.")
        clean[str(key)] = n
    if not 1 <= int(overall) <= 5:
        raise ValidationFailed("The overall rating must be from 1 to 5.")
    card = repo.scorecard_of(session, actor.org_id, app.id, actor.id)
    if card is None:
        card = Scorecard(org_id=actor.org_id, application_id=app.id, reviewer_id=actor.id, reviewer_name=actor.name,
                         overall=int(overall), recommendation=recommendation)
        session.add(card)
    card.ratings, card.overall, card.recommendation, card.notes = clean, int(overall), recommendation, notes.strip()
    session.flush()
    audit.record(session, actor, "scorecard.saved", entity_type="application", entity_id=app.id,
                 details={"overall": card.overall, "recommendation": recommendation})
    return card


def scorecards(session: Session, actor: Actor, application_id: uuid.UUID) -> list[Scorecard]:
    """Every reviewer's scorecard of an application."""
    app = get_application(session, actor, application_id)
    return repo.scorecards(session, actor.org_id, app.id)


def decisions(session: Session, actor: Actor, application_id: uuid.UUID) -> list[Decision]:
    app = get_application(session, actor, application_id)
    return repo.decisions(session, actor.org_id, app.id)
