"""The event outbox: emit() records what happened and one delivery per matching webhook subscription.

Payloads are thin (type, ids, when); receivers fetch the data through the API. The delivery tasks are rows
in the same transaction, so they exist exactly when the change they announce was committed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.integrations import repository as repo
from hireloop.integrations.webhooks import new_message_id
from hireloop.models import WebhookDelivery, WebhookEvent, utcnow

EVENT_TYPES: dict[str, str] = {
    "application.stage_changed": "An application moved to another stage (data: application_id, candidate_id, "
                                 "job_id, from_stage, to_stage).",
    "candidate.erased": "A candidate's personal data was erased (data: candidate_id); delete your copy.",
    "employee.created": "An employee record was created, e.g. by hiring a candidate (data: employee_id, "
                        "application_id).",
    "interview.completed": "A candidate finished an interview (data: interview_id, application_id).",
    "assessment.scored": "An interview or assessment was scored (data: assessment_id, application_id).",
}
DELIVER_TASK = "integrations.deliver_webhook"


def matches(event_types: list[str], event_type: str) -> bool:
    """A subscription to '*' gets every event type."""
    return "*" in event_types or event_type in event_types


def subscribed(session: Session, org_id: uuid.UUID, event_type: str) -> bool:
    """Whether any active subscription of the organization wants this event type (lets bulk work skip emit)."""
    return any(matches(s.event_types, event_type) for s in repo.active_subscriptions(session, org_id))


def emit(session: Session, *, org_id: uuid.UUID, event_type: str, data: dict[str, Any],
         occurred_at: datetime | None = None) -> WebhookEvent | None:
    """Record an event and queue its deliveries; None (nothing written) when no subscription wants it."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}; add it to EVENT_TYPES first")
    subs = [s for s in repo.active_subscriptions(session, org_id) if matches(s.event_types, event_type)]
    if not subs:
        return None
    event = WebhookEvent(org_id=org_id, msg_id=new_message_id(), event_type=event_type,
                         data={k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in data.items()},
                         occurred_at=occurred_at or utcnow())
    session.add(event)
    session.flush()
    for sub in subs:
        queue_delivery(session, event, sub.id)
    return event


def queue_delivery(session: Session, event: WebhookEvent, subscription_id: uuid.UUID,
                   replay_of: uuid.UUID | None = None) -> WebhookDelivery:
    """A new delivery of `event` to one subscription, sent by a background task after the commit."""
    delivery = WebhookDelivery(org_id=event.org_id, event_id=event.id, subscription_id=subscription_id,
                               status="pending", next_attempt_at=utcnow(), replay_of_id=replay_of)
    session.add(delivery)
    session.flush()
    dispatch.enqueue(session, DELIVER_TASK, org_id=event.org_id, delivery_id=str(delivery.id))
    return delivery


def application_stage_changed(session: Session, *, org_id: uuid.UUID, application_id: uuid.UUID,
                              candidate_id: uuid.UUID, job_id: uuid.UUID, from_stage: str | None,
                              to_stage: str) -> WebhookEvent | None:
    """Emit application.stage_changed."""
    return emit(session, org_id=org_id, event_type="application.stage_changed",
                data={"application_id": application_id, "candidate_id": candidate_id, "job_id": job_id,
                      "from_stage": from_stage, "to_stage": to_stage})


def candidate_erased(session: Session, *, org_id: uuid.UUID, candidate_id: uuid.UUID) -> WebhookEvent | None:
    """Emit candidate.erased (for the compliance module's erasure)."""
    return emit(session, org_id=org_id, event_type="candidate.erased", data={"candidate_id": candidate_id})


def employee_created(session: Session, *, org_id: uuid.UUID, employee_id: uuid.UUID,
                     application_id: uuid.UUID | None = None) -> WebhookEvent | None:
    """Emit employee.created."""
    return emit(session, org_id=org_id, event_type="employee.created",
                data={"employee_id": employee_id, "application_id": application_id})


def interview_completed(session: Session, *, org_id: uuid.UUID, interview_id: uuid.UUID,
                        application_id: uuid.UUID) -> WebhookEvent | None:
    """Emit interview.completed (for the interviews module)."""
    return emit(session, org_id=org_id, event_type="interview.completed",
                data={"interview_id": interview_id, "application_id": application_id})


def assessment_scored(session: Session, *, org_id: uuid.UUID, assessment_id: uuid.UUID,
                      application_id: uuid.UUID) -> WebhookEvent | None:
    """Emit assessment.scored (for the scoring module)."""
    return emit(session, org_id=org_id, event_type="assessment.scored",
                data={"assessment_id": assessment_id, "application_id": application_id})
