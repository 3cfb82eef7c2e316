"""/api/v1/audit-events"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.compliance import consent
from hireloop.api.schemas import UtcDateTime
from hireloop.compliance.audit import verify_chain
from hireloop.compliance.repository import audit_events
from hireloop.interviews.schemas import CandidateRequestOut

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


policy_router = APIRouter(tags=["compliance"])


class ConsentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    purpose: str
    policy_key: str
    notice_version: str
    granted_at: UtcDateTime
    withdrawn_at: UtcDateTime | None


class PolicyOut(BaseModel):
    key: str
    name: str
    laws: list[str]
    notice_version: str
    notice: dict[str, str]
    measures: dict[str, str]
    required_consents: list[str]
    retention_days: dict[str, int]
    human_review_before_rejection: bool
    bias_audit_required: bool
    notice_lead_days: int


@policy_router.get("/candidates/{candidate_id}/consents", response_model=list[ConsentOut])
def candidate_consents(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))],
                       candidate_id: uuid.UUID) -> list[ConsentOut]:
    """The candidate's consent ledger: what they agreed to, against which notice, and any withdrawal."""
    return [ConsentOut.model_validate(r) for r in consent.ledger(uow.session, actor, candidate_id)]


@policy_router.get("/jobs/{job_id}/policy", response_model=PolicyOut)
def job_policy(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.JOBS_READ))], job_id: uuid.UUID) -> PolicyOut:
    """The jurisdiction policy that governs this job: what is computed, shown or scored, and what candidates are told."""
    from hireloop.jobs.service import get as get_job

    p = consent.policy_for_job(get_job(uow.session, actor, job_id))
    return PolicyOut(
        key=p.key, name=p.name, laws=list(p.laws), notice_version=p.notice_version,
        notice={"zh_CN": p.notice.zh, "en": p.notice.en}, measures={k: v.value for k, v in p.measures.items()},
        required_consents=[c.value for c in p.required_consents], retention_days=asdict(p.retention),
        human_review_before_rejection=p.human_review_before_rejection, bias_audit_required=p.bias_audit_required,
        notice_lead_days=p.notice_lead_days,
    )


class EraseIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class EraseOut(BaseModel):
    candidate_id: uuid.UUID
    rows: dict[str, int]
    files_removed: int


@policy_router.post("/candidates/{candidate_id}/erase", response_model=EraseOut)
def erase(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_ERASE))], candidate_id: uuid.UUID,
          data: EraseIn) -> EraseOut:
    """Delete everything held on a candidate (recordings, transcripts, measures, messages); it cannot be undone."""
    from hireloop.compliance.erasure import erase_candidate, remove_files
    from hireloop.config import get_settings

    report = erase_candidate(uow.session, actor, candidate_id, reason=data.reason)
    uow.commit()
    removed = remove_files(report, get_settings().outbox_dir)
    return EraseOut(candidate_id=candidate_id, rows=report.rows, files_removed=removed)


@policy_router.get("/candidates/{candidate_id}/export")
def export(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_ERASE))], candidate_id: uuid.UUID) -> Response:
    """Everything held on a candidate as a zip of JSON files and recordings (a data access request)."""
    from hireloop.compliance.access import export_candidate

    blob = export_candidate(uow.session, actor, candidate_id)
    uow.commit()
    return Response(blob, media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="candidate-{candidate_id}.zip"'})


@policy_router.get("/candidate-requests/{request_id}/export")
def request_export(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_ERASE))],
                   request_id: uuid.UUID) -> Response:
    """Answer an access request: everything held on the candidate as a zip (the request is then in progress)."""
    from hireloop.compliance import requests

    blob = requests.export(uow.session, actor, request_id)
    uow.commit()
    return Response(blob, media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="request-{request_id}.zip"'})


class RequestCloseIn(BaseModel):
    outcome: str = Field(min_length=1, max_length=2000,
                         description="What was done about the request (kept sealed; shown in the console)")


@policy_router.post("/candidate-requests/{request_id}/close", response_model=CandidateRequestOut)
def request_close(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))], request_id: uuid.UUID,
                  data: RequestCloseIn) -> CandidateRequestOut:
    """Close an answered request (access, explanation, accommodation), recording what was done and by whom."""
    from hireloop.compliance import requests

    out = CandidateRequestOut.model_validate(requests.close(uow.session, actor, request_id, outcome=data.outcome))
    uow.commit()
    return out


@policy_router.get("/candidate-requests/{request_id}/explanation")
def request_explanation(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.REVIEWS_READ))],
                        request_id: uuid.UUID) -> Response:
    """Answer an explanation request: the report's evidence and the scoring model's card, as a JSON file."""
    from hireloop.compliance import requests
    from hireloop.compliance.explanation import to_json

    data = requests.explain(uow.session, actor, request_id)
    uow.commit()
    return Response(to_json(data), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="explanation-{request_id}.json"'})


@policy_router.get("/candidates/{candidate_id}/explanation")
def explanation(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.REVIEWS_READ))],
                candidate_id: uuid.UUID) -> dict[str, Any]:
    """How the candidate was assessed: each assessment's evidence and the card of the scoring model that made it."""
    from hireloop.compliance.explanation import explain, to_json
    import json

    data = json.loads(to_json(explain(uow.session, actor, candidate_id)))
    uow.commit()
    return data
