"""The analyst's decisions on weight proposals: accepted (a new ScoringModel version) or rejected, with the reason.

Each decision keeps the proposal it was made on (recomputed at decision time, never taken from the caller) and
is also written to the audit log.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.loop import repository as repo
from hireloop.models import WeightDecision, utcnow


def record(session: Session, actor: Actor, *, loop_job: str, decision: str, proposal: dict[str, Any],
           reason: str = "", job_id: uuid.UUID | None = None, version: int | None = None) -> WeightDecision:
    """Store one accept/reject decision and append it to the audit log."""
    row = WeightDecision(org_id=actor.org_id, loop_job=loop_job, job_id=job_id, decision=decision, reason=reason,
                         actor_id=actor.id, actor_name=actor.name, scoring_model_version=version, proposal=proposal,
                         decided_at=utcnow())
    session.add(row)
    session.flush()
    summary = {"loop_job": loop_job, "job_id": str(job_id) if job_id else None, "scoring_model_version": version,
               "weights": {w["competency"]: w["proposed"] for w in proposal.get("weights", [])},
               "reason": reason[:500]}
    audit.record(session, actor, f"loop.weights_{decision}", entity_type="weight_decision", entity_id=row.id,
                 details=summary)
    return row


def reject(session: Session, actor: Actor, loop_job: str, *, reason: str,
           job_id: uuid.UUID | None = None) -> WeightDecision:
    """Record that the analyst rejected the current weight proposal for loop_job's hires, and why."""
    from hireloop.errors import NotFound
    from hireloop.jobs import repository as jobs_repo
    from hireloop.loop import analytics as an

    if job_id is not None and jobs_repo.get(session, actor.org_id, job_id) is None:
        raise NotFound("No such job in your organization.", code="job_not_found")
    proposal = an.weights(an.load_frames(session, actor.org_id), loop_job)
    return record(session, actor, loop_job=loop_job, decision="rejected", proposal=an.to_jsonable(proposal),
                  reason=reason, job_id=job_id)


def as_dict(row: WeightDecision) -> dict[str, Any]:
    """A decision as JSON-ready values."""
    p = row.proposal or {}
    return {"id": str(row.id), "loop_job": row.loop_job, "job_id": str(row.job_id) if row.job_id else None,
            "decision": row.decision, "reason": row.reason, "decided_by": row.actor_name,
            "decided_at": row.decided_at.isoformat(timespec="seconds"),
            "scoring_model_version": row.scoring_model_version,
            "weights": {w["competency"]: w["proposed"] for w in p.get("weights", [])},
            "validity_current": p.get("validity_current"), "validity_proposed": p.get("validity_proposed"),
            "proposal": p}


def listing(session: Session, org_id: uuid.UUID, loop_job: str | None = None) -> list[dict[str, Any]]:
    """Decisions, newest first."""
    return [as_dict(r) for r in repo.weight_decisions(session, org_id, loop_job)]
