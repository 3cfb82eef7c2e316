"""Bulk upserts by remote_id (all or nothing), review scales and KPI attainment, exits and hiring."""

from __future__ import annotations

from tests.factories import api


def test_bulk_upsert_is_all_or_nothing_and_idempotent(client, tenant):
    h = api(tenant.api_key)
    people = {"items": [{"remote_id": "B1", "full_name": "One", "monthly_pay": 7000},
                        {"remote_id": "B2", "full_name": "Two", "hire_date": "2023-03-05"}]}
    r = client.post("/api/v1/employees/bulk", json=people, headers=h)
    assert r.status_code == 200, r.text
    assert (r.json()["created"], r.json()["updated"], r.json()["unchanged"]) == (2, 0, 0)
    again = client.post("/api/v1/employees/bulk", json=people, headers=h).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    assert again["ids"] == r.json()["ids"]

    # A partial item changes only what it names.
    upd = client.post("/api/v1/employees/bulk", json={"items": [{"remote_id": "B1", "job_title": "Rep"}]}, headers=h)
    assert upd.json()["updated"] == 1
    one = client.get(f"/api/v1/employees/{r.json()['ids'][0]}", headers=h).json()
    assert (one["full_name"], one["job_title"], one["monthly_pay"]) == ("One", "Rep", 7000)

    reviews = {"items": [
        {"remote_id": "R1", "employee_remote_id": "B1", "period": "2024-Q1", "rating": 4, "kpi_target": 200,
         "kpi_actual": 230},
        {"remote_id": "R2", "employee_remote_id": "GHOST", "period": "2024-Q1", "rating": 3},
        {"remote_id": "R3", "employee_remote_id": "B2", "period": "2024-Q1", "rating": 9},
    ]}
    bad = client.post("/api/v1/reviews/bulk", json=reviews, headers=h)
    assert bad.status_code == 422
    body = bad.json()["error"]
    assert body["code"] == "bulk_failed"
    assert [(e["index"], e["remote_id"]) for e in body["details"]["errors"]] == [(1, "R2"), (2, "R3")]
    assert "GHOST" in body["details"]["errors"][0]["problem"]
    assert client.get("/api/v1/reviews", headers=h).json()["items"] == []  # R1 was not written either

    good = client.post("/api/v1/reviews/bulk", json={"items": [reviews["items"][0]]}, headers=h)
    assert good.status_code == 200 and good.json()["created"] == 1
    review = client.get("/api/v1/reviews", headers=h).json()["items"][0]
    assert review["attainment_pct"] == 115.0 and review["met_target"] is True
    assert review["rating_normalised"] == 0.75  # 4 on the default 1-5 scale


