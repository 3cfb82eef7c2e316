"""Idempotency-Key on create endpoints: the same key and body replay the first response for 24 hours."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Header
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from hireloop.accounts.actor import Actor
from hireloop.db import UnitOfWork
from hireloop.errors import Conflict
from hireloop.integrations import repository as repo
from hireloop.models import IdempotencyKey, utcnow

TTL = timedelta(hours=24)
REPLAY_HEADER = "Idempotent-Replayed"

IdempotencyHeader = Annotated[
    str | None,
    Header(alias="Idempotency-Key", min_length=1, max_length=255, pattern=r"^[\x21-\x7e]+$",
           description="A unique key per create (e.g. a UUID). Repeating the request with the same key and body "
                       "returns the first response instead of creating twice; a different body is refused (409)."),
]


def request_hash(payload: Any) -> str:
    """SHA-256 of the request body in canonical JSON (key order and spacing do not matter)."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"


def _replay(row: IdempotencyKey, digest: str) -> JSONResponse:
    if row.request_hash != digest:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used with a different request body in the last 24 hours; use a new key "
            "for a new request.")
    return JSONResponse(row.response, row.status_code, headers={REPLAY_HEADER: "true"})


def run_create(uow: UnitOfWork, actor: Actor, *, key: str | None, scope: str, payload: Any,
               create: Callable[[], Any], status_code: int = 201) -> JSONResponse:
    """Run `create` (which returns a JSON-ready body) once per key, commit, and answer; replays need no work."""
    session = uow.session
    if key is None:
        body = create()
        uow.commit()
        return JSONResponse(body, status_code)
    digest = request_hash(payload)
    now = utcnow()
    row = repo.idempotency_key(session, actor.org_id, key, scope)
    if row is not None and row.expires_at < now:
        session.delete(row)
        session.flush()
        row = None
    if row is not None:
        return _replay(row, digest)
    body = create()
    session.add(IdempotencyKey(org_id=actor.org_id, key=key, scope=scope, request_hash=digest,
                               status_code=status_code, response=body, created_at=now, expires_at=now + TTL))
    try:
        uow.commit()
    except IntegrityError:
        # A concurrent request with the same key won; answer as its replay would.
        uow.rollback()
        row = repo.idempotency_key(session, actor.org_id, key, scope)
        if row is None:
            raise
        return _replay(row, digest)
    return JSONResponse(body, status_code)
