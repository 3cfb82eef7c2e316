"""Human review before any rejection, as every jurisdiction preset requires: a rejection is a person's decision
(a console user, or an API call naming the person), and an automated rejection is routed to a person instead."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from hireloop.accounts.actor import system_actor
from hireloop.candidates import pipeline
from hireloop.candidates.stages import Stage
from hireloop.db import unit_of_work
from hireloop.models import Application, AuditEvent, ProcessingRestriction, StageChange
from tests.factories import api, login


def _application(client, tenant, h, **job) -> tuple[str, str]:
    """A new job (defaults: CN) and a new candidate's application to it; returns (job id, application id)."""
    uniq = uuid.uuid4().hex[:8]
    r = client.post("/api/v1/jobs", json={"title": f"Job {uniq}", **job}, headers=h)
    assert r.status_code == 201, r.text
    c = client.post("/api/v1/candidates", json={"full_name": f"Cand {uniq}"}, headers=h).json()
    a = client.post("/api/v1/applications", json={"job_id": r.json()["id"], "candidate_id": c["id"]}, headers=h)
    assert a.status_code == 201, a.text
    return r.json()["id"], a.json()["id"]


def _reject(client, app_id: str, h, **extra):
    return client.post(f"/api/v1/applications/{app_id}/stage",
                       json={"to_stage": "rejected", "reason": "no work permit", **extra}, headers=h)


def _audit(settings, org_id, action: str, entity_id: str) -> list[AuditEvent]:
    with unit_of_work(settings) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.org_id == org_id, AuditEvent.action == action,
                                                                 AuditEvent.entity_id == entity_id)))


def test_an_api_key_rejection_must_name_the_person_who_decided(settings, client, tenant):
    h = api(tenant.api_key)
    _, app_id = _application(client, tenant, h)
    r = _reject(client, app_id, h)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "decided_by_required" and "decided_by" in err["message"]
    assert err["details"] == {"field": "decided_by", "policy": "cn"}
    assert client.get(f"/api/v1/applications/{app_id}", headers=h).json()["stage"] == "applied"
    assert _reject(client, app_id, h, decided_by="   ").status_code == 422  # blank is nobody
    # The decisions endpoint rejects through the same rule.
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "reject", "reason": "no permit"},
                    headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "decided_by_required"

    r = _reject(client, app_id, h, decided_by="李娜 (Recruiter)")
    assert r.status_code == 200 and r.json()["stage"] == "rejected"
    hist = client.get(f"/api/v1/applications/{app_id}/history", headers=h).json()
    assert hist[-1]["to_stage"] == "rejected" and hist[-1]["actor_type"] == "api_key"
    assert hist[-1]["decided_by"] == "李娜 (Recruiter)" and hist[-1]["actor_name"] != "李娜 (Recruiter)"
    [event] = _audit(settings, tenant.org_id, "application.stage_changed", app_id)[-1:]
    assert event.details == {"from": "applied", "to": "rejected", "decided_by": "李娜 (Recruiter)"}


def test_the_decisions_endpoint_accepts_a_named_person(settings, client, tenant):
    h = api(tenant.api_key)
    _, app_id = _application(client, tenant, h)
    r = client.post(f"/api/v1/applications/{app_id}/decisions",
                    json={"decision": "reject", "reason": "no permit", "decided_by": "陈强"}, headers=h)
    assert r.status_code == 201, r.text
    with unit_of_work(settings) as uow:
        assert uow.session.get(Application, uuid.UUID(app_id)).stage == "rejected"
        last = uow.session.scalars(select(StageChange).where(StageChange.application_id == uuid.UUID(app_id))
                                   .order_by(StageChange.created_at.desc())).first()
        assert last.decided_by == "陈强"
    assert r.json()["actor_name"].startswith("陈强 (via ")  # the decision record names the person too


