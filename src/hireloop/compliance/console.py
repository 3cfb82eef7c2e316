"""Console pages for candidates' requests: the list with due dates, and the actions that carry them out.

The downloads (the access export and the explanation) are files, so they live under /api/v1 like the report PDFs."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.compliance import audit
from hireloop.compliance import requests as service
from hireloop.errors import ValidationFailed
from hireloop.web.render import N_, render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires(Perm.CANDIDATES_READ))]
Handler = Annotated[Actor, Depends(requires(Perm.CANDIDATES_WRITE))]
Eraser = Annotated[Actor, Depends(requires(Perm.CANDIDATES_ERASE))]

KIND_LABELS = {
    "deletion": N_("Deletion"),
    "access": N_("Access to data"),
    "explanation": N_("Explanation"),
    "human_review": N_("Human review"),
    "alternative_process": N_("Alternative process"),
    "accommodation": N_("Accommodation"),
}
STATUS_LABELS = {"open": N_("Open"), "in_progress": N_("In progress"), "closed": N_("Closed")}
DONE_MESSAGES = {
    "erase": N_("The candidate's data was deleted."),
    "close": N_("The request is closed."),
    "start_review": N_("The application is held for a person's decision; decide on the review page."),
    "opt_out": N_("The candidate is no longer analysed or scored automatically."),
}


def _labels() -> dict:
    from hireloop import i18n

    return {"kind_label": lambda k: i18n.gettext_(KIND_LABELS.get(k, k)),
            "status_label": lambda s: i18n.gettext_(STATUS_LABELS.get(s, s))}


@router.get("/requests")
def requests_page(request: Request, uow: UoW, actor: Reader, show: Annotated[str | None, Query()] = None,
                  done: Annotated[str | None, Query()] = None) -> Response:
    """Candidates' requests, the soonest due first; overdue ones are highlighted."""
    rows = service.listing(uow.session, actor, include_closed=show == "all")
    # The list shows names and the candidates' own words (an accommodation may mention health): audit the view.
    audit.record(uow.session, actor, "candidate_requests.viewed", entity_type="organization", entity_id=actor.org_id,
                 details={"count": len(rows)})
    uow.commit()
    from hireloop import i18n

    message = i18n.gettext_(DONE_MESSAGES[done]) if done in DONE_MESSAGES else None
    return render(request, "compliance/requests.html", {"rows": rows, "show_all": show == "all", "message": message,
                                                        "holds": service.routed_holds(uow.session, actor),
                                                        **_labels()})


@router.post("/requests/{request_id}/action")
def request_action(uow: UoW, actor: Handler, request_id: uuid.UUID, action: Annotated[str, Form()],
                   outcome: Annotated[str, Form(max_length=2000)] = "",
                   delete_analysis: Annotated[str, Form()] = "") -> Response:
    """Start a human review, grant the alternative process (optionally deleting what automated analysis produced
    before), or close an answered request (saying what was done)."""
    files: list[str] = []
    if action == "start_review":
        service.start_human_review(uow.session, actor, request_id)
    elif action == "opt_out":
        _, files = service.opt_out(uow.session, actor, request_id, outcome=outcome, delete_analysis=delete_analysis == "yes")
    elif action == "close":
        service.close(uow.session, actor, request_id, outcome=outcome)
    else:
        raise service.WrongAction(f"Unknown action {action!r}; use start_review, opt_out or close.")
    uow.commit()
    if files:  # the rendered reports, once the rows are gone
        from hireloop.compliance.erasure import remove_keys
        from hireloop.config import get_settings

        remove_keys(files, get_settings().outbox_dir)
    return RedirectResponse(f"/requests?done={action}", status_code=303)


@router.post("/requests/{request_id}/erase")
def request_erase(uow: UoW, actor: Eraser, request_id: uuid.UUID, confirm: Annotated[str, Form()] = "") -> Response:
    """Carry out a deletion request; files go once the rows are committed."""
    from hireloop.compliance.erasure import remove_files
    from hireloop.config import get_settings

    if confirm != "yes":
        raise ValidationFailed("Tick 'This cannot be undone' to confirm the deletion.", code="confirm_required")
    report = service.erase(uow.session, actor, request_id)
    uow.commit()
    remove_files(report, get_settings().outbox_dir)
    return RedirectResponse("/requests?done=erase", status_code=303)
