"""Data subject access: everything held on one candidate, as a zip of JSON files and their recordings."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.errors import NotFound
from hireloop.storage import get_storage


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in sa_inspect(obj).mapper.column_attrs}


def export_candidate(session: Session, actor: Actor, candidate_id: uuid.UUID) -> bytes:
    """A zip with one JSON file per kind of record and the candidate's recordings."""
    org = actor.org_id
    cand = repo.candidate_of(session, org, candidate_id)
    if cand is None:
        raise NotFound("No such candidate in your organization.", code="candidate_not_found")
    apps = repo.applications_of(session, org, cand.id)
    ivs = repo.interviews_of(session, org, cand.id)
    answers = repo.answers_of(session, org, [i.id for i in ivs])
    data = {
        "candidate": [_row(cand)],
        "applications": [_row(a) for a in apps],
        "stage_history": [_row(s) for s in repo.stage_changes_of(session, [a.id for a in apps])],
        "consents": [_row(c) for c in repo.consents(session, org, cand.id)],
        "interviews": [_row(i) for i in ivs],
        "answers": [_row(a) for a in answers],
        "analyses": [_row(x) for x in repo.analyses_of(session, [a.id for a in answers])],
        "requests": [_row(r) for r in repo.requests_of(session, org, cand.id)],
        "messages": [_row(m) for m in repo.messages_to(session, org, cand.email)],
        "assessments": [_row(a) for a in repo.assessments_of_candidate(session, org, cand.id)],
        "processing_restrictions": [_row(r) for r in repo.restrictions_of(session, org, cand.id)],
    }
    buf = io.BytesIO()
    storage = get_storage()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, rows in data.items():
            zf.writestr(f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        for a in answers:
            if storage.exists(a.storage_key):
                zf.writestr(f"recordings/{a.id}.{a.storage_key.rsplit('.', 1)[-1]}", storage.read_bytes(a.storage_key))
        zf.writestr("README.txt", "Everything HireLoop holds on this candidate, exported on request (GDPR art. 15, PIPL art. 45).\n")
    audit.record(session, actor, "candidate.exported", entity_type="candidate", entity_id=cand.id,
                 details={k: len(v) for k, v in data.items()})
    return buf.getvalue()
