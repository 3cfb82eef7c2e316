"""Domain errors: each carries an HTTP status, a stable code and a message that says what to do."""

from __future__ import annotations

from typing import Any


class HireLoopError(Exception):
    """Base of every error a user can cause; mapped to one JSON error body by the API."""

    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, details: Any = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        if code:
            self.code = code


class NotFound(HireLoopError):
    status_code = 404
    code = "not_found"


class Unauthorized(HireLoopError):
    status_code = 401
    code = "unauthorized"


class Forbidden(HireLoopError):
    status_code = 403
    code = "forbidden"


class Conflict(HireLoopError):
    status_code = 409
    code = "conflict"


class ValidationFailed(HireLoopError):
    status_code = 422
    code = "validation_failed"


class TooLarge(HireLoopError):
    status_code = 413
    code = "too_large"


class RateLimited(HireLoopError):
    status_code = 429
    code = "rate_limited"
