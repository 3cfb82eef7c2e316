"""Signed webhooks (Standard Webhooks): signing, verification, retry schedule, SSRF-guarded delivery. No database."""

from hireloop.integrations.webhooks.delivery import (
    DeliveryResult, NextStep, deliver, next_step, outcome_for_status,
)
from hireloop.integrations.webhooks.schedule import DEFAULT_SCHEDULE, RetrySchedule, next_attempt_at
from hireloop.integrations.webhooks.signing import (
    InvalidSignature, build_message, event_body, generate_secret, new_message_id, sign, signed_headers, verify,
)
from hireloop.integrations.webhooks.targets import (
    ResolvedTarget, UnresolvableTarget, UnsafeTarget, check_target, is_public,
)

__all__ = [
    "DEFAULT_SCHEDULE", "DeliveryResult", "InvalidSignature", "NextStep", "ResolvedTarget", "RetrySchedule",
    "UnresolvableTarget", "UnsafeTarget", "build_message", "check_target", "deliver", "event_body", "generate_secret",
    "is_public", "new_message_id", "next_attempt_at", "next_step", "outcome_for_status", "sign",
    "signed_headers", "verify",
]
