"""Login, logout and the language switch."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from hireloop import i18n
from hireloop.accounts import service as accounts
from hireloop.accounts.actor import Actor
from hireloop.accounts.security import constant_time_equals
from hireloop.api.deps import SESSION_COOKIE, UoW, authenticated
from hireloop.errors import Forbidden, HireLoopError, RateLimited
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
LANG_COOKIE = "hl_lang"


def _safe_next(url: str | None) -> str:
    """Only same-site relative paths, so the login page cannot bounce a user to another site."""
    if not url or not url.startswith("/") or url.startswith("//") or urlparse(url).netloc:
        return "/jobs"
    return url


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login(request: Request, uow: UoW, email: Annotated[str, Form()], password: Annotated[str, Form()],
          csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/jobs") -> Response:
    cookie = request.cookies.get("hl_csrf", "")
    if not cookie or not constant_time_equals(cookie, csrf_token):
        raise Forbidden("The form expired; reload the login page and try again.", code="csrf_failed")
    settings = request.app.state.settings
    limiter = request.app.state.login_limiter
    address = request.client.host if request.client else "unknown"
    try:
        if limiter.blocked(address):
            raise RateLimited("Too many failed logins from your network; wait a few minutes and try again.")
        token, _ = accounts.login(uow.session, email=email, password=password, hours=settings.session_hours)
    except HireLoopError as exc:
        if exc.status_code == 401:
            limiter.failed(address)
        uow.commit()  # keep the failed-attempt count and the audit record
        return render(request, "login.html", {"next": _safe_next(next), "error": exc.message, "email": email},
                      status_code=exc.status_code)
    uow.commit()
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=settings.secure_cookies,
                    max_age=settings.session_hours * 3600, path="/")
    return resp


@router.post("/logout")
def logout(request: Request, uow: UoW, actor: Annotated[Actor, Depends(authenticated())]) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.logout(uow.session, token)
        uow.commit()
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.get("/lang/{code}")
def switch_language(request: Request, code: str) -> Response:
    """Remember the chosen language in a cookie and go back to the page the user was on."""
    target = _safe_next(request.headers.get("referer") and urlparse(request.headers["referer"]).path)
    resp = RedirectResponse(target, status_code=303)
    resp.set_cookie(LANG_COOKIE, i18n.normalise(code), samesite="lax", max_age=365 * 86400, path="/")
    return resp
