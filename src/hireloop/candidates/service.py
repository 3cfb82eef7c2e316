"""Candidates: create, read (every view of personal data is audited), update and list."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.candidates import repository as repo
from hireloop.candidates.schemas import CandidateCreate, CandidateUpdate
from hireloop.compliance import audit
from hireloop.errors import Conflict, NotFound
from hireloop.models import Candidate
from hireloop.integrations import sync
from hireloop.pagination import Page


class CandidateNotFound(NotFound):
    code = "candidate_not_found"


def get(session: Session, actor: Actor, candidate_id: uuid.UUID, *, audit_view: bool = True) -> Candidate:
    """One candidate; viewing personal data is written to the audit log."""
    cand = repo.get_candidate(session, actor.org_id, candidate_id)
    if cand is None:
        raise CandidateNotFound("No such candidate in your organization. Check the id, or search the candidate list.")
    if audit_view:
        audit.record(session, actor, "candidate.viewed", entity_type="candidate", entity_id=cand.id)
    return cand


def create(session: Session, actor: Actor, *, data: CandidateCreate) -> Candidate:
    """A new candidate; the same email or phone twice in one organization is refused as a duplicate."""
    dup = repo.find_duplicate(session, actor.org_id, email=data.email, phone=data.phone)
    if dup is not None:
        raise Conflict(
            "A candidate with this email or phone exists already; open that record instead of creating a new one.",
            code="duplicate_candidate",
            details={"candidate_id": str(dup.id)},
        )
    cand = Candidate(org_id=actor.org_id, **data.model_dump())
    session.add(cand)
    session.flush()
    audit.record(session, actor, "candidate.created", entity_type="candidate", entity_id=cand.id)
    return cand


def update(session: Session, actor: Actor, candidate_id: uuid.UUID, *, data: CandidateUpdate) -> Candidate:
    cand = get(session, actor, candidate_id, audit_view=False)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("full_name", "") is None:
        changes.pop("full_name")
    if changes.get("profile", {}) is None:
        changes.pop("profile")
    for field, value in changes.items():
        setattr(cand, field, value)
    session.flush()
    audit.record(session, actor, "candidate.updated", entity_type="candidate", entity_id=cand.id,
                 details={"fields": sorted(changes)})
    return cand


def list_page(session: Session, actor: Actor, *, q: str | None, limit: int, cursor: str | None,
              updated_after: datetime | None = None, include_deleted: bool = False) -> Page[Candidate]:
    stmt = repo.candidates_query(actor.org_id, q=q, include_deleted=include_deleted)
    page = sync.list_page(session, stmt, Candidate, updated_after=updated_after, limit=limit, cursor=cursor)
    if page.items:
        audit.record(session, actor, "candidate.listed", entity_type="candidate", details={"count": len(page.items)})
    return page
