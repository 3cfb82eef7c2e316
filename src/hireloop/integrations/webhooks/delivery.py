"""Sending one signed webhook: pinned to the checked address, short timeouts, no redirects, bounded excerpt."""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from hireloop.integrations.webhooks.schedule import DEFAULT_SCHEDULE, RetrySchedule
from hireloop.integrations.webhooks.targets import (
    ResolvedTarget, Resolver, UnresolvableTarget, UnsafeTarget, check_target, system_resolver,
)

Outcome = Literal["delivered", "retry", "disable", "blocked"]
USER_AGENT = "HireLoop-Webhooks/1"


@dataclass(frozen=True)
class DeliveryResult:
    """What one attempt got: outcome, HTTP status (None when no answer), time taken, start of the answer, error."""

    outcome: Outcome
    status_code: int | None
    duration_ms: float
    response_excerpt: str
    error: str | None
    address: str | None = None

    @property
    def ok(self) -> bool:
        """The receiver accepted the message (2xx)."""
        return self.outcome == "delivered"

    @property
    def retryable(self) -> bool:
        """Worth another attempt later."""
        return self.outcome == "retry"

    @property
    def disable_subscription(self) -> bool:
        """The receiver answered 410 Gone: stop sending to this subscription."""
        return self.outcome == "disable"


@dataclass(frozen=True)
class NextStep:
    """What the delivery log should do after an attempt: done, retry at a time, give up, or disable."""

    action: Literal["done", "retry", "give_up", "disable"]
    retry_at: datetime | None = None


def outcome_for_status(status: int) -> Outcome:
    """2xx delivered, 410 disable, anything else (3xx, 4xx, 5xx) retry."""
    if 200 <= status < 300:
        return "delivered"
    if status == 410:
        return "disable"
    return "retry"


def next_step(result: DeliveryResult, attempts_made: int, now: datetime, rng: random.Random,
              schedule: RetrySchedule = DEFAULT_SCHEDULE) -> NextStep:
    """The follow-up of an attempt, using the retry schedule; blocked targets are never retried."""
    if result.outcome == "delivered":
        return NextStep("done")
    if result.outcome == "disable":
        return NextStep("disable")
    if result.outcome == "blocked":
        return NextStep("give_up")
    at = schedule.next_attempt_at(attempts_made, now, rng)
    return NextStep("give_up") if at is None else NextStep("retry", at)


def _excerpt(data: bytes, limit: int) -> str:
    text = data.decode("utf-8", errors="replace")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pinned_url(target: ResolvedTarget, address: str) -> str:
    """The URL with its host replaced by the checked address, so a second DNS answer cannot redirect us."""
    parts = urlsplit(target.url)
    host = f"[{address}]" if ":" in address else address
    return urlunsplit((parts.scheme, f"{host}:{target.port}", parts.path or "/", parts.query, ""))


def deliver(url: str, body: bytes, headers: Mapping[str, str], *, allow: Sequence[str] = (),
            timeout_s: float = 10.0, connect_timeout_s: float = 3.0, excerpt_chars: int = 512,
            resolver: Resolver = system_resolver, client: httpx.Client | None = None) -> DeliveryResult:
    """POST one signed message and classify the answer; never raises for network trouble."""
    started = time.monotonic()

    def result(outcome: Outcome, status: int | None = None, excerpt: str = "", error: str | None = None,
               address: str | None = None) -> DeliveryResult:
        return DeliveryResult(outcome, status, round((time.monotonic() - started) * 1000, 1), excerpt, error, address)

    try:
        target = check_target(url, allow=allow, resolver=resolver)
    except UnresolvableTarget as exc:
        return result("retry", error=exc.message)
    except UnsafeTarget as exc:
        return result("blocked", error=exc.message)
    address = target.addresses[0]
    default_port = 443 if target.scheme == "https" else 80
    request_headers = {"user-agent": USER_AGENT, **headers,
                       "host": target.host if target.port == default_port else f"{target.host}:{target.port}"}
    if ":" in target.host and not target.host.startswith("["):
        request_headers["host"] = f"[{target.host}]" + ("" if target.port == default_port else f":{target.port}")
    timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s)
    own = client is None
    # trust_env=False: a proxy from the environment would bypass the address pinning above.
    http = client or httpx.Client(trust_env=False, follow_redirects=False)
    deadline = started + timeout_s
    try:
        with http.stream("POST", _pinned_url(target, address), content=body, headers=request_headers,
                         timeout=timeout, follow_redirects=False,
                         extensions={"sni_hostname": target.host} if target.scheme == "https" else {}) as response:
            received = bytearray()
            for chunk in response.iter_bytes():
                received += chunk
                if len(received) >= excerpt_chars * 4 or time.monotonic() > deadline:
                    break  # the excerpt is all we keep; a slow or endless body must not hold the worker
            status = response.status_code
        excerpt = _excerpt(bytes(received), excerpt_chars)
        outcome = outcome_for_status(status)
        error = None
        if 300 <= status < 400:
            error = f"redirect to {response.headers.get('location', '?')} not followed; use the final URL"
        elif outcome == "retry":
            error = f"HTTP {status}"
        return result(outcome, status, excerpt, error, address)
    except httpx.TimeoutException as exc:
        return result("retry", error=f"timeout ({type(exc).__name__})", address=address)
    except httpx.HTTPError as exc:
        return result("retry", error=f"{type(exc).__name__}: {exc}"[:300], address=address)
    finally:
        if own:
            http.close()
