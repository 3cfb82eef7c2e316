"""The REST API for jobs, candidates and applications, as an integrator uses it."""

from __future__ import annotations

from tests.factories import ANCHORS, api


def test_job_lifecycle_through_the_api(client, tenant):
    h = api(tenant.api_key)
    body = {"title": "店长 Store Manager", "country": "cn", "city": "深圳",
            "competencies": [{"key": "leadership", "name": "领导力", "weight": 0.6, "anchors": ANCHORS},
                             {"key": "service", "name": "服务", "weight": 0.4, "anchors": ANCHORS}]}
    r = client.post("/api/v1/jobs", json=body, headers=h)
    assert r.status_code == 201, r.text
    job = r.json()
    assert job["country"] == "CN"
    assert [c["key"] for c in job["competencies"]] == ["leadership", "service"]

    r = client.patch(f"/api/v1/jobs/{job['id']}", json={"status": "paused",
                     "competencies": [{"key": "service", "name": "服务", "anchors": ANCHORS}]}, headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "paused"
    assert [c["key"] for c in r.json()["competencies"]] == ["service"]
    assert r.json()["title"] == "店长 Store Manager"

    got = client.get(f"/api/v1/jobs/{job['id']}", headers=h).json()
    assert got["status"] == "paused"


def test_list_pagination_is_complete_and_stable(client, tenant):
    h = api(tenant.api_key)
    for i in range(7):
        assert client.post("/api/v1/candidates", json={"full_name": f"Paged {i}", "email": f"p{i}.{tenant.slug}@x.example"},
                           headers=h).status_code == 201
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/candidates", params=params, headers=h).json()
        seen += [c["full_name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 9  # 7 new plus the factory's two candidates
    assert [n for n in seen if n.startswith("Paged")] == [f"Paged {i}" for i in range(7)]


def test_application_stage_moves_and_history(client, tenant):
    h = api(tenant.api_key)
    c = client.post("/api/v1/candidates", json={"full_name": "Mover", "email": f"m.{tenant.slug}@x.example"}, headers=h).json()
    a = client.post("/api/v1/applications", json={"job_id": str(tenant.job_id), "candidate_id": c["id"]}, headers=h)
    assert a.status_code == 201
    app_id = a.json()["id"]
    assert client.post("/api/v1/applications", json={"job_id": str(tenant.job_id), "candidate_id": c["id"]},
                       headers=h).json()["error"]["code"] == "duplicate_application"

    r = client.post(f"/api/v1/applications/{app_id}/stage", json={"to_stage": "hired"}, headers=h)
    assert r.status_code == 200  # skipping ahead is allowed for a person deciding
    r = client.post(f"/api/v1/applications/{app_id}/stage", json={"to_stage": "applied", "reason": "reopen"}, headers=h)
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "invalid_stage_move"

    c2 = client.post("/api/v1/candidates", json={"full_name": "Rejectee"}, headers=h).json()
    app2 = client.post("/api/v1/applications", json={"job_id": str(tenant.job_id), "candidate_id": c2["id"]}, headers=h).json()
    r = client.post(f"/api/v1/applications/{app2['id']}/stage", json={"to_stage": "rejected"}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "reason_required"
    # Every preset requires human review before a rejection: an API key names the person who decided.
    r = client.post(f"/api/v1/applications/{app2['id']}/stage", json={"to_stage": "rejected", "reason": "no work permit"},
                    headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "decided_by_required"
    r = client.post(f"/api/v1/applications/{app2['id']}/stage",
                    json={"to_stage": "rejected", "reason": "no work permit", "decided_by": "李娜"}, headers=h)
    assert r.json()["stage"] == "rejected"
    hist = client.get(f"/api/v1/applications/{app2['id']}/history", headers=h).json()
    assert [(x["from_stage"], x["to_stage"]) for x in hist] == [(None, "applied"), ("applied", "rejected")]
    assert hist[-1]["reason"] == "no work permit" and hist[-1]["actor_type"] == "api_key"
    assert hist[-1]["decided_by"] == "李娜"

    listed = client.get("/api/v1/applications", params={"stage": "rejected", "job_id": str(tenant.job_id)}, headers=h).json()
    assert [x["id"] for x in listed["items"]] == [app2["id"]]


def test_duplicate_candidate_is_refused_with_the_existing_id(client, tenant):
    h = api(tenant.api_key)
    r = client.post("/api/v1/candidates", json={"full_name": "Again", "email": f"cand.{tenant.slug}@test.example"}, headers=h)
    assert r.status_code == 409
    assert r.json()["error"]["details"]["candidate_id"] == str(tenant.candidate_id)


def test_viewing_a_candidate_is_audited(client, tenant):
    h = api(tenant.api_key)
    client.get(f"/api/v1/candidates/{tenant.candidate_id}", headers=h)
    events = client.get("/api/v1/audit-events", params={"entity_id": str(tenant.candidate_id)}, headers=h)
    # an API key cannot hold audit:read... unless granted; the factory key holds every grantable scope
    assert events.status_code == 200
    assert "candidate.viewed" in [e["action"] for e in events.json()]
    blob = str(events.json())
    assert tenant.marker + " Candidate" not in blob  # no personal data in the audit log


def test_api_key_shown_once_and_revocable(client, tenant):
    from tests.factories import login

    csrf = login(client, tenant.emails["admin"])
    r = client.post("/api/v1/api-keys", json={"name": "hris", "scopes": ["jobs:read"]}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    key = r.json()["key"]
    listed = client.get("/api/v1/api-keys").json()
    assert all("key" not in k for k in listed) and key not in str(listed)
    client.cookies.clear()
    assert client.get("/api/v1/jobs", headers=api(key)).status_code == 200
    assert client.post("/api/v1/jobs", json={"title": "x"}, headers=api(key)).status_code == 403
    login(client, tenant.emails["admin"])
    csrf = login(client, tenant.emails["admin"])
    assert client.delete(f"/api/v1/api-keys/{r.json()['id']}", headers={"X-CSRF-Token": csrf}).status_code == 200
    client.cookies.clear()
    r = client.get("/api/v1/jobs", headers=api(key))
    assert r.status_code == 401 and r.json()["error"]["code"] == "revoked_api_key"


def test_openapi_document_is_3_1_and_lists_the_v1_routes(client):
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    for path in ["/api/v1/jobs", "/api/v1/jobs/{job_id}", "/api/v1/candidates", "/api/v1/applications/{application_id}/stage"]:
        assert path in doc["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
