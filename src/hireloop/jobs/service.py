"""Jobs: create, read, update and list, with their competency models."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance.consent import check_job_policy
from hireloop.errors import NotFound
from hireloop.jobs import repository as repo
from hireloop.jobs.schemas import CompetencyIn, JobCreate, JobUpdate
from hireloop.models import Competency, Job
from hireloop.integrations import sync
from hireloop.pagination import Page


class JobNotFound(NotFound):
    code = "job_not_found"


def get(session: Session, actor: Actor, job_id: uuid.UUID) -> Job:
    job = repo.get(session, actor.org_id, job_id)
    if job is None:
        raise JobNotFound("No such job in your organization. Check the id, or list jobs to find it.")
    return job


def _competencies(org_id: uuid.UUID, items: list[CompetencyIn]) -> list[Competency]:
    return [
        Competency(org_id=org_id, key=c.key, name=c.name, description=c.description, weight=c.weight,
                   anchors=list(c.anchors), position=i)
        for i, c in enumerate(items)
    ]


def _checked_requirements(requirements: dict) -> dict:
    from hireloop.screening.service import validate_requirements  # screening builds on jobs, not the reverse

    return validate_requirements(requirements) if requirements else {}


def create(session: Session, actor: Actor, *, data: JobCreate, template_key: str | None = None) -> Job:
    """A new job with its competency model."""
    job = Job(
        org_id=actor.org_id,
        **data.model_dump(exclude={"competencies", "requirements"}),
        requirements=_checked_requirements(data.requirements),
        template_key=template_key,
    )
    job.competencies = _competencies(actor.org_id, data.competencies)
    check_job_policy(job)
    session.add(job)
    session.flush()
    audit.record(session, actor, "job.created", entity_type="job", entity_id=job.id)
    return job


def update(session: Session, actor: Actor, job_id: uuid.UUID, *, data: JobUpdate) -> Job:
    job = get(session, actor, job_id)
    changes = data.model_dump(exclude_unset=True, exclude={"competencies"})
    if changes.get("requirements") is not None:
        changes["requirements"] = _checked_requirements(changes["requirements"])
    for field, value in changes.items():
        if value is None and field in {"title", "country", "employment_type", "status", "description", "requirements"}:
            continue
        setattr(job, field, value.upper() if field == "country" and value else value)
    check_job_policy(job)
    if data.competencies is not None:
        job.competencies.clear()
        session.flush()
        job.competencies.extend(_competencies(actor.org_id, data.competencies))
        changes["competencies"] = [c.key for c in data.competencies]
    session.flush()
    audit.record(session, actor, "job.updated", entity_type="job", entity_id=job.id, details={"fields": sorted(changes)})
    if "requirements" in changes or "description" in changes:
        from hireloop import dispatch

        dispatch.enqueue(session, "screening.rescore_job", org_id=actor.org_id, job_id=str(job.id))
    return job


def list_page(session: Session, actor: Actor, *, status: str | None, limit: int, cursor: str | None,
              updated_after: datetime | None = None, include_deleted: bool = False) -> Page[Job]:
    """A page of jobs; with updated_after, those changed since, in change order (for sync)."""
    stmt = repo.list_query(actor.org_id, status=status, include_deleted=include_deleted)
    return sync.list_page(session, stmt, Job, updated_after=updated_after, limit=limit, cursor=cursor)
