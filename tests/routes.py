"""Every route of the app, with a sample request for each, shared by the isolation and role tests."""

from __future__ import annotations

import uuid

from fastapi.routing import APIRoute
from starlette.routing import Route

# Routes anyone may call, logged in or not.
PUBLIC = {
    ("GET", "/api/v1/health"),
    ("GET", "/api/docs"),
    ("GET", "/api/openapi.json"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/lang/{code}"),
    # The candidate portal: a signed invitation link, not a login, names the interview.
    ("GET", "/i/{token}"),
    ("POST", "/i/{token}/consent"),
    ("GET", "/i/{token}/record"),
    ("POST", "/i/{token}/uploads"),
    ("GET", "/i/{token}/uploads/{upload_id}"),
    ("PUT", "/i/{token}/uploads/{upload_id}"),
    ("POST", "/i/{token}/finish"),
    ("GET", "/i/{token}/status"),
    ("POST", "/i/{token}/withdraw"),
    ("POST", "/i/{token}/request"),
    ("GET", "/i/{token}/report"),
    ("GET", "/i/{token}/report.pdf"),
}

# Path parameters and the tenant attribute that fills them.
PARAMS = {"job_id": "job_id", "candidate_id": "candidate_id", "application_id": "application_id", "key_id": "api_key_id",
          "interview_id": "interview_id", "answer_id": "answer_id"}


def _flat(app) -> list:
    """Every route, including those of included routers (newer FastAPI keeps those nested)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:
        return [r for r in app.routes if isinstance(r, (APIRoute, Route))]
    return list(iter_route_contexts(app.routes))


def all_routes(app) -> list[tuple[str, str]]:
    out = []
    for r in _flat(app):
        if r.path and not r.path.startswith("/static"):
            for m in sorted(r.methods or []):
                if m not in {"HEAD", "OPTIONS"}:
                    out.append((m, r.path))
    return sorted(set(out))


def fill(path: str, tenant) -> str:
    for name, attr in PARAMS.items():
        path = path.replace("{" + name + "}", str(getattr(tenant, attr)))
    return path.replace("{code}", "en")


def sample(method: str, path: str, tenant, csrf: str | None) -> dict:
    """Request keyword arguments that make a meaningful call of this route for `tenant`'s objects."""
    uniq = uuid.uuid4().hex[:8]
    form = {"csrf_token": csrf or ""}
    bodies = {
        ("POST", "/api/v1/jobs"): {"json": {"title": f"Probe job {uniq}"}},
        ("PATCH", "/api/v1/jobs/{job_id}"): {"json": {"title": "Changed by probe"}},
        ("POST", "/api/v1/candidates"): {"json": {"full_name": "Probe", "email": f"probe.{uniq}@x.example"}},
        ("PATCH", "/api/v1/candidates/{candidate_id}"): {"json": {"full_name": "Changed by probe"}},
        ("POST", "/api/v1/applications"): {"json": {"job_id": str(tenant.job_id), "candidate_id": str(tenant.candidate_id)}},
        ("POST", "/api/v1/applications/{application_id}/stage"): {"json": {"to_stage": "invited"}},
        ("POST", "/api/v1/api-keys"): {"json": {"name": "probe", "scopes": ["jobs:read"]}},
        ("POST", "/jobs"): {"data": {**form, "title": f"Probe job {uniq}", "country": "CN"}},
        ("POST", "/candidates"): {"data": {**form, "full_name": "Probe", "email": f"probe.{uniq}@x.example"}},
        ("POST", "/applications/{application_id}/move"): {"data": {**form, "to_stage": "invited", "reason": "probe"}},
        ("POST", "/logout"): {"data": form},
        ("POST", "/jobs/{job_id}/invite"): {"data": {**form, "application_ids": [str(tenant.application_id)]}},
        ("POST", "/interviews/{interview_id}/action"): {"data": {**form, "action": "resend"}},
        ("PUT", "/api/v1/jobs/{job_id}/interview-plan"): {"json": {
            "practice": {"id": "p", "text_zh": "练习", "text_en": "Practice"},
            "competencies": [{"key": "communication", "questions": [{"id": "q1", "text_zh": "问题", "text_en": "Question"}]}]}},
        ("POST", "/api/v1/applications/{application_id}/interview"): {"json": {}},
        ("POST", "/api/v1/interviews/bulk"): {"json": {"application_ids": [str(tenant.application_id)]}},
        ("POST", "/api/v1/interviews/{interview_id}/resend"): {"json": {}},
        ("POST", "/api/v1/interviews/{interview_id}/extend"): {"json": {"days": 1}},
        ("POST", "/api/v1/interviews/{interview_id}/cancel"): {"json": {"reason": "probe"}},
        ("POST", "/login"): {"data": {**form, "email": "nobody@x.example", "password": "wrong-password"}},
        ("POST", "/api/v1/jobs/{job_id}/scoring-models"): {"json": {"weights": {"parts": {"content": 1}}, "notes": "probe"}},
        ("PUT", "/api/v1/jobs/{job_id}/scoring-models"): {"json": {"version": 1, "weights": {}}},
        ("POST", "/api/v1/jobs/{job_id}/scoring-models/activate"): {"json": {"version": 1}},
        ("POST", "/api/v1/interviews/{interview_id}/assessment"): {"json": {}},
        ("POST", "/api/v1/applications/{application_id}/override"): {"json": {"recommendation": "hold", "reason": "probe"}},
        ("POST", "/api/v1/applications/{application_id}/decisions"): {"json": {"decision": "hold", "reason": "probe"}},
        ("PUT", "/api/v1/applications/{application_id}/scorecard"): {"json": {"overall": 3, "recommendation": "hold"}},
        ("POST", "/api/v1/interviews/{interview_id}/reports/candidate/release"): {"json": {}},
        ("POST", "/applications/{application_id}/review/override"): {"data": {**form, "recommendation": "hold", "reason": "probe"}},
        ("POST", "/applications/{application_id}/review/decision"): {"data": {**form, "decision": "hold", "reason": "probe"}},
        ("POST", "/applications/{application_id}/review/scorecard"): {"data": {**form, "overall": "3", "recommendation": "hold"}},
        ("POST", "/interviews/{interview_id}/report/release"): {"data": form},
        ("PUT", "/api/v1/feedback-settings"): {"json": {"show_scores_to_candidates": False}},
    }
    kwargs = dict(bodies.get((method, path), {}))
    if method not in {"GET", "HEAD"} and (method, path) not in bodies and method != "DELETE":
        raise AssertionError(f"add a sample request body for {method} {path} in tests/routes.py")
    kwargs["headers"] = {"X-CSRF-Token": csrf} if csrf else {}
    return kwargs