def test_a_console_user_is_the_person_deciding(settings, client, tenant):
    _, app_id = _application(client, tenant, api(tenant.api_key))
    csrf = login(client, tenant.emails["recruiter"])
    r = _reject(client, app_id, {"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["stage"] == "rejected"
    hist = client.get(f"/api/v1/applications/{app_id}/history").json()
    assert hist[-1]["actor_type"] == "user" and hist[-1]["decided_by"] == hist[-1]["actor_name"]


def test_an_automated_rejection_is_routed_to_a_person(settings, client, tenant):
    h = api(tenant.api_key)
    _, app_id = _application(client, tenant, h)
    with unit_of_work(settings) as uow:
        app = pipeline.move(uow.session, system_actor(tenant.org_id, "screening rule"), uuid.UUID(app_id),
                            to_stage=Stage.REJECTED, reason="below the minimum score")
        assert app.stage == "applied"
        uow.commit()
    with unit_of_work(settings) as uow:
        [hold] = uow.session.scalars(select(ProcessingRestriction).where(
            ProcessingRestriction.application_id == uuid.UUID(app_id)))
        assert hold.kind == "human_review" and hold.resolved_at is None and hold.request_id is None
        assert not uow.session.scalars(select(StageChange).where(StageChange.application_id == uuid.UUID(app_id),
                                                                 StageChange.to_stage == "rejected")).all()
    assert _audit(settings, tenant.org_id, "application.rejection_routed_to_review", app_id)
    # While it waits for a person, not even an API key naming one may reject: the decision is made in the console.
    r = _reject(client, app_id, h, decided_by="someone")
    assert r.status_code == 409 and r.json()["error"]["code"] == "human_review_required"
    csrf = login(client, tenant.emails["hiring_manager"])
    page = client.get(f"/applications/{app_id}/review")
    assert page.status_code == 200 and 'class="card human-review routed"' in page.text
    listed = client.get("/requests")  # and it is on the list of what waits for a person
    assert f'data-application="{app_id}"' in listed.text and "screening rule" in listed.text
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "reject", "reason": "复核后不匹配"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    with unit_of_work(settings) as uow:
        assert uow.session.get(Application, uuid.UUID(app_id)).stage == "rejected"
        hold = uow.session.scalars(select(ProcessingRestriction).where(
            ProcessingRestriction.application_id == uuid.UUID(app_id))).one()
        assert hold.resolved_at is not None and hold.outcome == "reject"
    assert f'data-application="{app_id}"' not in client.get("/requests").text  # decided: no longer waiting


def test_a_job_may_switch_human_review_off_where_the_law_allows(settings, client, tenant):
    h = api(tenant.api_key)
    job_id, app_id = _application(client, tenant, h, country="US", region="TX",
                                  human_review_before_rejection=False)
    assert client.get(f"/api/v1/jobs/{job_id}", headers=h).json()["human_review_before_rejection"] is False
    assert client.get(f"/api/v1/jobs/{job_id}/policy", headers=h).json()["human_review_before_rejection"] is False
    r = _reject(client, app_id, h)
    assert r.status_code == 200 and r.json()["stage"] == "rejected"
    assert client.get(f"/api/v1/applications/{app_id}/history", headers=h).json()[-1]["decided_by"] is None
    # Switched on again, the rule applies again.
    assert client.patch(f"/api/v1/jobs/{job_id}", json={"human_review_before_rejection": True},
                        headers=h).status_code == 200
    c = client.post("/api/v1/candidates", json={"full_name": "Second"}, headers=h).json()
    app2 = client.post("/api/v1/applications", json={"job_id": job_id, "candidate_id": c["id"]}, headers=h).json()
    assert _reject(client, app2["id"], h).status_code == 422


def test_the_eu_policy_keeps_human_review_on(settings, client, tenant):
    h = api(tenant.api_key)
    r = client.post("/api/v1/jobs", json={"title": "Berlin", "country": "DE", "human_review_before_rejection": False},
                    headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "human_review_mandatory"
    job_id, _ = _application(client, tenant, h, country="US", human_review_before_rejection=False)
    r = client.patch(f"/api/v1/jobs/{job_id}", json={"country": "FR"}, headers=h)  # moving the job to the EU
    assert r.status_code == 422 and r.json()["error"]["code"] == "human_review_mandatory"
    r = client.patch(f"/api/v1/jobs/{job_id}", json={"country": "FR", "human_review_before_rejection": None}, headers=h)
    assert r.status_code == 200
    assert client.get(f"/api/v1/jobs/{job_id}/policy", headers=h).json()["human_review_before_rejection"] is True
    # nor can an override of the policy take an EU job out of the EU rules (review finding)
    r = client.post("/api/v1/jobs", headers=h, json={"title": "Munich", "country": "DE", "policy_key": "default",
                                                     "human_review_before_rejection": False})
    assert r.status_code == 422 and r.json()["error"]["code"] == "policy_weaker_than_law"
    r = client.post("/api/v1/jobs", headers=h, json={"title": "Munich", "country": "DE", "policy_key": "default"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "policy_weaker_than_law"
