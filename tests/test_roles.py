"""Roles: a table of route x role -> allowed, checked against every route of the app."""

from __future__ import annotations

from hireloop.accounts.permissions import Role
from tests.factories import login
from tests.routes import PUBLIC, all_routes, fill, sample

A, R, M, N = "admin", "recruiter", "hiring_manager", "analyst"
EVERYONE = {A, R, M, N}

ALLOWED: dict[tuple[str, str], set[str]] = {
    ("GET", "/api/v1/me"): EVERYONE,
    ("GET", "/api/v1/api-keys"): {A},
    ("POST", "/api/v1/api-keys"): {A},
    ("DELETE", "/api/v1/api-keys/{key_id}"): {A},
    ("GET", "/api/v1/jobs"): EVERYONE,
    ("POST", "/api/v1/jobs"): {A, R},
    ("GET", "/api/v1/jobs/{job_id}"): EVERYONE,
    ("PATCH", "/api/v1/jobs/{job_id}"): {A, R},
    ("GET", "/api/v1/candidates"): {A, R, M},
    ("POST", "/api/v1/candidates"): {A, R},
    ("GET", "/api/v1/candidates/{candidate_id}"): {A, R, M},
    ("PATCH", "/api/v1/candidates/{candidate_id}"): {A, R},
    ("GET", "/api/v1/applications"): EVERYONE,
    ("POST", "/api/v1/applications"): {A, R, M},
    ("GET", "/api/v1/applications/{application_id}"): EVERYONE,
    ("POST", "/api/v1/applications/{application_id}/stage"): {A, R, M},
    ("GET", "/api/v1/applications/{application_id}/history"): EVERYONE,
    ("GET", "/api/v1/tasks"): {A, R, N},
    ("GET", "/api/v1/candidates/{candidate_id}/consents"): {A, R, M},
    ("GET", "/api/v1/jobs/{job_id}/policy"): EVERYONE,
    ("GET", "/api/v1/job-templates"): EVERYONE,
    ("POST", "/api/v1/jobs/from-template"): {A, R},
    ("GET", "/api/v1/jobs/{job_id}/interview-plan"): {A, R, M},
    ("PUT", "/api/v1/jobs/{job_id}/interview-plan"): {A, R},
    ("POST", "/api/v1/applications/{application_id}/interview"): {A, R},
    ("POST", "/api/v1/interviews/bulk"): {A, R},
    ("GET", "/api/v1/interviews"): {A, R, M},
    ("GET", "/api/v1/interviews/{interview_id}"): {A, R, M},
    ("POST", "/api/v1/interviews/{interview_id}/resend"): {A, R},
    ("POST", "/api/v1/interviews/{interview_id}/extend"): {A, R},
    ("POST", "/api/v1/interviews/{interview_id}/cancel"): {A, R},
    ("GET", "/api/v1/answers/{answer_id}/analysis"): {A, R, M},
    ("GET", "/api/v1/answers/{answer_id}/media"): {A, R, M},
    ("GET", "/api/v1/candidate-requests"): {A, R, M},
    ("POST", "/api/v1/candidates/{candidate_id}/erase"): {A},
    ("GET", "/api/v1/candidates/{candidate_id}/export"): {A},
    ("GET", "/api/v1/audit-events"): {A},
    ("GET", "/api/v1/audit-events/verify"): {A},
    **{("GET", p): {A, N} for p in [
        "/api/v1/employees", "/api/v1/employees/{employee_id}", "/api/v1/employees/{employee_id}/position",
        "/api/v1/review-cycles", "/api/v1/review-cycles/{cycle_id}",
        "/api/v1/reviews", "/api/v1/reviews/{review_id}", "/api/v1/employment-changes",
        "/api/v1/employment-changes/{change_id}", "/api/v1/exits", "/api/v1/exits/{exit_id}",
        "/api/v1/loop/hire-quality", "/api/v1/loop/validity", "/api/v1/loop/bias-audit", "/api/v1/loop/at-risk",
        "/api/v1/loop/profile", "/api/v1/loop/leavers", "/api/v1/loop/funnel", "/api/v1/loop/models",
        "/api/v1/loop/predictions", "/api/v1/loop/weights/decisions", "/api/v1/loop/audit-groups",
        "/loop"]},
    **{(m, p): {A} for m, p in [
        ("POST", "/api/v1/employees"), ("POST", "/api/v1/employees/bulk"), ("PATCH", "/api/v1/employees/{employee_id}"),
        ("DELETE", "/api/v1/employees/{employee_id}"), ("POST", "/api/v1/review-cycles"),
        ("PATCH", "/api/v1/review-cycles/{cycle_id}"), ("DELETE", "/api/v1/review-cycles/{cycle_id}"),
        ("POST", "/api/v1/reviews"), ("POST", "/api/v1/reviews/bulk"), ("PATCH", "/api/v1/reviews/{review_id}"),
        ("DELETE", "/api/v1/reviews/{review_id}"), ("POST", "/api/v1/employment-changes"),
        ("POST", "/api/v1/employment-changes/bulk"), ("DELETE", "/api/v1/employment-changes/{change_id}"),
        ("POST", "/api/v1/exits"), ("POST", "/api/v1/exits/bulk"), ("DELETE", "/api/v1/exits/{exit_id}"),
        ("GET", "/api/v1/webhook-event-types"), ("GET", "/api/v1/webhook-subscriptions"),
        ("POST", "/api/v1/webhook-subscriptions"), ("GET", "/api/v1/webhook-subscriptions/{subscription_id}"),
        ("PATCH", "/api/v1/webhook-subscriptions/{subscription_id}"),
        ("DELETE", "/api/v1/webhook-subscriptions/{subscription_id}"),
        ("POST", "/api/v1/webhook-subscriptions/{subscription_id}/rotate-secret"), ("GET", "/api/v1/webhook-deliveries"),
        ("GET", "/api/v1/webhook-deliveries/{delivery_id}"), ("POST", "/api/v1/webhook-deliveries/{delivery_id}/replay")]},
    **{(m, p): {A, N} for m, p in [
        ("GET", "/api/v1/import-mappings"), ("POST", "/api/v1/import-mappings"),
        ("DELETE", "/api/v1/import-mappings/{mapping_id}"), ("POST", "/api/v1/imports")]},
    ("GET", "/"): EVERYONE,
    ("GET", "/jobs"): EVERYONE,
    ("POST", "/jobs"): {A, R},
    ("GET", "/jobs/{job_id}"): EVERYONE,
    ("GET", "/jobs/{job_id}/board"): EVERYONE,
    ("POST", "/applications/{application_id}/move"): {A, R, M},
    ("GET", "/candidates"): {A, R, M},
    ("POST", "/candidates"): {A, R},
    ("GET", "/candidates/{candidate_id}"): {A, R, M},
    ("GET", "/tasks"): {A, R, N},
    ("POST", "/logout"): EVERYONE,
    ("POST", "/jobs/{job_id}/invite"): {A, R},
    ("POST", "/api/v1/jobs/{job_id}/resumes"): {A, R},
    ("GET", "/api/v1/resume-imports/{import_id}"): {A, R, M},
    ("GET", "/api/v1/jobs/{job_id}/screening"): {A, R, M},
    ("GET", "/api/v1/applications/{application_id}/match"): {A, R, M},
    ("POST", "/api/v1/jobs/{job_id}/shortlist"): {A, R, M},
    ("GET", "/jobs/{job_id}/screening"): {A, R, M},
    ("POST", "/jobs/{job_id}/resumes"): {A, R},
    ("GET", "/resume-imports/{import_id}"): {A, R, M},
    ("POST", "/jobs/{job_id}/shortlist"): {A, R, M},
    ("GET", "/applications/{application_id}/match"): {A, R, M},
    ("GET", "/jobs/{job_id}/requirements"): {A, R},
    ("POST", "/jobs/{job_id}/requirements"): {A, R},
    ("GET", "/jobs/{job_id}/interviews"): {A, R, M},
    ("GET", "/interviews/{interview_id}"): {A, R, M},
    ("POST", "/interviews/{interview_id}/action"): {A, R},
    # Scoring and review: analysts read scores (no personal data) and manage scoring models; reviewers decide.
    ("GET", "/api/v1/jobs/{job_id}/scoring-models"): EVERYONE,
    ("POST", "/api/v1/jobs/{job_id}/scoring-models"): {A, N},
    ("PUT", "/api/v1/jobs/{job_id}/scoring-models"): {A, N},
    ("POST", "/api/v1/jobs/{job_id}/scoring-models/activate"): {A, N},
    ("POST", "/api/v1/loop/weights/accept"): {A, N},
    ("POST", "/api/v1/loop/weights/reject"): {A, N},
    ("POST", "/api/v1/loop/models/attrition/train"): {A, N},
    ("POST", "/api/v1/loop/models/performance/train"): {A, N},
    ("POST", "/loop/models/train"): {A, N},
    ("POST", "/loop/weights/accept"): {A, N},
    ("POST", "/loop/weights/reject"): {A, N},
    ("POST", "/loop/audit-groups"): {A, N},
    ("PUT", "/api/v1/loop/audit-groups"): {A, N},
    ("POST", "/api/v1/loop/group-data"): {A, N},
    ("GET", "/api/v1/jobs/{job_id}/ranking"): EVERYONE,
    ("GET", "/api/v1/interviews/{interview_id}/assessment"): EVERYONE,
    ("POST", "/api/v1/interviews/{interview_id}/assessment"): {A, R, M},
    ("POST", "/api/v1/applications/{application_id}/override"): {A, R, M},
    ("POST", "/api/v1/applications/{application_id}/decisions"): {A, R, M},
    ("GET", "/api/v1/applications/{application_id}/decisions"): {A, R, M},
    ("GET", "/api/v1/applications/{application_id}/scorecards"): {A, R, M},
    ("PUT", "/api/v1/applications/{application_id}/scorecard"): {A, R, M},
    ("GET", "/api/v1/interviews/{interview_id}/reports"): {A, R, M},
    ("GET", "/api/v1/interviews/{interview_id}/reports/hr.pdf"): {A, R, M},
    ("GET", "/api/v1/interviews/{interview_id}/reports/candidate.pdf"): {A, R, M},
    ("POST", "/api/v1/interviews/{interview_id}/reports/candidate/release"): {A, R, M},
    ("GET", "/jobs/{job_id}/review"): {A, R, M},
    ("GET", "/jobs/{job_id}/review/compare"): {A, R, M},
    ("GET", "/applications/{application_id}/review"): {A, R, M},
    ("POST", "/applications/{application_id}/review/override"): {A, R, M},
    ("POST", "/applications/{application_id}/review/decision"): {A, R, M},
    ("POST", "/applications/{application_id}/review/scorecard"): {A, R, M},
    ("GET", "/interviews/{interview_id}/report/hr"): {A, R, M},
    ("GET", "/interviews/{interview_id}/report/candidate"): {A, R, M},
    ("POST", "/interviews/{interview_id}/report/release"): {A, R, M},
    ("GET", "/api/v1/feedback-settings"): {A},
    # Candidates' requests: readers of candidates see them, writers handle them, only admins erase and export.
    ("GET", "/requests"): {A, R, M},
    ("POST", "/requests/{request_id}/action"): {A, R},
    ("POST", "/api/v1/candidate-requests/{request_id}/close"): {A, R},
    ("POST", "/requests/{request_id}/erase"): {A},
    ("GET", "/api/v1/candidate-requests/{request_id}/export"): {A},
    ("GET", "/api/v1/candidate-requests/{request_id}/explanation"): {A, R, M},
    ("GET", "/api/v1/candidates/{candidate_id}/explanation"): {A, R, M},
    ("PUT", "/api/v1/feedback-settings"): {A},
}


