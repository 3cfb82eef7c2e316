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
    ("GET", "/i/{token}/explanation"),
}

# Path parameters and the tenant attribute that fills them.
PARAMS = {"job_id": "job_id", "candidate_id": "candidate_id", "application_id": "application_id", "key_id": "api_key_id",
          "interview_id": "interview_id", "answer_id": "answer_id", "import_id": "import_id"}
# Ids of performance and integration records, taken from tenant.extra when a test put them there (tests/hrapi
# does, with real records of both tenants); otherwise an unknown id, which must look exactly like another
# tenant's.
EXTRA_PARAMS = ["employee_id", "cycle_id", "review_id", "change_id", "exit_id", "subscription_id", "delivery_id",
                "mapping_id", "request_id"]


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


RESUME = "张三\n电话 13800001111\n2019-2024 宝洁 销售代表\n本科 市场营销".encode()


def fill(path: str, tenant) -> str:
    for name, attr in PARAMS.items():
        path = path.replace("{" + name + "}", str(getattr(tenant, attr)))
    for name in EXTRA_PARAMS:
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", str(tenant.extra.get(name) or uuid.uuid4()))
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
        **hr_bodies(tenant, uniq),
        ("POST", "/jobs"): {"data": {**form, "title": f"Probe job {uniq}", "country": "CN"}},
        ("POST", "/candidates"): {"data": {**form, "full_name": "Probe", "email": f"probe.{uniq}@x.example"}},
        ("POST", "/applications/{application_id}/move"): {"data": {**form, "to_stage": "invited", "reason": "probe"}},
        ("POST", "/logout"): {"data": form},
        ("POST", "/api/v1/jobs/from-template"): {"json": {"template_key": "fmcg_store_promoter", "city": "广州"}},
        ("POST", "/api/v1/jobs/{job_id}/resumes"): {"files": {"files": ("probe.txt", RESUME, "text/plain")}},
        ("POST", "/jobs/{job_id}/resumes"): {"data": form, "files": {"files": ("probe.txt", RESUME, "text/plain")}},
        ("POST", "/api/v1/jobs/{job_id}/shortlist"): {"json": {"application_ids": [str(tenant.application_id)]}},
        ("POST", "/jobs/{job_id}/shortlist"): {"data": {**form, "application_ids": [str(tenant.application_id)]}},
        ("POST", "/jobs/{job_id}/requirements"): {"data": {**form, "min_years": "2", "preferred_skills": "KA"}},
        ("POST", "/jobs/{job_id}/invite"): {"data": {**form, "application_ids": [str(tenant.application_id)]}},
        ("POST", "/interviews/{interview_id}/action"): {"data": {**form, "action": "resend"}},
        ("PUT", "/api/v1/jobs/{job_id}/interview-plan"): {"json": {
            "practice": {"id": "p", "text_zh": "练习", "text_en": "Practice"},
            "competencies": [{"key": "communication", "questions": [{"id": "q1", "text_zh": "问题", "text_en": "Question"}]}]}},
        ("POST", "/api/v1/applications/{application_id}/interview"): {"json": {}},
        ("POST", "/api/v1/candidates/{candidate_id}/erase"): {"json": {"reason": "probe"}},
        ("POST", "/api/v1/interviews/bulk"): {"json": {"application_ids": [str(tenant.application_id)]}},
        ("POST", "/api/v1/interviews/{interview_id}/resend"): {"json": {}},
        ("POST", "/api/v1/interviews/{interview_id}/extend"): {"json": {"days": 1}},
        ("POST", "/api/v1/interviews/{interview_id}/cancel"): {"json": {"reason": "probe"}},
        ("POST", "/login"): {"data": {**form, "email": "nobody@x.example", "password": "wrong-password"}},
        ("POST", "/api/v1/jobs/{job_id}/scoring-models"): {"json": {"weights": {"parts": {"content": 1}}, "notes": "probe"}},
        ("PUT", "/api/v1/jobs/{job_id}/scoring-models"): {"json": {"version": 1, "weights": {}}},
        ("POST", "/api/v1/jobs/{job_id}/scoring-models/activate"): {"json": {"version": 1}},
        ("POST", "/api/v1/loop/weights/accept"): {"json": {"job_id": str(tenant.job_id), "loop_job": "probe"}},
        ("POST", "/api/v1/loop/weights/reject"): {"json": {"loop_job": "probe", "reason": "probe"}},
        ("POST", "/api/v1/loop/models/attrition/train"): {"json": {}},
        ("POST", "/api/v1/loop/models/performance/train"): {"json": {}},
        ("POST", "/loop/models/train"): {"data": {**form, "kind": "performance"}},
        ("POST", "/loop/weights/accept"): {"data": {**form, "job_id": str(tenant.job_id), "loop_job": "probe"}},
        ("POST", "/loop/weights/reject"): {"data": {**form, "loop_job": "probe", "reason": "probe"}},
        ("POST", "/loop/audit-groups"): {"data": {**form, "groups": ["hukou"]}},
        ("PUT", "/api/v1/loop/audit-groups"): {"json": {"groups": ["hukou"]}},
        ("POST", "/api/v1/loop/group-data"): {"json": {"items": [{"applicant": "probe", "groups": {"hukou": "local"}}]}},
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
        ("POST", "/requests/{request_id}/action"): {"data": {**form, "action": "close", "outcome": "probe"}},
        ("POST", "/api/v1/candidate-requests/{request_id}/close"): {"json": {"outcome": "probe"}},
        ("POST", "/requests/{request_id}/erase"): {"data": {**form, "confirm": "yes"}},
    }
    kwargs = dict(bodies.get((method, path), {}))
    if method not in {"GET", "HEAD"} and (method, path) not in bodies and method != "DELETE":
        raise AssertionError(f"add a sample request body for {method} {path} in tests/routes.py")
    kwargs["headers"] = {"X-CSRF-Token": csrf} if csrf else {}
    return kwargs


