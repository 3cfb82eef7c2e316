"""One error body for every failure: {"error": {"code", "message", "details"}}; pages get HTML instead."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from hireloop.errors import HireLoopError, Unauthorized

log = logging.getLogger(__name__)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _page(request: Request, status: int, code: str, message: str) -> Response:
    from hireloop.web.render import render_error

    return render_error(request, status, code, message)


def install(app: FastAPI) -> None:
    @app.exception_handler(HireLoopError)
    async def domain_error(request: Request, exc: HireLoopError) -> Response:
        if exc.status_code == 500:  # the server's own fault (its keys, a changed model file): paths and key ids
            log.error("server-side failure %s: %s", exc.code, exc.message)  # go to the log, not to the caller
            exc = HireLoopError("The server could not complete this request; its administrator finds the reason "
                                "in the server log.", code=exc.code)
            exc.status_code = 500
        if not _is_api(request):
            if isinstance(exc, Unauthorized) and request.method == "GET":
                return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
            return _page(request, exc.status_code, exc.code, exc.message)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
        return JSONResponse(error_body(exc.code, exc.message, exc.details), exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        message = "The request is not valid; see details for each field to fix."
        if any(d["type"] == "json_invalid" for d in details):
            message = "The request body is not valid JSON; send a JSON object with Content-Type: application/json."
        if not _is_api(request):
            return _page(request, 422, "validation_failed", message)
        return JSONResponse(error_body("validation_failed", message, details), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = {
            404: "Nothing is here. Check the address; the API lives under /api/v1 (docs at /api/docs).",
            405: "This address does not accept that method; see /api/docs.",
        }.get(exc.status_code, str(exc.detail))
        if not _is_api(request):
            return _page(request, exc.status_code, code, message)
        return JSONResponse(error_body(code, message), exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Log the type and place only: messages can carry personal data.
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path, exc_info=False)
        if not _is_api(request):
            return _page(request, 500, "internal_error", "Something went wrong on our side; try again, and tell your administrator if it persists.")
        return JSONResponse(error_body("internal_error", "Something went wrong on our side; try again later."), 500)