def test_the_table_covers_every_route(app):
    routes = set(all_routes(app))
    missing = routes - PUBLIC - set(ALLOWED)
    assert not missing, f"add these routes to the role table: {sorted(missing)}"
    assert not set(ALLOWED) - routes, "the table names routes that no longer exist"
    assert {r.value for r in Role} == EVERYONE


def test_every_role_gets_exactly_what_the_table_says(client, tenant):
    mismatches = []
    for role in sorted(EVERYONE):
        csrf = login(client, tenant.emails[role])  # one session per role: no route called here ends it
        for (method, path), allowed in sorted(ALLOWED.items()):
            if path == "/logout":
                continue
            kwargs = sample(method, path, tenant, csrf)
            r = client.request(method, fill(path, tenant), follow_redirects=False, **kwargs)
            denied = r.status_code == 403
            if r.status_code in (401, 500) or denied == (role in allowed):
                mismatches.append(f"{role} {method} {path}: {r.status_code}")
    assert not mismatches, "\n".join(mismatches)


def test_logout_is_open_to_every_role_and_ends_the_session(client, tenant):
    for role in sorted(EVERYONE):
        csrf = login(client, tenant.emails[role])
        r = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
        assert r.status_code == 303
        assert client.get("/api/v1/me").status_code == 401


def test_public_routes_need_no_login(client):
    client.cookies.clear()
    for method, path in sorted(PUBLIC):
        if method == "GET":
            r = client.get(path.replace("{code}", "en").replace("{token}", "x").replace("{upload_id}", "x"),
                           follow_redirects=False)
            assert r.status_code not in (401, 403) and r.status_code < 500, (path, r.status_code)


def test_api_key_scopes_limit_what_a_key_may_do(client, tenant):
    from tests.factories import api

    csrf = login(client, tenant.emails["admin"])
    key = client.post("/api/v1/api-keys", json={"name": "ro", "scopes": ["jobs:read", "applications:read"]},
                      headers={"X-CSRF-Token": csrf}).json()["key"]
    client.cookies.clear()
    h = api(key)
    assert client.get("/api/v1/jobs", headers=h).status_code == 200
    assert client.get("/api/v1/applications", headers=h).status_code == 200
    r = client.get("/api/v1/candidates", headers=h)
    assert r.status_code == 403 and r.json()["error"]["code"] == "permission_denied"
    assert client.post("/api/v1/jobs", json={"title": "x"}, headers=h).status_code == 403
    assert client.get("/api/v1/api-keys", headers=h).status_code == 403
