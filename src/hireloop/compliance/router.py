"""/api/v1/audit-events"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.api.schemas import UtcDateTime
from hireloop.compliance.audit import verify_chain
from hireloop.compliance.repository import audit_events

router = APIRouter(prefix="/audit-events", tags=["audit"])
Auditor = Annotated[Actor, Depends(requires(Perm.AUDIT_READ))]


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: UtcDateTime
    actor_type: str
    actor_name: str
    action: str
    entity_type: str
    entity_id: str | None
    details: dict[str, Any]


class ChainOut(BaseModel):
    ok: bool
    checked: int
    first_bad_id: int | None
    problem: str | None


@router.get("", response_model=list[AuditEventOut])
def list_events(uow: UoW, actor: Auditor, entity_id: str | None = None, action: str | None = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[AuditEventOut]:
    """The newest audit events of your organization."""
    rows = audit_events(uow.session, actor.org_id, entity_id=entity_id, action=action, limit=limit)
    return [AuditEventOut.model_validate(e) for e in rows]


@router.get("/verify", response_model=ChainOut)
def verify(uow: UoW, actor: Auditor) -> ChainOut:
    """Check that no audit row of your organization was edited or removed."""
    r = verify_chain(uow.session, actor.org_id)
    return ChainOut(ok=r.ok, checked=r.checked, first_bad_id=r.first_bad_id, problem=r.problem)