def test_review_cycle_scale_normalises_and_bounds_ratings(client, tenant):
    h = api(tenant.api_key)
    client.post("/api/v1/review-cycles", json={"name": "FY24", "period": "2024", "rating_min": 1, "rating_max": 10,
                                               "higher_is_better": False}, headers=h)
    emp = client.post("/api/v1/employees", json={"remote_id": "SC1"}, headers=h).json()
    r = client.post("/api/v1/reviews", json={"employee_id": emp["id"], "period": "2024", "rating": 1,
                                             "kpi_target": 100, "kpi_actual": 80}, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["rating_normalised"] == 1.0  # 1 is best on this scale
    assert r.json()["cycle_id"] is not None
    assert (r.json()["attainment_pct"], r.json()["met_target"]) == (80.0, False)
    out = client.post("/api/v1/reviews", json={"employee_id": emp["id"], "period": "2024", "rating": 11}, headers=h)
    assert out.status_code == 422 and out.json()["error"]["code"] == "rating_out_of_scale"
    upd = client.patch(f"/api/v1/reviews/{r.json()['id']}", json={"kpi_actual": 120}, headers=h).json()
    assert (upd["attainment_pct"], upd["met_target"]) == (120.0, True)


def test_exits_mark_the_employee_and_deleting_the_exit_reverts(client, tenant):
    h = api(tenant.api_key)
    emp = client.post("/api/v1/employees", json={"remote_id": "X1"}, headers=h).json()
    ex = client.post("/api/v1/exits", json={"employee_remote_id": "X1", "exit_date": "2024-06-30",
                                            "exit_type": "voluntary", "reason_category": "compensation",
                                            "reason_text": "better offer", "regretted": True}, headers=h)
    assert ex.status_code == 201, ex.text
    assert client.get(f"/api/v1/employees/{emp['id']}", headers=h).json()["status"] == "exited"
    client.delete(f"/api/v1/exits/{ex.json()['id']}", headers=h)
    assert client.get(f"/api/v1/employees/{emp['id']}", headers=h).json()["status"] == "active"
    change = client.post("/api/v1/employment-changes", json={"employee_id": emp["id"], "kind": "promotion",
                                                             "effective_date": "2024-07-01", "to_job_title": "Lead"},
                         headers=h)
    assert change.status_code == 201 and change.json()["effective_date"] == "2024-07-01"


def test_duplicate_remote_id_on_single_create_is_a_conflict(client, tenant):
    h = api(tenant.api_key)
    assert client.post("/api/v1/employees", json={"remote_id": "DUP"}, headers=h).status_code == 201
    r = client.post("/api/v1/employees", json={"remote_id": "DUP"}, headers=h)
    assert r.status_code == 409 and r.json()["error"]["code"] == "duplicate_remote_id"


def test_hiring_a_candidate_creates_the_employee_with_interview_results(client, tenant):
    h = api(tenant.api_key)
    for stage in ("invited", "interviewed", "offer", "hired"):
        r = client.post(f"/api/v1/applications/{tenant.application_id}/stage", json={"to_stage": stage}, headers=h)
        assert r.status_code == 200, r.text
    employees = client.get("/api/v1/employees", headers=h).json()["items"]
    assert len(employees) == 1
    emp = employees[0]
    assert emp["application_id"] == str(tenant.application_id)
    assert emp["candidate_id"] == str(tenant.candidate_id)
    assert emp["full_name"] == f"{tenant.marker} Candidate" and emp["job_title"] == f"{tenant.marker} Secret Job"
    results = emp["interview_results"]
    assert [s["to"] for s in results["stage_history"]] == ["applied", "screened", "invited", "interviewed", "offer",
                                                            "hired"]
    assert results["application_id"] == str(tenant.application_id)


def test_recruiters_do_not_see_performance_data(client, tenant):
    from tests.factories import login

    login(client, tenant.emails["recruiter"])
    assert client.get("/api/v1/employees").status_code == 403
    csrf = login(client, tenant.emails["analyst"])
    assert client.get("/api/v1/employees").status_code == 200
    r = client.post("/api/v1/employees", json={"remote_id": "A"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 403 and r.json()["error"]["code"] == "permission_denied"


def test_a_deleted_cycle_can_be_created_again(client, tenant):
    h = api(tenant.api_key)
    first = client.post("/api/v1/review-cycles", json={"name": "H1", "period": "2031-H1"}, headers=h).json()
    assert client.post("/api/v1/review-cycles", json={"name": "H1", "period": "2031-H1"}, headers=h).status_code == 409
    client.delete(f"/api/v1/review-cycles/{first['id']}", headers=h)
    again = client.post("/api/v1/review-cycles", json={"name": "H1 again", "period": "2031-H1", "rating_max": 4},
                        headers=h)
    assert again.status_code == 201, again.text
    assert (again.json()["name"], again.json()["rating_max"], again.json()["deleted_at"]) == ("H1 again", 4.0, None)


def test_position_on_a_date_follows_the_effective_dated_changes(client, tenant):
    h = api(tenant.api_key)
    emp = client.post("/api/v1/employees", json={"remote_id": "P1", "job_title": "Area Manager",
                                                 "department": "Sales East", "hire_date": "2022-01-10"}, headers=h).json()
    changes = {"items": [
        {"remote_id": "P1-c1", "employee_remote_id": "P1", "kind": "promotion", "effective_date": "2023-04-01",
         "from_job_title": "Sales Rep", "to_job_title": "Senior Sales Rep"},
        {"remote_id": "P1-c2", "employee_remote_id": "P1", "kind": "transfer", "effective_date": "2024-07-01",
         "from_department": "Sales North", "to_department": "Sales East"},
        {"remote_id": "P1-c3", "employee_remote_id": "P1", "kind": "promotion", "effective_date": "2025-01-01",
         "from_job_title": "Senior Sales Rep", "to_job_title": "Area Manager"},
    ]}
    assert client.post("/api/v1/employment-changes/bulk", json=changes, headers=h).json()["created"] == 3

    def on(day):
        r = client.get(f"/api/v1/employees/{emp['id']}/position", params={"on": day}, headers=h)
        assert r.status_code == 200, r.text
        return r.json()["job_title"], r.json()["department"], r.json()["changes_after"]

    assert on("2026-01-01") == ("Area Manager", "Sales East", 0)
    assert on("2024-12-31") == ("Senior Sales Rep", "Sales East", 1)
    assert on("2024-06-30") == ("Senior Sales Rep", "Sales North", 2)
    assert on("2023-03-31") == ("Sales Rep", "Sales North", 3)
    assert on("2023-04-01") == ("Senior Sales Rep", "Sales North", 2)  # effective on that very day
