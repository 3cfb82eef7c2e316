"""The candidate portal at /i/{token}: notice, consent, device check, practice, questions, upload, status."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from hireloop import i18n
from hireloop.accounts.security import constant_time_equals
from hireloop.api.deps import UoW
from hireloop.api.errors import error_body
from hireloop.candidates import pipeline
from hireloop.candidates.stages import Stage
from hireloop.compliance import audit
from hireloop.compliance.policies import Purpose
from hireloop.errors import Forbidden, HireLoopError, ValidationFailed
from hireloop.interviews import portal, uploads
from hireloop.models import Job, utcnow
from hireloop.web.render import render

router = APIRouter(prefix="/i/{token}", include_in_schema=False)
DEVICE_COOKIE = "hl_iv"


def _csrf_ok(request: Request, sent: str | None) -> None:
    cookie = request.cookies.get("hl_csrf", "")
    if not cookie or not sent or not constant_time_equals(cookie, sent):
        raise Forbidden("The page expired; reload it and try again.", code="csrf_failed")


def _locale(request: Request, ctx: portal.PortalContext) -> str:
    chosen = request.cookies.get("hl_lang")
    locale = i18n.normalise(chosen or ctx.interview.locale)
    i18n.set_locale(locale)
    return locale


def _page(request: Request, uow: UoW, name: str, ctx: portal.PortalContext | None, status: int = 200, **extra) -> Response:
    job = uow.session.get(Job, ctx.interview.job_id) if ctx else None
    return render(request, name, {"iv": ctx.interview if ctx else None, "policy": ctx.policy if ctx else None,
                                  "job": job, "token": request.path_params.get("token"), **extra}, status_code=status)


def _fail(request: Request, uow: UoW, exc: HireLoopError) -> Response:
    uow.commit()  # keep state changes such as an expiry noticed on the way
    return render(request, "portal/message.html", {"code": exc.code, "message": exc.message, "iv": None},
                  status_code=exc.status_code)


@router.get("")
def landing(request: Request, uow: UoW, token: str) -> Response:
    """The notice the jurisdiction policy requires, and the consent form."""
    try:
        ctx = portal.open_link(uow.session, token)
    except HireLoopError as exc:
        return _fail(request, uow, exc)
    locale = _locale(request, ctx)
    if ctx.interview.status in ("completed", "withdrawn"):
        uow.commit()
        return RedirectResponse(f"/i/{token}/status", status_code=303)
    optional = [p for p in (Purpose.VOICE_ANALYSIS, Purpose.FACE_ANALYSIS)
                if any(ctx.policy.mode(m).value != "not_computed" for m, pp in _measure_purposes() if pp == p)]
    uow.commit()
    return _page(request, uow, "portal/landing.html", ctx, notice=ctx.policy.notice.text(locale),
                 required=list(ctx.policy.required_consents), optional=optional, locale=locale)


def _measure_purposes():  # noqa: ANN202
    from hireloop.compliance.policies import MEASURE_PURPOSE

    return list(MEASURE_PURPOSE.items())


@router.post("/consent")
def give_consent(request: Request, uow: UoW, token: str, csrf_token: Annotated[str, Form()] = "",
                 purposes: Annotated[list[str] | None, Form()] = None) -> Response:
    _csrf_ok(request, csrf_token)
    try:
        ctx = portal.open_link(uow.session, token)
        locale = _locale(request, ctx)
        device = portal.claim_device(ctx, request.cookies.get(DEVICE_COOKIE))
        portal.give_consent(uow.session, ctx, purposes=purposes or [], locale=locale,
                            client_address=request.client.host if request.client else None)
    except HireLoopError as exc:
        uow.rollback()
        return _fail(request, uow, exc)
    uow.commit()
    resp = RedirectResponse(f"/i/{token}/record", status_code=303)
    if device:
        resp.set_cookie(DEVICE_COOKIE, device, httponly=True, samesite="strict", path=f"/i/{token}",
                        secure=request.app.state.settings.secure_cookies)
    return resp


@router.get("/record")
def record_page(request: Request, uow: UoW, token: str) -> Response:
    """Device check, practice question, then each question with its think time, recording and upload."""
    try:
        ctx = portal.open_link(uow.session, token)
        _locale(request, ctx)
        device = portal.claim_device(ctx, request.cookies.get(DEVICE_COOKIE))
        portal.ensure_can_record(uow.session, ctx)
    except HireLoopError as exc:
        return _fail(request, uow, exc)
    done = portal.progress(uow.session, ctx)
    uow.commit()
    resp = _page(request, uow, "portal/record.html", ctx, answered=sorted(done))
    if device:
        resp.set_cookie(DEVICE_COOKIE, device, httponly=True, samesite="strict", path=f"/i/{token}")
    return resp


def _json_error(exc: HireLoopError) -> JSONResponse:
    return JSONResponse(error_body(exc.code, exc.message, exc.details), exc.status_code)


def _portal_api(request: Request, uow: UoW, token: str) -> portal.PortalContext:
    _csrf_ok(request, request.headers.get("x-csrf-token"))
    ctx = portal.open_link(uow.session, token)
    portal.require_device(ctx, request.cookies.get(DEVICE_COOKIE))
    portal.ensure_can_record(uow.session, ctx)
    return ctx


@router.post("/uploads")
async def start_upload(request: Request, uow: UoW, token: str) -> Response:
    try:
        ctx = _portal_api(request, uow, token)
        try:
            body = await request.json()
            q, total, ctype = int(body["question_index"]), int(body["total_bytes"]), str(body["content_type"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationFailed("Send JSON with question_index, total_bytes and content_type.") from exc
        up = uploads.start(uow.session, ctx, question_index=q, total_bytes=total, content_type=ctype)
    except HireLoopError as exc:
        uow.rollback()
        return _json_error(exc)
    uow.commit()
    return JSONResponse({"upload_id": str(up.id), "received": 0}, 201)


@router.get("/uploads/{upload_id}")
def upload_status(request: Request, uow: UoW, token: str, upload_id: uuid.UUID) -> Response:
    """How many bytes arrived, so a client can resume after a dropped connection."""
    try:
        ctx = portal.open_link(uow.session, token)
        portal.require_device(ctx, request.cookies.get(DEVICE_COOKIE))
        from hireloop.interviews import repository as repo

        up = repo.upload(uow.session, ctx.interview.org_id, ctx.interview.id, upload_id)
        if up is None:
            raise ValidationFailed("Unknown upload; start the upload of this answer again.", code="unknown_upload")
    except HireLoopError as exc:
        return _json_error(exc)
    uow.commit()
    return JSONResponse({"received": up.received_bytes, "total": up.total_bytes, "status": up.status,
                         "answer_id": str(up.answer_id) if up.answer_id else None})


@router.put("/uploads/{upload_id}")
async def upload_part(request: Request, uow: UoW, token: str, upload_id: uuid.UUID) -> Response:
    """One byte range of the recording (Content-Range: bytes START-END/TOTAL)."""
    limit = 8 * 1024 * 1024
    chunk = bytearray()
    async for piece in request.stream():
        chunk.extend(piece)
        if len(chunk) > limit:
            return _json_error(ValidationFailed("Send the recording in parts of at most 8 MB.", code="part_too_large"))
    try:
        ctx = _portal_api(request, uow, token)
        up, answer = uploads.receive(uow.session, ctx, upload_id, content_range=request.headers.get("content-range"),
                                     chunk=bytes(chunk))
    except HireLoopError as exc:
        uow.rollback()
        return _json_error(exc)
    result = {"received": up.received_bytes, "total": up.total_bytes, "status": up.status,
              "answer_id": str(answer.id) if answer else (str(up.answer_id) if up.answer_id else None)}
    uow.commit()
    return JSONResponse(result)


@router.post("/finish")
def finish(request: Request, uow: UoW, token: str) -> Response:
    """The candidate has answered every question: the interview is complete."""
    try:
        ctx = _portal_api(request, uow, token)
        answered = portal.progress(uow.session, ctx)
        missing = [i for i in range(len(ctx.interview.questions)) if i not in answered]
        if missing:
            raise ValidationFailed("Some questions have no answer yet.", code="unanswered", details={"missing": missing})
        iv = ctx.interview
        iv.status = "completed"
        iv.completed_at = utcnow()
        app = pipeline.repo.get_application(uow.session, iv.org_id, iv.application_id)
        if app is not None and app.stage == Stage.INVITED.value:
            from hireloop.accounts.actor import system_actor

            pipeline.move(uow.session, system_actor(iv.org_id, "interview portal"), app.id,
                          to_stage=Stage.INTERVIEWED, reason="video interview completed")
        audit.record(uow.session, None, "interview.completed", entity_type="interview", entity_id=iv.id, org_id=iv.org_id)
        from hireloop.integrations import events

        events.interview_completed(uow.session, org_id=iv.org_id, interview_id=iv.id, application_id=iv.application_id)
        from hireloop.scoring.tasks import enqueue_if_ready

        uow.session.flush()
        enqueue_if_ready(uow.session, iv.id)  # every answer was analysed before the candidate pressed finish
    except HireLoopError as exc:
        uow.rollback()
        return _json_error(exc)
    uow.commit()
    return JSONResponse({"status": "completed", "next": f"/i/{token}/status"})


@router.get("/status")
def status_page(request: Request, uow: UoW, token: str) -> Response:
    try:
        ctx = portal.open_link(uow.session, token)
    except HireLoopError as exc:
        return _fail(request, uow, exc)
    _locale(request, ctx)
    done = portal.progress(uow.session, ctx)
    uow.commit()
    from hireloop.compliance.repository import released_explanations

    explained = bool(released_explanations(uow.session, ctx.interview.org_id, ctx.interview.candidate_id))
    return _page(request, uow, "portal/status.html", ctx, answered=done, explanation_ready=explained)


@router.post("/withdraw")
def withdraw(request: Request, uow: UoW, token: str, csrf_token: Annotated[str, Form()] = "") -> Response:
    _csrf_ok(request, csrf_token)
    try:
        ctx = portal.open_link(uow.session, token)
        _locale(request, ctx)
        portal.withdraw(uow.session, ctx)
    except HireLoopError as exc:
        uow.rollback()
        return _fail(request, uow, exc)
    uow.commit()
    return RedirectResponse(f"/i/{token}/status", status_code=303)


@router.post("/request")
def file_request(request: Request, uow: UoW, token: str, kind: Annotated[str, Form()],
                 details: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = "") -> Response:
    """Ask for an alternative process without AI assessment, an accommodation, or a human review."""
    _csrf_ok(request, csrf_token)
    try:
        ctx = portal.open_link(uow.session, token)
        _locale(request, ctx)
        portal.file_request(uow.session, ctx, kind=kind, details=details)
    except HireLoopError as exc:
        uow.rollback()
        return _fail(request, uow, exc)
    uow.commit()
    return _page(request, uow, "portal/message.html", None, code="request_filed",
                 message="Thank you. Your request was sent to the recruiter, who will contact you.")
