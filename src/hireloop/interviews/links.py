"""Signed, single-candidate invitation links; expiry and revocation live in the database row."""

from __future__ import annotations

import uuid

from itsdangerous import BadSignature, URLSafeSerializer

from hireloop.config import get_settings

_SALT = "hireloop.interview-invitation.v1"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key.get_secret_value(), salt=_SALT)


def make_token(interview_id: uuid.UUID, nonce: str) -> str:
    return _serializer().dumps({"i": str(interview_id), "n": nonce})


def read_token(token: str) -> tuple[uuid.UUID, str] | None:
    """The interview id and nonce of a genuine token, or None for a tampered or malformed one."""
    try:
        data = _serializer().loads(token)
        return uuid.UUID(data["i"]), str(data["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None


def invitation_url(interview_id: uuid.UUID, nonce: str) -> str:
    return f"{get_settings().base_url.rstrip('/')}/i/{make_token(interview_id, nonce)}"
