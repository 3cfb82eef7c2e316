"""Request dependencies: the unit of work, who is calling, and what they may do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request

from hireloop.accounts import service as accounts
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.accounts.security import constant_time_equals
from hireloop.config import Settings
from hireloop.db import UnitOfWork, session_factory
from hireloop.errors import Forbidden, Unauthorized, ValidationFailed

SESSION_COOKIE = "hl_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_uow(request: Request) -> Iterator[UnitOfWork]:
    """One unit of work per request; the endpoint commits, anything else is rolled back."""
    session = session_factory(request.app.state.settings)()
    uow = UnitOfWork(session)
    session.info["uow"] = uow
    try:
        yield uow
    finally:
        if session.in_transaction():
            session.rollback()
        session.close()


UoW = Annotated[UnitOfWork, Depends(get_uow)]


async def _csrf_token_from(request: Request) -> str | None:
    header = request.headers.get("x-csrf-token")
    if header:
        return header
    ctype = request.headers.get("content-type", "")
    if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf_token")
        return value if isinstance(value, str) else None
    return None


async def current_actor(request: Request, uow: UoW) -> Actor:
    """The API key (Authorization: Bearer) or the logged-in user (session cookie) behind this request."""
    auth = request.headers.get("authorization")
    if auth:
        scheme, _, raw = auth.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise Unauthorized("Send the API key as 'Authorization: Bearer <key>'.", code="invalid_api_key")
        actor = accounts.actor_from_api_key(uow.session, raw.strip())
        request.state.actor = actor
        return actor
    token = request.cookies.get(SESSION_COOKIE)
    actor = accounts.actor_from_session_token(uow.session, token) if token else None
    if actor is None:
        raise Unauthorized("Log in first, or send an API key as 'Authorization: Bearer <key>'.", code="not_authenticated")
    if request.method not in SAFE_METHODS:
        sent = await _csrf_token_from(request)
        if not sent or not actor.csrf_token or not constant_time_equals(sent, actor.csrf_token):
            raise Forbidden("The form expired or did not come from HireLoop; reload the page and try again.",
                            code="csrf_failed")
    request.state.actor = actor
    return actor


def requires(perm: Perm) -> Callable[..., object]:
    """A dependency that admits only actors holding `perm`; the route table test reads `.permission`."""

    async def dependency(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
        actor.require(perm)
        return actor

    dependency.permission = perm  # type: ignore[attr-defined]
    return dependency


def authenticated() -> Callable[..., object]:
    """Any logged-in user or API key, whatever its permissions."""

    async def dependency(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
        return actor

    dependency.permission = None  # type: ignore[attr-defined]
    return dependency


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


async def reject_nul_text(request: Request) -> None:
    """Refuse text with NUL characters up front: PostgreSQL cannot store them, so they would fail late as a 500."""
    import json

    nul = any("\x00" in v for v in request.query_params.values()) or "\x00" in request.url.path
    if not nul and request.headers.get("content-type", "").startswith("application/json"):
        body = await request.body()  # FastAPI caches it; the endpoint reads the same bytes
        if b"\\u0000" in body or b"\x00" in body:
            try:
                nul = _has_nul(json.loads(body))
            except ValueError:
                nul = False  # invalid JSON gets FastAPI's own error
    if nul:
        raise ValidationFailed("Text must not contain NUL characters (\\u0000); remove them and send again.",
                               code="nul_character")
