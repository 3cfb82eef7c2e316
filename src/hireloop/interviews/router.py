"""/api/v1: interview plans, invitations, interviews, answers and candidate requests."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.api.schemas import PageOut
from hireloop.compliance import audit
from hireloop.errors import NotFound
from hireloop.interviews import plans, service
from hireloop.interviews import repository as repo
from hireloop.interviews.links import invitation_url
from hireloop.interviews.schemas import (
    AnalysisOut,
    AnswerOut,
    BulkInviteIn,
    BulkInviteOut,
    CancelIn,
    CandidateRequestOut,
    ExtendIn,
    InterviewDetail,
    InterviewOut,
    InterviewPlanIn,
    InterviewPlanOut,
    InviteIn,
)
from hireloop.storage import get_storage
from hireloop.web.media import stored_file_response

router = APIRouter(tags=["interviews"])
Reader = Annotated[Actor, Depends(requires(Perm.INTERVIEWS_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.INTERVIEWS_WRITE))]


def _plan_out(plan) -> InterviewPlanOut:  # noqa: ANN001
    return InterviewPlanOut(job_id=plan.job_id, source_template=plan.source_template, expires_days=plan.expires_days,
                            bank=plan.bank)


@router.get("/jobs/{job_id}/interview-plan", response_model=InterviewPlanOut)
def get_plan(uow: UoW, actor: Reader, job_id: uuid.UUID) -> InterviewPlanOut:
    """The job's question bank (parallel forms per competency), created from its template on first use."""
    out = _plan_out(plans.ensure_plan(uow.session, actor, job_id))
    uow.commit()
    return out


@router.put("/jobs/{job_id}/interview-plan", response_model=InterviewPlanOut)
def put_plan(uow: UoW, actor: Writer, job_id: uuid.UUID, data: InterviewPlanIn) -> InterviewPlanOut:
    bank = {"practice": data.practice.model_dump(), "competencies": [c.model_dump() for c in data.competencies]}
    out = _plan_out(plans.set_plan(uow.session, actor, job_id, bank=bank, expires_days=data.expires_days))
    uow.commit()
    return out


def _detail(uow: UoW, actor: Actor, iv) -> InterviewDetail:  # noqa: ANN001
    answers = [AnswerOut.model_validate(a) for a in repo.answers(uow.session, actor.org_id, iv.id)]
    url = invitation_url(iv.id, iv.link_nonce) if iv.status in ("invited", "in_progress") else None
    return InterviewDetail(**InterviewOut.model_validate(iv).model_dump(), answers=answers, invitation_url=url)


@router.post("/applications/{application_id}/interview", response_model=InterviewDetail, status_code=201)
def invite(uow: UoW, actor: Writer, application_id: uuid.UUID, data: InviteIn) -> InterviewDetail:
    """Invite the candidate to a video interview: personalised questions, a signed expiring link by email."""
    iv = service.invite(uow.session, actor, application_id, locale=data.locale, expires_days=data.expires_days)
    out = _detail(uow, actor, iv)
    uow.commit()
    return out


@router.post("/interviews/bulk", response_model=BulkInviteOut)
def invite_many(uow: UoW, actor: Writer, data: BulkInviteIn) -> BulkInviteOut:
    """Invite a shortlist; failures are listed with their reason and do not stop the others."""
    res = service.invite_many(uow.session, actor, data.application_ids, locale=data.locale, expires_days=data.expires_days)
    out = BulkInviteOut(invited=[InterviewOut.model_validate(i) for i in res["invited"]], failed=res["failed"])
    uow.commit()
    return out


@router.get("/interviews", response_model=PageOut[InterviewOut])
def list_interviews(uow: UoW, actor: Reader, job_id: uuid.UUID | None = None, status: str | None = None,
                    limit: Annotated[int, Query(ge=1, le=200)] = 50, cursor: str | None = None) -> PageOut[InterviewOut]:
    page = service.list_page(uow.session, actor, job_id=job_id, status=status, limit=limit, cursor=cursor)
    return PageOut(items=[InterviewOut.model_validate(i) for i in page.items], next_cursor=page.next_cursor)


@router.get("/interviews/{interview_id}", response_model=InterviewDetail)
def get_interview(uow: UoW, actor: Reader, interview_id: uuid.UUID) -> InterviewDetail:
    return _detail(uow, actor, service.get(uow.session, actor, interview_id))


@router.post("/interviews/{interview_id}/resend", response_model=InterviewDetail)
def resend(uow: UoW, actor: Writer, interview_id: uuid.UUID) -> InterviewDetail:
    out = _detail(uow, actor, service.resend(uow.session, actor, interview_id))
    uow.commit()
    return out


@router.post("/interviews/{interview_id}/extend", response_model=InterviewDetail)
def extend(uow: UoW, actor: Writer, interview_id: uuid.UUID, data: ExtendIn) -> InterviewDetail:
    out = _detail(uow, actor, service.extend(uow.session, actor, interview_id, days=data.days))
    uow.commit()
    return out


@router.post("/interviews/{interview_id}/cancel", response_model=InterviewDetail)
def cancel(uow: UoW, actor: Writer, interview_id: uuid.UUID, data: CancelIn) -> InterviewDetail:
    out = _detail(uow, actor, service.cancel(uow.session, actor, interview_id, reason=data.reason))
    uow.commit()
    return out


def _answer(uow: UoW, actor: Actor, answer_id: uuid.UUID):  # noqa: ANN202
    a = repo.get_answer(uow.session, actor.org_id, answer_id)
    if a is None:
        raise NotFound("No such answer in your organization.", code="answer_not_found")
    return a


@router.get("/answers/{answer_id}/analysis", response_model=AnalysisOut)
def answer_analysis(uow: UoW, actor: Reader, answer_id: uuid.UUID) -> AnalysisOut:
    """Transcript with word times, and the measures the jurisdiction policy allowed to be computed."""
    a = _answer(uow, actor, answer_id)
    row = repo.analysis_for(uow.session, actor.org_id, a.id)
    if row is None:
        raise NotFound(f"This answer is not analysed (status: {a.status}).", code="not_analysed")
    audit.record(uow.session, actor, "answer.analysis_viewed", entity_type="answer", entity_id=a.id)
    out = AnalysisOut.model_validate(row)
    uow.commit()
    return out


@router.get("/answers/{answer_id}/media", response_class=Response)
def answer_media(uow: UoW, actor: Reader, answer_id: uuid.UUID,
                 range_: Annotated[str | None, Header(alias="range")] = None) -> Response:
    """The recording itself, decrypted as it is sent (supports range requests for the player)."""
    a = _answer(uow, actor, answer_id)
    audit.record(uow.session, actor, "answer.media_viewed", entity_type="answer", entity_id=a.id)
    uow.commit()
    return stored_file_response(get_storage(), a.storage_key, a.content_type, range_)


@router.get("/candidate-requests", response_model=list[CandidateRequestOut])
def candidate_requests(uow: UoW, actor: Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))],
                       status: str | None = "open") -> list[CandidateRequestOut]:
    """Candidates' open requests (alternative process, accommodation, deletion...) with their due dates. The text
    of an accommodation (it may concern health) is given only to those who arrange it (candidates:write)."""
    out = [CandidateRequestOut.model_validate(r) for r in repo.requests_for(uow.session, actor.org_id, status=status)]
    if not actor.can(Perm.CANDIDATES_WRITE):
        out = [o.model_copy(update={"details": ""}) if o.kind == "accommodation" else o for o in out]
    return out