def hr_bodies(tenant, uniq: str) -> dict:
    """Sample requests of the performance, webhook and import routes."""
    employee = str(tenant.extra.get("employee_id") or uuid.uuid4())
    nobody = {"employee_remote_id": f"nobody-{uniq}"}
    mapping = {"kind": "exit", "columns": {"employee_remote_id": "工号", "exit_date": "离职日期"}}
    csv = "EmployeeNumber,Age,Attrition,Department,JobRole,MonthlyIncome,Gender\n1,30,No,Sales,Rep,5000,Male\n"
    return {
        ("POST", "/api/v1/employees"): {"json": {"remote_id": f"probe-{uniq}", "full_name": "Probe"}},
        ("POST", "/api/v1/employees/bulk"): {"json": {"items": [{"remote_id": f"probe-{uniq}"}]}},
        ("PATCH", "/api/v1/employees/{employee_id}"): {"json": {"job_title": "Changed by probe"}},
        ("GET", "/api/v1/employees/{employee_id}/position"): {"params": {"on": "2024-06-30"}},
        ("POST", "/api/v1/review-cycles"): {"json": {"name": "Probe", "period": f"P-{uniq}"}},
        ("PATCH", "/api/v1/review-cycles/{cycle_id}"): {"json": {"name": "Changed by probe"}},
        ("POST", "/api/v1/reviews"): {"json": {"employee_id": employee, "period": "2024-Q1", "rating": 3}},
        ("POST", "/api/v1/reviews/bulk"): {"json": {"items": [{"remote_id": f"r-{uniq}", "period": "2024-Q1", **nobody}]}},
        ("PATCH", "/api/v1/reviews/{review_id}"): {"json": {"comment": "changed by probe"}},
        ("POST", "/api/v1/employment-changes"): {"json": {"employee_id": employee, "kind": "promotion",
                                                          "effective_date": "2024-01-01"}},
        ("POST", "/api/v1/employment-changes/bulk"): {"json": {"items": [
            {"remote_id": f"c-{uniq}", "kind": "transfer", "effective_date": "2024-01-01", **nobody}]}},
        ("POST", "/api/v1/exits"): {"json": {"employee_id": employee, "exit_date": "2024-06-30"}},
        ("POST", "/api/v1/exits/bulk"): {"json": {"items": [{"remote_id": f"x-{uniq}", **nobody}]}},
        ("POST", "/api/v1/webhook-subscriptions"): {"json": {"url": "https://93.184.216.34/hook", "event_types": ["*"]}},
        ("PATCH", "/api/v1/webhook-subscriptions/{subscription_id}"): {"json": {"description": "changed by probe"}},
        ("POST", "/api/v1/webhook-deliveries/{delivery_id}/replay"): {"json": {}},
        ("POST", "/api/v1/webhook-subscriptions/{subscription_id}/rotate-secret"): {"json": {}},
        ("POST", "/api/v1/import-mappings"): {"json": {"name": f"probe-{uniq}", "mapping": mapping}},
        ("POST", "/api/v1/imports"): {"files": {"file": ("probe.csv", csv.encode())},
                                      "data": {"mapping": "ibm_hr_attrition", "dry_run": "true"}},
    }
