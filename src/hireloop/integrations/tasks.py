"""Background tasks of the integrations domain."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.config import get_settings
from hireloop.dispatch import task
from hireloop.integrations import repository, service
from hireloop.integrations.events import DELIVER_TASK
from hireloop.models import utcnow


# HTTP failures are handled by the webhook retry schedule inside the task (a new task row per retry); the
# task's own attempts only cover crashes, so three are plenty.
@task(DELIVER_TASK, max_attempts=3)
def deliver_webhook(session: Session, *, delivery_id: str) -> None:
    """Make one attempt of a webhook delivery; idempotent (a finished delivery is left alone)."""
    service.attempt_delivery(session, uuid.UUID(delivery_id), allow=get_settings().webhook_allowed_cidrs)


@task("integrations.purge_idempotency_keys")
def purge_idempotency_keys(session: Session) -> None:
    """Delete idempotency keys older than their 24 hours (run it daily; expired keys are ignored anyway)."""
    repository.purge_expired_keys(session, utcnow())
