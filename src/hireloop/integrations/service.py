"""Webhook subscriptions and deliveries: create (SSRF-checked), send with retries, disable on 410, replay."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, timedelta
from typing import Any

import httpx
from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.integrations import events
from hireloop.integrations import repository as repo
from hireloop.integrations.schemas import SubscriptionCreate, SubscriptionUpdate
from hireloop.integrations.webhooks import (
    DEFAULT_SCHEDULE, RetrySchedule, build_message, check_target, deliver, event_body, generate_secret, next_step,
)
from hireloop.models import WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription, utcnow
from hireloop.pagination import Page, paginate

TERMINAL = {"delivered", "failed", "cancelled"}
ROTATION_OVERLAP = timedelta(hours=24)


class SubscriptionNotFound(NotFound):
    code = "webhook_subscription_not_found"


class DeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"


def _event_types(types: list[str]) -> list[str]:
    unknown = sorted({t for t in types if t != "*" and t not in events.EVENT_TYPES})
    if unknown:
        raise ValidationFailed(f"Unknown event types: {', '.join(unknown)}. Use '*' or some of: "
                               f"{', '.join(events.EVENT_TYPES)}.", code="unknown_event_type")
    return sorted(set(types))


def get_subscription(session: Session, actor: Actor, sub_id: uuid.UUID) -> WebhookSubscription:
    """One live webhook subscription of the actor's organization."""
    sub = repo.subscription(session, actor.org_id, sub_id)
    if sub is None:
        raise SubscriptionNotFound("No such webhook subscription in your organization; list them to find its id.")
    return sub


def create_subscription(session: Session, actor: Actor, *, data: SubscriptionCreate,
                        allowed_cidrs: Sequence[str] = ()) -> tuple[WebhookSubscription, str]:
    """A subscription to some event types; returns it with its signing secret, which is shown only this once."""
    target = check_target(data.url, allow=allowed_cidrs)
    secret = generate_secret()
    sub = WebhookSubscription(org_id=actor.org_id, url=target.url, event_types=_event_types(data.event_types),
                              description=data.description, secret=secret, status="active")
    session.add(sub)
    session.flush()
    audit.record(session, actor, "webhook_subscription.created", entity_type="webhook_subscription",
                 entity_id=sub.id, details={"event_types": sub.event_types})
    return sub, secret


def update_subscription(session: Session, actor: Actor, sub_id: uuid.UUID, *, data: SubscriptionUpdate,
                        allowed_cidrs: Sequence[str] = ()) -> WebhookSubscription:
    """Change URL, event types or description; status 'active' re-enables a disabled subscription."""
    sub = get_subscription(session, actor, sub_id)
    changes = {k: v for k, v in data.model_dump(exclude_unset=True).items() if v is not None}
    if "url" in changes:
        sub.url = check_target(changes["url"], allow=allowed_cidrs).url
    if "event_types" in changes:
        sub.event_types = _event_types(changes["event_types"])
    if "description" in changes:
        sub.description = changes["description"]
    if changes.get("status") == "active" and sub.status != "active":
        sub.status, sub.disabled_reason, sub.disabled_at = "active", None, None
    elif changes.get("status") == "disabled" and sub.status != "disabled":
        sub.status, sub.disabled_reason, sub.disabled_at = "disabled", "disabled by a user", utcnow()
    session.flush()
    audit.record(session, actor, "webhook_subscription.updated", entity_type="webhook_subscription",
                 entity_id=sub.id, details={"fields": sorted(changes)})
    return sub


def rotate_secret(session: Session, actor: Actor, sub_id: uuid.UUID, *,
                  overlap: timedelta = ROTATION_OVERLAP) -> tuple[WebhookSubscription, str]:
    """A new signing secret (returned once); the old one keeps signing alongside it for `overlap`."""
    sub = get_subscription(session, actor, sub_id)
    sub.previous_secret, sub.previous_secret_expires_at = sub.secret, utcnow() + overlap
    secret = generate_secret()
    sub.secret = secret
    session.flush()
    audit.record(session, actor, "webhook_subscription.secret_rotated", entity_type="webhook_subscription",
                 entity_id=sub.id)
    return sub, secret


def signing_secrets(sub: WebhookSubscription) -> list[str]:
    """The secrets that sign a delivery now: the current one, plus the previous one during a rotation."""
    secrets = [sub.secret]
    if sub.previous_secret and sub.previous_secret_expires_at and sub.previous_secret_expires_at > utcnow():
        secrets.append(sub.previous_secret)
    return secrets


def delete_subscription(session: Session, actor: Actor, sub_id: uuid.UUID) -> WebhookSubscription:
    """Stop sending to a subscription for good; queued deliveries are cancelled when their turn comes."""
    sub = get_subscription(session, actor, sub_id)
    sub.deleted_at = utcnow()
    session.flush()
    audit.record(session, actor, "webhook_subscription.deleted", entity_type="webhook_subscription", entity_id=sub.id)
    return sub


def subscriptions_page(session: Session, actor: Actor, *, limit: int, cursor: str | None) -> Page[WebhookSubscription]:
    """Webhook subscriptions, oldest first, one page at a time."""
    return paginate(session, repo.subscriptions_query(actor.org_id), WebhookSubscription, limit=limit, cursor=cursor)


