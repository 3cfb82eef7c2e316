"""The candidate's side of an explanation request: once HR releases it, the candidate downloads it from the portal."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hireloop.accounts.actor import system_actor
from hireloop.api.deps import UoW
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.errors import HireLoopError
from hireloop.interviews import portal
from hireloop.web.render import N_, render

router = APIRouter(prefix="/i/{token}", include_in_schema=False)
NOT_RELEASED = N_("Your explanation appears here once the company answers your request.")


@router.get("/explanation")
def explanation(request: Request, uow: UoW, token: str) -> Response:
    """How the candidate was assessed, as JSON, when HR has released the answer to their explanation request."""
    from hireloop.compliance.explanation import explain, to_json

    try:
        ctx = portal.open_link(uow.session, token)
    except HireLoopError as exc:
        uow.commit()
        return render(request, "portal/message.html", {"code": exc.code, "message": exc.message, "iv": None},
                      status_code=exc.status_code)
    iv = ctx.interview
    if not repo.released_explanations(uow.session, iv.org_id, iv.candidate_id):
        uow.commit()
        return render(request, "portal/message.html", {"code": "explanation_not_released", "message": NOT_RELEASED,
                                                       "iv": None}, status_code=404)
    data = explain(uow.session, system_actor(iv.org_id, "portal"), iv.candidate_id, audit_view=False)
    audit.record(uow.session, None, "explanation.viewed_by_candidate", entity_type="candidate", entity_id=iv.candidate_id,
                 org_id=iv.org_id)
    uow.commit()
    return Response(to_json(data), media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="explanation.json"'})
