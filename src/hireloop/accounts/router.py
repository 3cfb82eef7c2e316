"""/api/v1/me and /api/v1/api-keys"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from hireloop.accounts import repository as repo
from hireloop.accounts import service
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.accounts.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut, MeOut
from hireloop.api.deps import UoW, authenticated, requires

router = APIRouter(tags=["accounts"])
KeyAdmin = Annotated[Actor, Depends(requires(Perm.APIKEYS_MANAGE))]


@router.get("/me", response_model=MeOut)
def me(actor: Annotated[Actor, Depends(authenticated())]) -> MeOut:
    """Who the credentials belong to and what they may do."""
    return MeOut(org_id=actor.org_id, kind=actor.kind, name=actor.name, role=actor.role,
                 permissions=sorted(p.value for p in actor.permissions))


@router.get("/api-keys", response_model=list[ApiKeyOut])
def list_keys(uow: UoW, actor: KeyAdmin) -> list[ApiKeyOut]:
    return [ApiKeyOut.model_validate(k) for k in repo.list_api_keys(uow.session, actor.org_id)]


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=201)
def create_key(uow: UoW, actor: KeyAdmin, data: ApiKeyCreate) -> ApiKeyCreated:
    """Create an API key; the full key is in this response only."""
    full, key = service.create_api_key(uow.session, actor, name=data.name, scopes=[s.value for s in data.scopes])
    out = ApiKeyCreated(**ApiKeyOut.model_validate(key).model_dump(), key=full)
    uow.commit()
    return out


@router.delete("/api-keys/{key_id}", response_model=ApiKeyOut)
def revoke_key(uow: UoW, actor: KeyAdmin, key_id: uuid.UUID) -> ApiKeyOut:
    out = ApiKeyOut.model_validate(service.revoke_api_key(uow.session, actor, key_id))
    uow.commit()
    return out
