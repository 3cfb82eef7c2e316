"""The candidate's feedback report on the portal: /i/{token}/report, only once HR has released it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from hireloop.api.deps import UoW
from hireloop.compliance import audit
from hireloop.errors import HireLoopError
from hireloop.interviews import portal
from hireloop.reports import service
from hireloop.web.render import render

router = APIRouter(prefix="/i/{token}", include_in_schema=False)
NOT_RELEASED = "Your feedback report appears here once the company releases it."


def _released(request: Request, uow: UoW, token: str):  # noqa: ANN202
    ctx = portal.open_link(uow.session, token)
    report = service.released_for_candidate(uow.session, ctx.interview)
    return ctx, report


def _message(request: Request, code: str, message: str, status: int) -> Response:
    return render(request, "portal/message.html", {"code": code, "message": message, "iv": None}, status_code=status)


@router.get("/report")
def report_page(request: Request, uow: UoW, token: str) -> Response:
    """The released feedback report as a page (a link to its PDF is at the end)."""
    try:
        ctx, report = _released(request, uow, token)
    except HireLoopError as exc:
        uow.commit()
        return _message(request, exc.code, exc.message, exc.status_code)
    if report is None:
        uow.commit()
        return _message(request, "report_not_released", NOT_RELEASED, 404)
    audit.record(uow.session, None, "report.viewed_by_candidate", entity_type="interview", entity_id=ctx.interview.id,
                 org_id=ctx.interview.org_id, details={"format": "html"})
    uow.commit()
    html = service.read(report, "html").decode()
    link = f'<p class="small"><a href="/i/{token}/report.pdf">PDF</a></p></body>'
    return HTMLResponse(html.replace("</body>", link, 1))


@router.get("/report.pdf")
def report_pdf(request: Request, uow: UoW, token: str) -> Response:
    try:
        ctx, report = _released(request, uow, token)
    except HireLoopError as exc:
        uow.commit()
        return _message(request, exc.code, exc.message, exc.status_code)
    if report is None:
        uow.commit()
        return _message(request, "report_not_released", NOT_RELEASED, 404)
    audit.record(uow.session, None, "report.viewed_by_candidate", entity_type="interview", entity_id=ctx.interview.id,
                 org_id=ctx.interview.org_id, details={"format": "pdf"})
    uow.commit()
    return Response(service.read(report, "pdf"), media_type="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="feedback.pdf"'})
