"""Page rendering: templates with translations, the current user and the CSRF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from hireloop import i18n
from hireloop.candidates.stages import Stage

TEMPLATES = Path(__file__).parent / "templates"


def N_(message: str) -> str:  # noqa: N802 - the gettext marker convention
    """Mark a string for translation without translating it yet."""
    return message


STAGE_LABELS = {
    Stage.APPLIED: N_("Applied"),
    Stage.SCREENED: N_("Screened"),
    Stage.INVITED: N_("Invited"),
    Stage.INTERVIEWED: N_("Interviewed"),
    Stage.REVIEWED: N_("Reviewed"),
    Stage.OFFER: N_("Offer"),
    Stage.HIRED: N_("Hired"),
    Stage.REJECTED: N_("Rejected"),
    Stage.WITHDRAWN: N_("Withdrawn"),
}
ROLE_LABELS = {
    "admin": N_("Administrator"),
    "recruiter": N_("Recruiter"),
    "hiring_manager": N_("Hiring manager"),
    "analyst": N_("HR analyst"),
}
CONSENT_LABELS = {
    "recording": N_("Record my video and voice answers"),
    "content_analysis": N_("Transcribe my answers and rate their content against the job's competencies"),
    "voice_analysis": N_("Measure my speaking behaviour (speech rate, pauses, fillers)"),
    "face_analysis": N_("Measure face visibility, smiles and eye contact (facial information)"),
}
TASK_STATUS_LABELS = {"queued": N_("Queued"), "running": N_("Running"), "done": N_("Done"), "failed": N_("Failed")}

env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(["html"]),
    extensions=["jinja2.ext.i18n"],
)
env.install_gettext_callables(i18n.gettext_, i18n.ngettext_, newstyle=True)  # type: ignore[attr-defined]
env.globals.update(
    stage_label=lambda s: i18n.gettext_(STAGE_LABELS[Stage(s)]),
    role_label=lambda r: i18n.gettext_(ROLE_LABELS.get(r or "", r or "")),
    task_status_label=lambda s: i18n.gettext_(TASK_STATUS_LABELS.get(s, s)),
    consent_label=lambda p: i18n.gettext_(CONSENT_LABELS.get(getattr(p, "value", p), str(p))),
    locales=i18n.SUPPORTED,
)


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    """Render a page in the request's language."""
    actor = getattr(request.state, "actor", None)
    ctx = {
        "request": request,
        "actor": actor,
        "csrf_token": getattr(actor, "csrf_token", None) or request.cookies.get("hl_csrf", ""),
        "locale": i18n.get_locale(),
        "path": request.url.path,
        **(context or {}),
    }
    html = env.get_template(name).render(ctx)
    return HTMLResponse(html, status_code=status_code)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "code": code, "message": message}, status_code=status)
