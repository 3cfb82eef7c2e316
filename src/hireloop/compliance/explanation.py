"""An explanation of how a candidate was assessed: each report's evidence and the card of the scoring model that
produced it (GDPR art. 15(1)(h) and 22, PIPL art. 24, Illinois AIVI Act). Plain data, to hand to the candidate."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.compliance.consent import policy_for_job
from hireloop.compliance.policies import preset
from hireloop.interviews import repository as iv_repo
from hireloop.jobs import repository as jobs_repo
from hireloop.models import Assessment, utcnow
from hireloop.scoring import repository as scoring_repo
from hireloop.scoring.behaviour import INDEX_DEFINITIONS

HOW_IT_WORKS = (
    "Each answer is transcribed and its content is rated from 1 to 5 against the job's competency anchors; the "
    "sentences the rating relied on are quoted as evidence. Observable speaking behaviour is measured only where the "
    "jurisdiction policy and the candidate's consent allow it, and is compared with the norms of the job's pool. The "
    "parts are combined with the scoring model's weights into a composite score and a recommendation (advance, hold "
    "or review). The recommendation only informs a person: every decision is made by a recruiter, who can override it."
)


def _content_scorer_card() -> dict[str, Any]:
    from hireloop.scoring.content.model import WEIGHTS_FILE

    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {"card": data.get("card", {}), "features": data.get("features"), "alpha": data.get("alpha"),
            "n_train": data.get("n_train")}


def _model_card(session: Session, a: Assessment) -> dict[str, Any]:
    model = scoring_repo.get_model(session, a.org_id, a.scoring_model_id)
    if model is None:
        return {}
    return {
        "id": str(model.id), "version": model.version, "status": model.status, "weights": model.weights,
        "notes": model.notes, "activated_at": model.activated_at, "first_used_at": model.first_used_at,
        "behaviour_indices": {k: {"name": d["name"].en, "formula": d["formula"].en}  # type: ignore[attr-defined]
                              for k, d in INDEX_DEFINITIONS.items()},
        "scorers": a.scorers,
    }


def _assessment(session: Session, a: Assessment) -> dict[str, Any]:
    job = jobs_repo.get(session, a.org_id, a.job_id)
    iv = iv_repo.get(session, a.org_id, a.interview_id)
    policy = preset(iv.policy_key) if iv else None
    decisions = scoring_repo.decisions(session, a.org_id, a.application_id)
    return {
        "job": job.title if job else None,
        "interview_id": str(a.interview_id),
        "application_id": str(a.application_id),
        "scored_at": a.scored_at,
        "composite": a.composite,
        "recommendation": a.recommendation,
        "override": ({"recommendation": a.override_recommendation, "reason": a.override_reason, "at": a.override_at}
                     if a.override_recommendation else None),
        "confidence": a.confidence,
        "confidence_parts": a.confidence_parts,
        "parts": a.parts,
        "competencies": a.competencies,  # with each answer's rating and the quoted evidence sentences
        "behaviour": a.behaviour,
        "flags": a.flags,
        "decisions": [{"decision": d.decision, "at": d.created_at, "by": "person" if d.actor_type == "user" else d.actor_type,
                       "system_recommendation": d.system_recommendation} for d in decisions],
        "policy": ({"key": policy.key, "name": policy.name, "laws": list(policy.laws),
                    "measures": {k: v.value for k, v in policy.measures.items()},
                    # the job's own setting, where it has one (compliance.consent.policy_for_job)
                    "human_review_before_rejection": (policy_for_job(job) if job else policy).human_review_before_rejection}
                   if policy else None),
        "scoring_model": _model_card(session, a),
    }


def explain(session: Session, actor: Actor, candidate_id: uuid.UUID, *, audit_view: bool = True) -> dict[str, Any]:
    """Everything needed to explain the candidate's assessments; the view is audited (the caller may record its own)."""
    from hireloop.candidates.service import get as get_candidate

    cand = get_candidate(session, actor, candidate_id, audit_view=False)
    assessments = repo.assessments_of_candidate(session, actor.org_id, candidate_id)
    out = {
        "candidate": {"id": str(cand.id), "name": cand.full_name},
        "generated_at": utcnow(),
        "how_it_works": HOW_IT_WORKS,
        "content_scorer": _content_scorer_card(),
        "assessments": [_assessment(session, a) for a in assessments],
    }
    if not assessments:
        out["note"] = "No interview of this candidate has been scored, so no automated assessment was made."
    if audit_view:
        audit.record(session, actor, "candidate.explanation_viewed", entity_type="candidate", entity_id=cand.id,
                     details={"assessments": len(assessments)})
    return out


def to_json(explanation: dict[str, Any]) -> bytes:
    return json.dumps(explanation, ensure_ascii=False, indent=2, default=str).encode()
