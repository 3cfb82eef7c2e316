"""ScoringModel versions per job: create drafts, activate, and never change a version that has scored anyone."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.jobs import repository as jobs_repo
from hireloop.models import Job, ScoringModel, utcnow
from hireloop.scoring import repository as repo
from hireloop.scoring.behaviour import INDEX_DEFINITIONS
from hireloop.scoring.composite import DEFAULT_PART_WEIGHTS, DEFAULT_THRESHOLDS, PARTS


class ScoringModelNotFound(NotFound):
    code = "scoring_model_not_found"


class ScoringModelFrozen(Conflict):
    code = "scoring_model_frozen"


def default_weights(job: Job) -> dict[str, Any]:
    """Weights for a job's first version: the competency weights of the job, equal behaviour indices."""
    return {
        "parts": dict(DEFAULT_PART_WEIGHTS),
        "competencies": {c.key: float(c.weight) for c in job.competencies},
        "behaviour_indices": {k: 1.0 for k in INDEX_DEFINITIONS},
        "thresholds": dict(DEFAULT_THRESHOLDS),
    }


def validate_weights(job: Job, weights: dict[str, Any]) -> dict[str, Any]:
    """Complete the weights with defaults and check them; a ValidationFailed says what to fix."""
    base = default_weights(job)
    out = {k: {**base[k], **(weights.get(k) or {})} for k in base}
    unknown = set(weights) - set(base)
    if unknown:
        raise ValidationFailed(f"Unknown weight groups {sorted(unknown)}; use parts, competencies, behaviour_indices, thresholds.")
    if set(out["parts"]) - set(PARTS):
        raise ValidationFailed(f"Parts must be among {', '.join(PARTS)}.")
    keys = {c.key for c in job.competencies}
    if set(out["competencies"]) - keys:
        raise ValidationFailed(f"Competencies {sorted(set(out['competencies']) - keys)} are not in this job.")
    if set(out["behaviour_indices"]) - set(INDEX_DEFINITIONS):
        raise ValidationFailed(f"Behaviour indices must be among {', '.join(INDEX_DEFINITIONS)}.")
    for group in ("parts", "competencies", "behaviour_indices"):
        for k, v in out[group].items():
            if not isinstance(v, (int, float)) or v < 0:
                raise ValidationFailed(f"Weight {group}.{k} must be a number of 0 or more, not {v!r}.")
    if sum(out["parts"].values()) <= 0:
        raise ValidationFailed("At least one of the parts needs a weight above 0.")
    return out


def _job(session: Session, actor: Actor, job_id: uuid.UUID) -> Job:
    job = jobs_repo.get(session, actor.org_id, job_id)
    if job is None:
        raise NotFound("No such job in your organization.", code="job_not_found")
    return job


def list_versions(session: Session, actor: Actor, job_id: uuid.UUID) -> list[ScoringModel]:
    """Every version of the job's scoring model, oldest first."""
    _job(session, actor, job_id)
    return repo.models_for_job(session, actor.org_id, job_id)


def ensure_active(session: Session, actor: Actor, job: Job) -> ScoringModel:
    """The job's active version; the first time, version 1 with the default weights is made active."""
    model = repo.active_model(session, job.org_id, job.id)
    if model is None:
        model = ScoringModel(org_id=job.org_id, job_id=job.id, version=repo.next_version(session, job.org_id, job.id),
                             status="active", weights=default_weights(job), created_by=actor.name,
                             activated_at=utcnow(), notes="default weights")
        session.add(model)
        session.flush()
        audit.record(session, actor, "scoring_model.created", entity_type="scoring_model", entity_id=model.id,
                     org_id=job.org_id, details={"job_id": str(job.id), "version": model.version, "status": "active"})
    return model


def create_version(session: Session, actor: Actor, job_id: uuid.UUID, *, weights: dict[str, Any],
                   notes: str = "") -> ScoringModel:
    """A new draft version with these weights (the old ones stay as they were)."""
    job = _job(session, actor, job_id)
    model = ScoringModel(org_id=actor.org_id, job_id=job.id, version=repo.next_version(session, actor.org_id, job.id),
                         status="draft", weights=validate_weights(job, weights), notes=notes, created_by=actor.name)
    session.add(model)
    session.flush()
    audit.record(session, actor, "scoring_model.created", entity_type="scoring_model", entity_id=model.id,
                 details={"job_id": str(job.id), "version": model.version, "status": "draft"})
    return model


def update_version(session: Session, actor: Actor, job_id: uuid.UUID, version: int, *, weights: dict[str, Any],
                   notes: str | None = None) -> ScoringModel:
    """Change a version's weights, only while it has scored nobody."""
    job = _job(session, actor, job_id)
    model = repo.model_version(session, actor.org_id, job.id, version)
    if model is None:
        raise ScoringModelNotFound(f"This job has no scoring model version {version}.")
    if model.first_used_at is not None:
        raise ScoringModelFrozen(f"Version {version} has already scored candidates and can never change; "
                                 "create a new version with the weights you want and activate it.")
    model.weights = validate_weights(job, weights)
    if notes is not None:
        model.notes = notes
    session.flush()
    audit.record(session, actor, "scoring_model.updated", entity_type="scoring_model", entity_id=model.id,
                 details={"version": version})
    return model


def activate(session: Session, actor: Actor, job_id: uuid.UUID, version: int) -> ScoringModel:
    """Make a version the one new interviews are scored with; the previous active version is retired."""
    job = _job(session, actor, job_id)
    model = repo.model_version(session, actor.org_id, job.id, version)
    if model is None:
        raise ScoringModelNotFound(f"This job has no scoring model version {version}.")
    if model.status == "active":
        return model
    current = repo.active_model(session, actor.org_id, job.id)
    if current is not None:
        current.status = "retired"
        session.flush()
    model.status = "active"
    model.activated_at = utcnow()
    session.flush()
    audit.record(session, actor, "scoring_model.activated", entity_type="scoring_model", entity_id=model.id,
                 details={"version": version, "retired": current.version if current else None})
    return model


def mark_used(model: ScoringModel) -> None:
    """Freeze a version: from its first score on it is immutable."""
    if model.first_used_at is None:
        model.first_used_at = utcnow()
