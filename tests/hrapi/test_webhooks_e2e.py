"""Webhooks end to end against a receiver on 127.0.0.1: signed deliveries that the Standard Webhooks reference
implementation verifies, retries with backoff on 500, and a 410 that disables the subscription."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select, update
from standardwebhooks import Webhook

from hireloop.db import session_factory
from hireloop.dispatch import EmbeddedDispatcher
from hireloop.models import BackgroundTask, utcnow
from tests.factories import api
from tests.hrapi.support import Receiver


@pytest.fixture
def local_hooks(settings, monkeypatch):
    """Allow webhook targets on loopback, as an operator would with HIRELOOP_WEBHOOK_ALLOWED_CIDRS."""
    monkeypatch.setattr(settings, "webhook_allowed_cidrs", ["127.0.0.0/8"])
    return settings


def _subscribe(client, h, url, types=("application.stage_changed",)):
    r = client.post("/api/v1/webhook-subscriptions", json={"url": url, "event_types": list(types)}, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["secret"].startswith("whsec_")
    return r.json()


def _move(client, h, tenant, stage):
    r = client.post(f"/api/v1/applications/{tenant.application_id}/stage", json={"to_stage": stage}, headers=h)
    assert r.status_code == 200, r.text


def _run(settings):
    return EmbeddedDispatcher(settings, workers=0).run_until_idle()


def _deliveries(client, h, sub_id):
    return client.get("/api/v1/webhook-deliveries", params={"subscription_id": sub_id}, headers=h).json()["items"]


def test_private_targets_are_refused_unless_allowed(client, tenant):
    r = client.post("/api/v1/webhook-subscriptions", json={"url": "http://127.0.0.1:8080/x", "event_types": ["*"]},
                    headers=api(tenant.api_key))
    assert r.status_code == 422 and r.json()["error"]["code"] == "unsafe_webhook_target"
    r = client.post("/api/v1/webhook-subscriptions", json={"url": "https://93.184.216.34/x", "event_types": ["nope"]},
                    headers=api(tenant.api_key))
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_event_type"


def test_a_stage_change_is_delivered_signed_and_verifies(client, tenant, local_hooks):
    h = api(tenant.api_key)
    with Receiver() as rx:
        sub = _subscribe(client, h, rx.url)
        _move(client, h, tenant, "invited")
        _run(local_hooks)
        assert len(rx.requests) == 1
        headers, body = rx.requests[0]
        payload = Webhook(sub["secret"]).verify(body, headers)  # the specification's reference implementation
        assert payload["type"] == "application.stage_changed"
        assert payload["data"] == {"application_id": str(tenant.application_id), "candidate_id": str(tenant.candidate_id),
                                   "job_id": str(tenant.job_id), "from_stage": "screened", "to_stage": "invited"}
        assert tenant.marker not in body.decode()  # thin payload: ids only, no names
        with pytest.raises(Exception):
            Webhook(sub["secret"]).verify(body.replace(b"invited", b"hired"), headers)
        log = _deliveries(client, h, sub["id"])
        assert [(d["status"], d["attempts"], d["last_status_code"]) for d in log] == [("delivered", 1, 200)]
        assert log[0]["msg_id"] == headers["webhook-id"]
        detail = client.get(f"/api/v1/webhook-deliveries/{log[0]['id']}", headers=h).json()
        assert detail["payload"] == json.loads(body) and detail["attempt_log"][0]["response_excerpt"] == "ok"

        # Replay: the same webhook-id, a fresh signature that still verifies.
        r = client.post(f"/api/v1/webhook-deliveries/{log[0]['id']}/replay", headers=h)
        assert r.status_code == 202 and r.json()["replay_of_id"] == log[0]["id"]
        _run(local_hooks)
        assert len(rx.requests) == 2
        assert rx.requests[1][0]["webhook-id"] == headers["webhook-id"]
        Webhook(sub["secret"]).verify(rx.requests[1][1], rx.requests[1][0])


def test_a_failing_receiver_is_retried_with_growing_backoff(client, tenant, local_hooks):
    h = api(tenant.api_key)
    with Receiver() as rx:
        rx.status = 500
        sub = _subscribe(client, h, rx.url)
        _move(client, h, tenant, "invited")
        _run(local_hooks)
        delays = []
        for attempt in (1, 2, 3):
            [d] = _deliveries(client, h, sub["id"])
            assert (d["status"], d["attempts"], d["last_status_code"]) == ("retrying", attempt, 500)
            with session_factory(local_hooks)() as s:
                task = s.scalars(select(BackgroundTask).where(BackgroundTask.status == "queued",
                                                              BackgroundTask.payload["delivery_id"].as_string() == d["id"])).one()
                delays.append((task.run_after - utcnow()).total_seconds())
                # Let the clock "pass": make the scheduled retry due now.
                s.execute(update(BackgroundTask).where(BackgroundTask.id == task.id).values(run_after=utcnow()))
                s.commit()
            _run(local_hooks)
        assert len(rx.requests) == 4
        # 1, 2 and 4 minutes, each within the schedule's +/-20 % jitter.
        for delay, base in zip(delays, (60, 120, 240), strict=True):
            assert base * 0.8 - 2 <= delay <= base * 1.2, delays
        assert len({r[0]["webhook-id"] for r in rx.requests}) == 1  # every retry is the same message
        rx.status = 200
        [d] = _deliveries(client, h, sub["id"])
        with session_factory(local_hooks)() as s:
            s.execute(update(BackgroundTask).where(BackgroundTask.payload["delivery_id"].as_string() == d["id"],
                                                   BackgroundTask.status == "queued").values(run_after=utcnow()))
            s.commit()
        _run(local_hooks)
        [d] = _deliveries(client, h, sub["id"])
        assert (d["status"], d["attempts"]) == ("delivered", 5)
        attempts = client.get(f"/api/v1/webhook-deliveries/{d['id']}", headers=h).json()["attempt_log"]
        assert [a["status_code"] for a in attempts] == [500, 500, 500, 500, 200]


def test_410_disables_the_subscription(client, tenant, local_hooks):
    h = api(tenant.api_key)
    with Receiver() as rx:
        rx.status = 410
        sub = _subscribe(client, h, rx.url)
        _move(client, h, tenant, "invited")
        _run(local_hooks)
        got = client.get(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=h).json()
        assert got["status"] == "disabled" and "410" in got["disabled_reason"]
        [d] = _deliveries(client, h, sub["id"])
        assert (d["status"], d["last_status_code"]) == ("failed", 410)
        _move(client, h, tenant, "interviewed")
        _run(local_hooks)
        assert len(rx.requests) == 1  # nothing more is sent to a disabled subscription
        r = client.post(f"/api/v1/webhook-deliveries/{d['id']}/replay", headers=h)
        assert r.status_code == 409 and r.json()["error"]["code"] == "subscription_disabled"
        rx.status = 204
        assert client.patch(f"/api/v1/webhook-subscriptions/{sub['id']}", json={"status": "active"},
                            headers=h).json()["status"] == "active"
        assert client.post(f"/api/v1/webhook-deliveries/{d['id']}/replay", headers=h).status_code == 202
        _run(local_hooks)
        assert len(rx.requests) == 2
        statuses = sorted(x["status"] for x in _deliveries(client, h, sub["id"]))
        assert statuses == ["delivered", "failed"]


def test_hiring_emits_employee_created(client, tenant, local_hooks):
    h = api(tenant.api_key)
    with Receiver() as rx:
        sub = _subscribe(client, h, rx.url, types=["employee.created"])
        for stage in ("offer", "hired"):
            _move(client, h, tenant, stage)
        _run(local_hooks)
        assert len(rx.requests) == 1
        payload = Webhook(sub["secret"]).verify(rx.requests[0][1], rx.requests[0][0])
        emp = client.get("/api/v1/employees", headers=h).json()["items"][0]
        assert payload["data"] == {"employee_id": emp["id"], "application_id": str(tenant.application_id)}


def test_candidate_erased_and_other_event_types_reach_wildcard_subscribers(client, settings, tenant, local_hooks):
    from hireloop.db import unit_of_work
    from hireloop.integrations import events

    h = api(tenant.api_key)
    with Receiver() as rx:
        sub = _subscribe(client, h, rx.url, types=["*"])
        with unit_of_work(settings) as uow:
            events.candidate_erased(uow.session, org_id=tenant.org_id, candidate_id=tenant.candidate_id)
            with pytest.raises(ValueError):
                events.emit(uow.session, org_id=tenant.org_id, event_type="candidate.hacked", data={})
            uow.commit()
        _run(local_hooks)
        [payload] = [Webhook(sub["secret"]).verify(b, hd) for hd, b in rx.requests]
        assert payload == {"type": "candidate.erased", "timestamp": payload["timestamp"],
                           "data": {"candidate_id": str(tenant.candidate_id)}}
        types = {t["type"] for t in client.get("/api/v1/webhook-event-types", headers=h).json()}
        assert {"interview.completed", "assessment.scored", "employee.created"} <= types


def test_a_rolled_back_change_announces_nothing(client, settings, tenant, local_hooks):
    from hireloop.db import unit_of_work
    from hireloop.integrations import events

    h = api(tenant.api_key)
    with Receiver() as rx:
        sub = _subscribe(client, h, rx.url, types=["candidate.erased"])
        with unit_of_work(settings) as uow:
            events.candidate_erased(uow.session, org_id=tenant.org_id, candidate_id=tenant.candidate_id)
            uow.rollback()
        _run(local_hooks)
        assert rx.requests == [] and _deliveries(client, h, sub["id"]) == []


def test_secret_rotation_signs_with_both_secrets_for_a_while(client, settings, tenant, local_hooks):
    h = api(tenant.api_key)
    with Receiver() as rx:
        sub = _subscribe(client, h, rx.url)
        rotated = client.post(f"/api/v1/webhook-subscriptions/{sub['id']}/rotate-secret", headers=h)
        assert rotated.status_code == 200 and rotated.json()["secret"] != sub["secret"]
        _move(client, h, tenant, "invited")
        _run(local_hooks)
        headers, body = rx.requests[0]
        assert len(headers["webhook-signature"].split(" ")) == 2
        Webhook(sub["secret"]).verify(body, headers)  # receivers still on the old secret keep working
        Webhook(rotated.json()["secret"]).verify(body, headers)

        from hireloop.db import session_factory
        from hireloop.models import WebhookSubscription

        with session_factory(settings)() as s:  # the overlap ends
            s.execute(update(WebhookSubscription).where(WebhookSubscription.id == uuid.UUID(sub["id"]))
                      .values(previous_secret_expires_at=utcnow()))
            s.commit()
        _move(client, h, tenant, "interviewed")
        _run(local_hooks)
        headers, body = rx.requests[1]
        Webhook(rotated.json()["secret"]).verify(body, headers)
        with pytest.raises(Exception):
            Webhook(sub["secret"]).verify(body, headers)
