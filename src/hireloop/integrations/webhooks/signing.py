"""Standard Webhooks signing: whsec_ secrets, msg ids, and the webhook-id/-timestamp/-signature headers.

Signature = "v1," + base64(HMAC-SHA256(secret, f"{id}.{timestamp}.{body}")), as https://www.standardwebhooks.com
specifies; several space-separated signatures allow secret rotation.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from hireloop.errors import Unauthorized, ValidationFailed

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32  # the spec asks for 24 to 64 random bytes
DEFAULT_TOLERANCE_S = 300  # the spec's (and the reference library's) replay window
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class InvalidSignature(Unauthorized):
    """A webhook whose headers or signature do not verify."""

    code = "invalid_webhook_signature"


def generate_secret(n_bytes: int = SECRET_BYTES) -> str:
    """A new signing secret: 'whsec_' + base64 of random bytes."""
    if not 24 <= n_bytes <= 64:
        raise ValidationFailed("A webhook secret must have 24 to 64 random bytes")
    return SECRET_PREFIX + base64.b64encode(os.urandom(n_bytes)).decode("ascii")


def secret_key(secret: str) -> bytes:
    """The raw key bytes of a 'whsec_...' secret."""
    body = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValidationFailed("The webhook secret is not valid base64; generate a new one") from None
    if not key:
        raise ValidationFailed("The webhook secret is empty; generate a new one")
    return key


def new_message_id(now: float | None = None) -> str:
    """A time-sortable unique message id ('msg_' + 26 Crockford base32 chars, ULID layout)."""
    millis = int((time.time() if now is None else now) * 1000)
    value = (millis << 80) | int.from_bytes(os.urandom(10), "big")
    chars = [_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5)]
    return "msg_" + "".join(chars)


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One 'v1,<base64>' signature over id.timestamp.body."""
    if "." in msg_id or not msg_id:
        raise ValidationFailed("A webhook message id must be non-empty and contain no '.'")
    payload = f"{msg_id}.{int(timestamp)}.".encode() + body
    digest = hmac.new(secret_key(secret), payload, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signed_headers(secrets: str | Sequence[str], msg_id: str, timestamp: int | datetime, body: bytes) -> dict[str, str]:
    """The three Standard Webhooks headers (plus content-type); several secrets sign for a rotation."""
    ts = int(timestamp.timestamp()) if isinstance(timestamp, datetime) else int(timestamp)
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    if not keys:
        raise ValidationFailed("At least one webhook secret is needed to sign")
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": " ".join(sign(s, msg_id, ts, body) for s in keys),
        "content-type": "application/json",
    }


def verify(secrets: str | Sequence[str], headers: Mapping[str, str], body: bytes, *,
           now: float | None = None, tolerance_s: int = DEFAULT_TOLERANCE_S) -> None:
    """Check a received webhook (for receivers and tests); raises InvalidSignature when it does not verify."""
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id, ts_text, signatures = (lower.get(h) for h in ("webhook-id", "webhook-timestamp", "webhook-signature"))
    if not (msg_id and ts_text and signatures):
        raise InvalidSignature("Missing webhook-id, webhook-timestamp or webhook-signature header")
    try:
        ts = int(ts_text)
    except ValueError:
        raise InvalidSignature("webhook-timestamp is not an integer") from None
    current = time.time() if now is None else now
    if abs(current - ts) > tolerance_s:
        raise InvalidSignature("webhook-timestamp is outside the tolerance; check the clocks or replay the message")
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    if "." in msg_id:
        raise InvalidSignature("webhook-id must not contain '.'")
    expected = {sign(s, msg_id, ts, body).split(",", 1)[1] for s in keys}
    for versioned in signatures.split(" "):
        version, _, value = versioned.partition(",")
        if version == "v1" and any(hmac.compare_digest(value, e) for e in expected):
            return
    raise InvalidSignature("No webhook signature matches; check the secret")


def event_body(event_type: str, data: Mapping[str, Any], occurred_at: datetime) -> bytes:
    """A thin Standard Webhooks payload {type, timestamp, data} as compact, key-sorted JSON bytes."""
    if not event_type or len(event_type) > 100:
        raise ValidationFailed("A webhook event type must have 1 to 100 characters, e.g. 'application.hired'")
    message = {"type": event_type, "timestamp": occurred_at.isoformat().replace("+00:00", "Z"), "data": dict(data)}
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str).encode()


def build_message(secrets: str | Sequence[str], event_type: str, data: Mapping[str, Any], occurred_at: datetime, *,
                  msg_id: str | None = None, now: float | None = None) -> tuple[str, bytes, dict[str, str]]:
    """(message id, body, headers) for one event; a replay passes the original msg_id and gets a fresh timestamp."""
    message_id = msg_id or new_message_id(now)
    body = event_body(event_type, data, occurred_at)
    timestamp = int(time.time() if now is None else now)
    return message_id, body, signed_headers(secrets, message_id, timestamp, body)
