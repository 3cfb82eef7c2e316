"""Bad input gets a 4xx with the one error body, never a 500."""

from __future__ import annotations

import uuid

import pytest

from tests.factories import api


def _is_error_body(r) -> bool:
    body = r.json()
    return set(body) == {"error"} and {"code", "message", "details"} <= set(body["error"]) and body["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("post", "/api/v1/jobs", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "validation_failed"),
        ("post", "/api/v1/jobs", {"json": {"title": 123, "country": "China"}}, 422, "validation_failed"),
        ("post", "/api/v1/jobs", {"json": {"title": "x", "competencies": [{"key": "a", "name": "A", "anchors": ["1"]}]}}, 422, "validation_failed"),
        ("post", "/api/v1/jobs", {"json": ["a", "list"]}, 422, "validation_failed"),
        ("get", "/api/v1/jobs/not-a-uuid", {}, 422, "validation_failed"),
        ("get", f"/api/v1/jobs/{uuid.uuid4()}", {}, 404, "job_not_found"),
        ("get", f"/api/v1/candidates/{uuid.uuid4()}", {}, 404, "candidate_not_found"),
        ("get", f"/api/v1/applications/{uuid.uuid4()}", {}, 404, "application_not_found"),
        ("post", f"/api/v1/applications/{uuid.uuid4()}/stage", {"json": {"to_stage": "screened"}}, 404, "application_not_found"),
        ("post", "/api/v1/applications", {"json": {"job_id": str(uuid.uuid4()), "candidate_id": str(uuid.uuid4())}}, 404, "job_not_found"),
        ("get", "/api/v1/candidates", {"params": {"cursor": "garbage!!"}}, 422, "invalid_cursor"),
        ("get", "/api/v1/jobs", {"params": {"limit": 0}}, 422, "validation_failed"),
        ("get", "/api/v1/nowhere", {}, 404, "not_found"),
        ("put", "/api/v1/jobs", {}, 405, "method_not_allowed"),
        ("post", "/api/v1/candidates", {"json": {"full_name": "x", "email": "not-an-email"}}, 422, "validation_failed"),
        ("post", "/api/v1/applications/{app}/stage", {"json": {"to_stage": "promoted"}}, 422, "validation_failed"),
    ],
)
def test_bad_requests_get_a_clear_4xx(client, tenant, method, path, kwargs, status, code):
    kwargs = dict(kwargs)
    kwargs["headers"] = {**kwargs.get("headers", {}), **api(tenant.api_key)}
    r = getattr(client, method)(path.replace("{app}", str(tenant.application_id)), **kwargs)
    assert r.status_code == status, r.text
    assert _is_error_body(r)
    assert r.json()["error"]["code"] == code


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "not_authenticated"),
        ({"Authorization": "Bearer hl_abc.def"}, "invalid_api_key"),
        ({"Authorization": "Bearer "}, "invalid_api_key"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "invalid_api_key"),
        ({"Authorization": "Bearer not-even-shaped-like-a-key"}, "invalid_api_key"),
    ],
)
def test_missing_or_invalid_api_key_is_401(client, headers, code):
    r = client.get("/api/v1/jobs", headers=headers)
    assert r.status_code == 401
    assert _is_error_body(r) and r.json()["error"]["code"] == code
    assert "Bearer" in r.json()["error"]["message"] or "Log in" in r.json()["error"]["message"]


def test_a_key_with_a_right_prefix_but_wrong_secret_is_refused(client, tenant):
    prefix = tenant.api_key.split(".")[0]
    r = client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {prefix}.wrongsecret"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"


def test_another_tenants_ids_look_like_unknown_ids(client, tenant, other_tenant):
    h = api(tenant.api_key)
    for path in [f"/api/v1/jobs/{other_tenant.job_id}", f"/api/v1/candidates/{other_tenant.candidate_id}",
                 f"/api/v1/applications/{other_tenant.application_id}"]:
        r = client.get(path, headers=h)
        assert r.status_code == 404 and _is_error_body(r)
    r = client.post("/api/v1/applications", json={"job_id": str(tenant.job_id), "candidate_id": str(other_tenant.candidate_id)}, headers=h)
    assert r.status_code == 404 and r.json()["error"]["code"] == "candidate_not_found"


def test_cookie_session_without_csrf_token_cannot_write(client, tenant):
    from tests.factories import login

    login(client, tenant.emails["recruiter"])
    r = client.post("/api/v1/jobs", json={"title": "forged"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
