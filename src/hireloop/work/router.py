"""/api/v1/tasks: background task status."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from hireloop import dispatch
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.api.schemas import UtcDateTime

router = APIRouter(prefix="/tasks", tags=["tasks"])


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    status: str
    attempts: int
    max_attempts: int
    payload: dict[str, Any]
    error: str | None
    created_at: UtcDateTime
    finished_at: UtcDateTime | None


@router.get("", response_model=list[TaskOut])
def list_tasks(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.TASKS_READ))]) -> list[TaskOut]:
    """The latest background tasks of your organization with their status and last error."""
    return [TaskOut.model_validate(t) for t in dispatch.recent_tasks(uow.session, actor.org_id)]
