"""Data subject access: everything held on one candidate, as a zip of JSON files and their recordings."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.crypto import blind_index
from hireloop.errors import NotFound
from hireloop.models import (
    Answer,
    AnswerAnalysis,
    Application,
    Candidate,
    CandidateRequest,
    ConsentRecord,
    EmailMessage,
    Interview,
    StageChange,
)
from hireloop.storage import get_storage


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in sa_inspect(obj).mapper.column_attrs}


def export_candidate(session: Session, actor: Actor, candidate_id: uuid.UUID) -> bytes:
    """A zip with one JSON file per kind of record and the candidate's recordings."""
    cand = session.scalars(select(Candidate).where(Candidate.org_id == actor.org_id, Candidate.id == candidate_id)).first()
    if cand is None:
        raise NotFound("No such candidate in your organization.", code="candidate_not_found")
    org = actor.org_id
    apps = list(session.scalars(select(Application).where(Application.org_id == org, Application.candidate_id == cand.id)))
    app_ids = [a.id for a in apps]
    ivs = list(session.scalars(select(Interview).where(Interview.org_id == org, Interview.candidate_id == cand.id)))
    answers = list(session.scalars(select(Answer).where(Answer.org_id == org, Answer.interview_id.in_([i.id for i in ivs])))) if ivs else []
    data = {
        "candidate": [_row(cand)],
        "applications": [_row(a) for a in apps],
        "stage_history": [_row(s) for s in session.scalars(select(StageChange).where(StageChange.application_id.in_(app_ids)))] if app_ids else [],
        "consents": [_row(c) for c in session.scalars(select(ConsentRecord).where(ConsentRecord.org_id == org, ConsentRecord.candidate_id == cand.id))],
        "interviews": [_row(i) for i in ivs],
        "answers": [_row(a) for a in answers],
        "analyses": [_row(x) for x in session.scalars(select(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_([a.id for a in answers])))] if answers else [],
        "requests": [_row(r) for r in session.scalars(select(CandidateRequest).where(CandidateRequest.org_id == org, CandidateRequest.candidate_id == cand.id))],
        "messages": [_row(m) for m in session.scalars(select(EmailMessage).where(EmailMessage.org_id == org, EmailMessage.to_hash == blind_index(cand.email, "email")))] if cand.email else [],
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
