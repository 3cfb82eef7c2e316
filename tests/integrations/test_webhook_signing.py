"""HireLoop's webhook signatures verify with the specification's reference implementation (standardwebhooks)."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from hireloop.errors import ValidationFailed
from hireloop.integrations.webhooks import (
    InvalidSignature, build_message, event_body, generate_secret, new_message_id, sign, signed_headers, verify,
)


def _message() -> tuple[str, str, int, bytes]:
    secret = generate_secret()
    body = event_body("application.hired", {"application_id": "app_123", "employee_id": "emp_9"},
                      datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    return secret, new_message_id(), int(time.time()), body


def test_reference_library_verifies_our_signature() -> None:
    secret, msg_id, ts, body = _message()
    headers = signed_headers(secret, msg_id, ts, body)
    payload = Webhook(secret).verify(body, headers)
    assert payload == {"type": "application.hired", "timestamp": "2026-11-25T10:00:00Z",
                       "data": {"application_id": "app_123", "employee_id": "emp_9"}}


def test_our_signature_equals_the_reference_signature() -> None:
    secret, msg_id, ts, body = _message()
    reference = Webhook(secret).sign(msg_id, datetime.fromtimestamp(ts, tz=UTC), body.decode())
    assert sign(secret, msg_id, ts, body) == reference


@pytest.mark.parametrize("tamper", ["body", "id", "timestamp", "signature", "secret"])
def test_tampering_fails_in_the_reference_library_and_in_ours(tamper: str) -> None:
    secret, msg_id, ts, body = _message()
    headers = signed_headers(secret, msg_id, ts, body)
    check_secret = secret
    if tamper == "body":
        body = body.replace(b"emp_9", b"emp_8")
    elif tamper == "id":
        headers["webhook-id"] = new_message_id()
    elif tamper == "timestamp":
        headers["webhook-timestamp"] = str(ts - 1)
    elif tamper == "signature":
        raw = bytearray(base64.b64decode(headers["webhook-signature"].split(",")[1]))
        raw[0] ^= 1
        headers["webhook-signature"] = "v1," + base64.b64encode(bytes(raw)).decode()
    else:
        check_secret = generate_secret()
    with pytest.raises(WebhookVerificationError):
        Webhook(check_secret).verify(body, headers)
    with pytest.raises(InvalidSignature):
        verify(check_secret, headers, body)


def test_rotation_signs_with_every_secret_and_either_verifies() -> None:
    old, new = generate_secret(), generate_secret()
    _, msg_id, ts, body = _message()
    headers = signed_headers([old, new], msg_id, ts, body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify(body, headers)
        verify(secret, headers, body)


def test_stale_timestamps_are_refused() -> None:
    secret, msg_id, ts, body = _message()
    headers = signed_headers(secret, msg_id, ts - 600, body)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body, headers)
    with pytest.raises(InvalidSignature, match="tolerance"):
        verify(secret, headers, body)
    verify(secret, headers, body, now=ts - 600)


def test_secrets_and_ids_have_the_specified_shape() -> None:
    secret = generate_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    assert generate_secret() != secret
    ids = [new_message_id(now=1_700_000_000 + i) for i in range(3)]
    assert ids == sorted(ids) and all(i.startswith("msg_") and len(i) == 30 for i in ids)
    with pytest.raises(ValidationFailed):
        generate_secret(8)
    with pytest.raises(ValidationFailed):
        sign("whsec_!!!", "msg_1", 1, b"{}")


def test_build_message_and_replay_keep_the_id_with_a_fresh_signature() -> None:
    secret = generate_secret()
    occurred = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    msg_id, body, headers = build_message(secret, "exit.created", {"exit_id": "ex_1"}, occurred)
    Webhook(secret).verify(body, headers)
    replay_id, replay_body, replay_headers = build_message(secret, "exit.created", {"exit_id": "ex_1"}, occurred,
                                                           msg_id=msg_id, now=time.time() + 60)
    assert (replay_id, replay_body) == (msg_id, body)  # receivers deduplicate on webhook-id
    assert replay_headers["webhook-timestamp"] != headers["webhook-timestamp"]
    Webhook(secret).verify(replay_body, replay_headers)