def get_delivery(session: Session, actor: Actor, delivery_id: uuid.UUID) -> WebhookDelivery:
    """One webhook delivery of the actor's organization."""
    d = repo.delivery(session, actor.org_id, delivery_id)
    if d is None:
        raise DeliveryNotFound("No such webhook delivery in your organization; list deliveries to find its id.")
    return d


def deliveries_page(session: Session, actor: Actor, *, subscription_id: uuid.UUID | None, status: str | None,
                    limit: int, cursor: str | None) -> tuple[Page[WebhookDelivery], dict[uuid.UUID, WebhookEvent]]:
    """The delivery log, oldest first, with the events its rows refer to."""
    page = paginate(session, repo.deliveries_query(actor.org_id, subscription_id=subscription_id, status=status),
                    WebhookDelivery, limit=limit, cursor=cursor)
    return page, repo.events_by_id(session, actor.org_id, list({d.event_id for d in page.items}))


def delivery_detail(session: Session, actor: Actor, delivery_id: uuid.UUID) -> dict[str, Any]:
    """One delivery with its event body and every attempt (status code, excerpt of the answer, error)."""
    d = get_delivery(session, actor, delivery_id)
    event = repo.event(session, actor.org_id, d.event_id)
    assert event is not None  # deliveries cascade with their event
    import json

    payload = json.loads(event_body(event.event_type, event.data, event.occurred_at.replace(tzinfo=UTC)))
    return {"delivery": d, "event": event, "payload": payload,
            "attempts": repo.attempts(session, actor.org_id, d.id)}


def replay(session: Session, actor: Actor, delivery_id: uuid.UUID) -> WebhookDelivery:
    """Send a delivery's event again to its subscription (same webhook-id, fresh timestamp and signature)."""
    d = get_delivery(session, actor, delivery_id)
    sub = repo.subscription(session, actor.org_id, d.subscription_id)
    if sub is None:
        raise Conflict("The subscription of this delivery was deleted; nothing to replay to.", code="subscription_gone")
    if sub.status != "active":
        raise Conflict("The subscription is disabled; re-enable it (PATCH status 'active') before replaying.",
                       code="subscription_disabled")
    event = repo.event(session, actor.org_id, d.event_id)
    assert event is not None
    new = events.queue_delivery(session, event, sub.id, replay_of=d.id)
    audit.record(session, actor, "webhook_delivery.replayed", entity_type="webhook_delivery", entity_id=new.id,
                 details={"replay_of": str(d.id)})
    return new


def attempt_delivery(session: Session, delivery_id: uuid.UUID, *, allow: Sequence[str] = (),
                     schedule: RetrySchedule = DEFAULT_SCHEDULE, rng: random.Random | None = None,
                     client: httpx.Client | None = None) -> WebhookDelivery | None:
    """Make one HTTP attempt of a delivery and decide what follows: done, retry later, give up, or disable."""
    d = repo.delivery(session, None, delivery_id)
    if d is None or d.status in TERMINAL:
        return d
    sub = session.get(WebhookSubscription, d.subscription_id)
    if sub is None or sub.deleted_at is not None or sub.status != "active":
        d.status, d.last_error, d.next_attempt_at = "cancelled", "the subscription is disabled or deleted", None
        return d
    event = session.get(WebhookEvent, d.event_id)
    assert event is not None
    _, body, headers = build_message(signing_secrets(sub), event.event_type, event.data,
                                     event.occurred_at.replace(tzinfo=UTC),
                                     msg_id=event.msg_id)
    result = deliver(sub.url, body, headers, allow=allow, client=client)
    now = utcnow()
    d.attempts += 1
    session.add(WebhookAttempt(org_id=d.org_id, delivery_id=d.id, at=now, outcome=result.outcome,
                               status_code=result.status_code, duration_ms=result.duration_ms,
                               response_excerpt=result.response_excerpt, error=result.error))
    d.last_status_code, d.last_error = result.status_code, result.error
    step = next_step(result, d.attempts, now, rng or random.Random(), schedule)
    if step.action == "done":
        d.status, d.delivered_at, d.next_attempt_at = "delivered", now, None
    elif step.action == "retry" and step.retry_at is not None:
        d.status, d.next_attempt_at = "retrying", step.retry_at
        dispatch.enqueue(session, events.DELIVER_TASK, org_id=d.org_id,
                         delay_s=max(0.0, (step.retry_at - now).total_seconds()), delivery_id=str(d.id))
    elif step.action == "disable":
        d.status, d.next_attempt_at = "failed", None
        sub.status, sub.disabled_at = "disabled", now
        sub.disabled_reason = "the receiver answered 410 Gone; re-enable the subscription when it accepts events again"
        audit.record(session, None, "webhook_subscription.disabled", entity_type="webhook_subscription",
                     entity_id=sub.id, details={"delivery_id": str(d.id), "status_code": 410}, org_id=sub.org_id)
    else:
        d.status, d.next_attempt_at = "failed", None
    session.flush()
    return d
