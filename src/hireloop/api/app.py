"""The application factory."""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from hireloop import __version__, dispatch, i18n
from hireloop.accounts.router import router as accounts_router
from hireloop.api import errors
from hireloop.api.deps import reject_nul_text
from hireloop.candidates.router import router as candidates_router
from hireloop.compliance.console import router as requests_console_router
from hireloop.compliance.portal import router as explanation_portal_router
from hireloop.compliance.router import policy_router
from hireloop.compliance.router import router as audit_router
from hireloop.config import Settings, get_settings
from hireloop.integrations.router import router as integrations_router
from hireloop.interviews.console import router as interviews_console_router
from hireloop.interviews.router import router as interviews_router
from hireloop.interviews.web import router as portal_router
from hireloop.jobs.router import router as jobs_router
from hireloop.jobs.router import templates_router
from hireloop.loop.console import router as loop_console_router
from hireloop.loop.router import router as loop_router
from hireloop.screening.console import router as screening_console_router
from hireloop.screening.router import router as screening_router
from hireloop.performance.router import router as performance_router
from hireloop.reports.portal import router as report_portal_router
from hireloop.review.web import router as review_console_router
from hireloop.scoring.router import router as scoring_router
from hireloop.web.auth import LANG_COOKIE
from hireloop.web.auth import router as web_auth_router
from hireloop.web.pages import router as web_pages_router
from hireloop.work.router import router as tasks_router

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def build_api_router() -> APIRouter:
    api = APIRouter(prefix="/api/v1", dependencies=[Depends(reject_nul_text)])

    @api.get("/health", tags=["meta"])
    def health() -> dict[str, str]:
        """Liveness check (no authentication)."""
        return {"status": "ok", "version": __version__}

    for r in (accounts_router, jobs_router, candidates_router, tasks_router, audit_router, policy_router,
              interviews_router, screening_router, templates_router, performance_router, integrations_router,
              scoring_router, loop_router):
        api.include_router(r)
    return api


def create_app(settings: Settings | None = None, *, start_workers: bool = False) -> FastAPI:
    """A HireLoop app; `start_workers` runs the embedded background workers inside it."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        dispatcher = None
        if start_workers and not settings.broker_url:
            dispatcher = dispatch.EmbeddedDispatcher(settings)
            dispatch.set_dispatcher(dispatcher)
            dispatcher.start()
        try:
            yield
        finally:
            if dispatcher:
                dispatcher.stop()
                dispatch.set_dispatcher(None)

    app = FastAPI(
        title="HireLoop API",
        version=__version__,
        description="Jobs, candidates, applications and interviews of your organization. "
        "Authenticate with 'Authorization: Bearer <API key>'. Errors always have the shape "
        '{"error": {"code", "message", "details"}}.',
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    from hireloop.accounts.ratelimit import make_limiter

    app.state.login_limiter = make_limiter(settings.redis_url, settings.login_failures_per_window,
                                           settings.login_window_seconds)
    errors.install(app)
    app.include_router(build_api_router())
    app.include_router(web_auth_router)
    app.include_router(web_pages_router)
    app.include_router(portal_router)
    app.include_router(interviews_console_router)
    app.include_router(screening_console_router)
    app.include_router(review_console_router)
    app.include_router(report_portal_router)
    app.include_router(loop_console_router)
    app.include_router(requests_console_router)
    app.include_router(explanation_portal_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> Response:
        """Swagger UI served from the app's own static files (no CDN)."""
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json", title="HireLoop API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js", swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.middleware("http")
    async def locale_and_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        i18n.set_locale(i18n.normalise(
            request.cookies.get(LANG_COOKIE) or request.headers.get("accept-language", "").split(",")[0] or None,
            default=settings.default_locale,
        ))
        new_csrf = None if request.cookies.get("hl_csrf") else secrets.token_urlsafe(24)
        if new_csrf:
            # Double-submit token for forms shown before login; set on the request so this very page can use it.
            headers = [(k, v) for k, v in request.scope["headers"] if k != b"cookie"]
            cookie = request.headers.get("cookie", "")
            cookie = f"{cookie}; hl_csrf={new_csrf}" if cookie else f"hl_csrf={new_csrf}"
            request.scope["headers"] = [*headers, (b"cookie", cookie.encode("latin-1"))]
        response: Response = await call_next(request)
        if new_csrf:
            response.set_cookie("hl_csrf", new_csrf, httponly=True, samesite="strict",
                                secure=settings.secure_cookies, path="/")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/api/docs"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    return app
