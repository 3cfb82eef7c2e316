"""Idempotency-Key on create: same key and body replay; same key and another body is a 409."""

from __future__ import annotations

from tests.factories import api


def test_same_key_same_body_replays_the_first_response(client, tenant):
    h = {**api(tenant.api_key), "Idempotency-Key": "create-emp-1"}
    body = {"remote_id": "IDEM-1", "full_name": "Once"}
    first = client.post("/api/v1/employees", json=body, headers=h)
    assert first.status_code == 201, first.text
    again = client.post("/api/v1/employees", json=dict(reversed(list(body.items()))), headers=h)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("idempotent-replayed") == "true"
    listed = client.get("/api/v1/employees", params={"remote_id": "IDEM-1"}, headers=api(tenant.api_key)).json()
    assert len(listed["items"]) == 1


def test_same_key_different_body_is_refused(client, tenant):
    h = {**api(tenant.api_key), "Idempotency-Key": "create-emp-2"}
    assert client.post("/api/v1/employees", json={"remote_id": "IDEM-2"}, headers=h).status_code == 201
    r = client.post("/api/v1/employees", json={"remote_id": "IDEM-3"}, headers=h)
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "idempotency_key_reused"
    ids = [e["remote_id"] for e in client.get("/api/v1/employees", headers=api(tenant.api_key)).json()["items"]]
    assert "IDEM-3" not in ids


def test_keys_are_per_organization_and_per_endpoint(client, tenant, other_tenant):
    key = {"Idempotency-Key": "shared-key"}
    a = client.post("/api/v1/employees", json={"remote_id": "K1"}, headers={**api(tenant.api_key), **key})
    b = client.post("/api/v1/employees", json={"remote_id": "K1"}, headers={**api(other_tenant.api_key), **key})
    assert a.status_code == b.status_code == 201 and a.json()["id"] != b.json()["id"]
    c = client.post("/api/v1/review-cycles", json={"name": "Q1", "period": "2030-Q1"},
                    headers={**api(tenant.api_key), **key})
    assert c.status_code == 201 and c.json()["period"] == "2030-Q1"


def test_a_failed_create_does_not_burn_the_key(client, tenant):
    h = {**api(tenant.api_key), "Idempotency-Key": "retry-after-fix"}
    bad = client.post("/api/v1/reviews", json={"employee_remote_id": "nobody", "period": "2024-Q1"}, headers=h)
    assert bad.status_code == 422
    client.post("/api/v1/employees", json={"remote_id": "nobody"}, headers=api(tenant.api_key))
    ok = client.post("/api/v1/reviews", json={"employee_remote_id": "nobody", "period": "2024-Q1"}, headers=h)
    assert ok.status_code == 201, ok.text


def test_expired_keys_are_forgotten_and_purged(client, settings, tenant):
    from datetime import timedelta

    from sqlalchemy import func, select, update

    from hireloop.db import session_factory
    from hireloop.integrations.tasks import purge_idempotency_keys
    from hireloop.models import IdempotencyKey, utcnow

    h = {**api(tenant.api_key), "Idempotency-Key": "old-key"}
    first = client.post("/api/v1/employees", json={"remote_id": "OLD-1"}, headers=h).json()
    with session_factory(settings)() as s:
        s.execute(update(IdempotencyKey).where(IdempotencyKey.org_id == tenant.org_id)
                  .values(expires_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    # After 24 hours the key is free again: the same key now creates a new record.
    second = client.post("/api/v1/employees", json={"remote_id": "OLD-2"}, headers=h)
    assert second.status_code == 201 and second.json()["id"] != first["id"]
    with session_factory(settings)() as s:
        s.execute(update(IdempotencyKey).where(IdempotencyKey.org_id == tenant.org_id)
                  .values(expires_at=utcnow() - timedelta(seconds=1)))
        purge_idempotency_keys(s)
        s.commit()
        left = s.scalar(select(func.count()).select_from(IdempotencyKey).where(IdempotencyKey.org_id == tenant.org_id))
    assert left == 0


def test_jobs_candidates_and_applications_take_idempotency_keys_too(client, tenant):
    h = api(tenant.api_key)
    job = client.post("/api/v1/jobs", json={"title": "Promoter"}, headers={**h, "Idempotency-Key": "job-1"})
    again = client.post("/api/v1/jobs", json={"title": "Promoter"}, headers={**h, "Idempotency-Key": "job-1"})
    assert job.status_code == again.status_code == 201 and job.json() == again.json()
    cand = {"full_name": "Idem", "email": f"idem.{tenant.slug}@x.example"}
    c1 = client.post("/api/v1/candidates", json=cand, headers={**h, "Idempotency-Key": "cand-1"})
    c2 = client.post("/api/v1/candidates", json=cand, headers={**h, "Idempotency-Key": "cand-1"})
    assert c1.status_code == c2.status_code == 201 and c1.json()["id"] == c2.json()["id"]  # not a duplicate_candidate
    app = {"job_id": job.json()["id"], "candidate_id": c1.json()["id"]}
    a1 = client.post("/api/v1/applications", json=app, headers={**h, "Idempotency-Key": "app-1"})
    a2 = client.post("/api/v1/applications", json=app, headers={**h, "Idempotency-Key": "app-1"})
    assert a1.status_code == a2.status_code == 201 and a1.json() == a2.json()
    assert client.post("/api/v1/applications", json=app, headers=h).status_code == 409  # a new request: duplicate
