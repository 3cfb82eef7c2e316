"""Delivery, retries, backoff and disabling against a real receiver on 127.0.0.1 (http.server in a thread)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from hireloop.integrations.webhooks import (
    DEFAULT_SCHEDULE, RetrySchedule, deliver, event_body, generate_secret, new_message_id, next_attempt_at,
    next_step, signed_headers,
)

LOCAL = ["127.0.0.1/32"]
SECRET = generate_secret()


class Receiver(BaseHTTPRequestHandler):
    """Answers by path; /ok verifies the signature with the reference library before saying 200."""

    server: Any

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        state = self.server.state
        with state["lock"]:
            state["hits"].append((self.path, self.headers.get("host"), body))
            count = sum(1 for p, _, _ in state["hits"] if p == self.path)
        if self.path == "/ok":
            try:
                Webhook(SECRET).verify(body, dict(self.headers.items()))
            except WebhookVerificationError as exc:
                self._answer(401, str(exc).encode())
                return
            self._answer(200, b'{"received": true}')
        elif self.path == "/error":
            self._answer(500, b"boom: database down")
        elif self.path == "/gone":
            self._answer(410, b"subscription removed")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._answer(200, b"too late")
        elif self.path == "/redirect":
            self._answer(302, b"", {"location": "/ok"})
        elif self.path == "/big":
            self._answer(200, "答".encode() * 50_000)
        elif self.path == "/flaky":
            self._answer(503 if count <= 2 else 204)
        else:
            self._answer(404)


@pytest.fixture(scope="module")
def receiver() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    server.state = {"lock": threading.Lock(), "hits": []}  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _url(server: ThreadingHTTPServer, path: str, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{server.server_address[1]}{path}"


def _signed() -> tuple[bytes, dict[str, str]]:
    body = event_body("interview.scored", {"interview_id": "int_1"}, datetime.now(UTC))
    return body, signed_headers(SECRET, new_message_id(), int(time.time()), body)


def test_2xx_is_delivered_and_the_receiver_verified_the_signature(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/ok"), body, headers, allow=LOCAL)
    assert result.ok and result.status_code == 200 and result.error is None
    assert result.response_excerpt == '{"received": true}'
    assert result.address == "127.0.0.1" and result.duration_ms > 0


def test_a_tampered_body_is_refused_by_the_receiver(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/ok"), body.replace(b"int_1", b"int_2"), headers, allow=LOCAL)
    assert result.status_code == 401 and result.retryable


def test_5xx_is_retryable_with_an_excerpt(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/error"), body, headers, allow=LOCAL)
    assert (result.outcome, result.status_code, result.error) == ("retry", 500, "HTTP 500")
    assert result.response_excerpt == "boom: database down"


def test_410_disables_the_subscription(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/gone"), body, headers, allow=LOCAL)
    assert result.disable_subscription and result.status_code == 410
    assert next_step(result, 1, datetime.now(UTC), random.Random(0)).action == "disable"


def test_timeout_is_retryable(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    started = time.monotonic()
    result = deliver(_url(receiver, "/slow"), body, headers, allow=LOCAL, timeout_s=0.3)
    assert time.monotonic() - started < 1.2
    assert result.retryable and result.status_code is None and result.error.startswith("timeout")


def test_redirects_are_not_followed(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    before = len(receiver.state["hits"])  # type: ignore[attr-defined]
    result = deliver(_url(receiver, "/redirect"), body, headers, allow=LOCAL)
    assert result.status_code == 302 and result.retryable and "not followed" in (result.error or "")
    assert [p for p, _, _ in receiver.state["hits"][before:]] == ["/redirect"]  # type: ignore[attr-defined]


def test_long_answers_are_truncated(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/big"), body, headers, allow=LOCAL, excerpt_chars=100)
    assert result.ok and len(result.response_excerpt) == 100 and result.response_excerpt.endswith("…")


def test_hostname_is_pinned_and_sent_as_host_header(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    result = deliver(_url(receiver, "/ok", host="localhost"), body, headers, allow=["127.0.0.1", "::1"],
                     resolver=lambda host, port: ["127.0.0.1"])
    assert result.ok
    assert receiver.state["hits"][-1][1] == f"localhost:{receiver.server_address[1]}"  # type: ignore[attr-defined]


def test_private_target_is_blocked_without_a_request(receiver: ThreadingHTTPServer) -> None:
    body, headers = _signed()
    before = len(receiver.state["hits"])  # type: ignore[attr-defined]
    result = deliver(_url(receiver, "/ok"), body, headers)  # 127.0.0.1 not allowed
    assert result.outcome == "blocked" and "loopback" in (result.error or "")
    assert next_step(result, 1, datetime.now(UTC), random.Random(0)).action == "give_up"
    assert len(receiver.state["hits"]) == before  # type: ignore[attr-defined]


def test_retries_follow_the_schedule_until_the_receiver_recovers(receiver: ThreadingHTTPServer) -> None:
    rng, now, attempts, log = random.Random(7), datetime(2026, 1, 1, tzinfo=UTC), 0, []
    while True:
        body, headers = _signed()
        result = deliver(_url(receiver, "/flaky"), body, headers, allow=LOCAL)
        attempts += 1
        step = next_step(result, attempts, now, rng)
        log.append((result.status_code, step.action))
        if step.action != "retry":
            break
        assert step.retry_at is not None
        low, high = DEFAULT_SCHEDULE.bounds(attempts)
        assert low <= (step.retry_at - now).total_seconds() <= high
        now = step.retry_at
    assert log == [(503, "retry"), (503, "retry"), (204, "done")]


def test_retries_give_up_when_attempts_are_spent(receiver: ThreadingHTTPServer) -> None:
    schedule, rng, now = RetrySchedule(max_attempts=3), random.Random(1), datetime(2026, 1, 1, tzinfo=UTC)
    actions = []
    for attempt in range(1, 4):
        body, headers = _signed()
        result = deliver(_url(receiver, "/error"), body, headers, allow=LOCAL)
        actions.append(next_step(result, attempt, now, rng, schedule).action)
    assert actions == ["retry", "retry", "give_up"]


def test_backoff_spans_about_three_days_and_grows_exponentially() -> None:
    delays = [DEFAULT_SCHEDULE.base_delay(n) for n in range(1, DEFAULT_SCHEDULE.max_attempts)]
    assert delays[:4] == [60, 120, 240, 480]
    assert all(b >= a for a, b in zip(delays, delays[1:], strict=False)) and max(delays) == 8 * 3600
    assert timedelta(days=2.75) <= timedelta(seconds=DEFAULT_SCHEDULE.total_span_s()) <= timedelta(days=3.25)


def test_jitter_stays_within_bounds_and_varies() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for seed in range(20):
        rng, t, total = random.Random(seed), now, 0.0
        for attempt in range(1, DEFAULT_SCHEDULE.max_attempts):
            nxt = next_attempt_at(attempt, t, rng)
            assert nxt is not None
            low, high = DEFAULT_SCHEDULE.bounds(attempt)
            assert low <= (nxt - t).total_seconds() <= high
            total += (nxt - t).total_seconds()
            t = nxt
        assert next_attempt_at(DEFAULT_SCHEDULE.max_attempts, t, rng) is None
        assert 0.8 * DEFAULT_SCHEDULE.total_span_s() <= total <= 1.2 * DEFAULT_SCHEDULE.total_span_s()
    firsts = {next_attempt_at(5, now, random.Random(seed)) for seed in range(10)}
    assert len(firsts) == 10  # jittered, not a fixed grid every receiver hits at once
    assert next_attempt_at(5, now, random.Random(3)) == next_attempt_at(5, now, random.Random(3))
