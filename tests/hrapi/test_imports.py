"""Imports into the database: dry runs and failed imports write nothing; a good file twice changes nothing twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hireloop.cli.hr import app as hr_cli
from hireloop.models import Employee, Exit, PerformanceReview
from tests.factories import api
from tests.hrapi.support import counts, rows

DATA = Path(__file__).resolve().parent.parent / "data" / "hr"
IBM = next((p for p in (Path(__file__).resolve().parents[3] / "shared/data/hr/ibm_hr_employee_attrition.csv",
                        Path("/work/shared/data/hr/ibm_hr_employee_attrition.csv")) if p.exists()), None)
EXIT_MAPPING = {"kind": "exit", "columns": {"employee_remote_id": "工号", "exit_date": "离职日期", "exit_type": "离职类型",
                                            "reason_category": "离职原因", "reason_text": "详细原因", "regretted": "是否惋惜"}}
STAFF_MAPPING = {"kind": "employee", "columns": {"remote_id": "工号", "name": "姓名", "hire_date": "入职日期"}}
REVIEW_MAPPING = {"kind": "performance_review", "columns": {"employee_remote_id": "工号", "period": "考核周期",
                                                            "rating": "绩效等级", "attainment_pct": "达成率"},
                  "rating_scale": {"minimum": 1, "maximum": 5, "labels": {"A": 5, "B": 4, "C": 3}}}
STAFF_CSV = "工号,姓名,入职日期\n1001,王芳,2023/3/5\n1002,李强,2023年4月1日\n1003,张伟,05-06-23\n1004,刘洋,2023-07-01\n1005,陈静,2023-08-01\n"


def _save(client, h, name, mapping):
    r = client.post("/api/v1/import-mappings", json={"name": name, "mapping": mapping}, headers=h)
    assert r.status_code == 200, r.text


def _upload(client, h, name, content: bytes, mapping, dry_run):
    return client.post("/api/v1/imports", files={"file": (name, content)},
                       data={"mapping": mapping, "dry_run": "true" if dry_run else "false"}, headers=h)


def test_dry_run_reports_and_writes_nothing(client, settings, tenant):
    h = api(tenant.api_key)
    _save(client, h, "hris-staff", STAFF_MAPPING)
    before = counts(settings, tenant.org_id)
    r = _upload(client, h, "staff.csv", STAFF_CSV.encode("gbk"), "hris-staff", True)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["ok"], body["dry_run"], body["applied"], body["counts"]["employees"]) == (True, True, False, 5)
    assert counts(settings, tenant.org_id) == before


def test_a_failed_import_writes_nothing(client, settings, tenant):
    h = api(tenant.api_key)
    _save(client, h, "hris-staff", STAFF_MAPPING)
    _save(client, h, "beisen-exits", EXIT_MAPPING)
    assert _upload(client, h, "staff.csv", STAFF_CSV.encode(), "hris-staff", False).status_code == 200
    before = counts(settings, tenant.org_id)

    # 1. The file itself has an error (row 7: an exit type nobody knows): refused before anything is written.
    r = _upload(client, h, "exits_gbk.csv", (DATA / "exits_gbk.csv").read_bytes(), "beisen-exits", False)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "import_failed"
    assert [(i["row"], i["column"], i["problem"]) for i in err["details"]["issues"] if i["severity"] == "error"] == [
        (7, "离职类型", "unknown exit type: 调走")]
    assert counts(settings, tenant.org_id) == before

    # 2. Clean cells, but one review names an employee that does not exist: the other rows are not written either.
    reviews = "工号,考核周期,绩效等级,达成率\n1001,2024Q1,A,105%\n1002,2024Q1,B,98%\n9999,2024Q1,C,80%\n".encode()
    _save(client, h, "hris-reviews", REVIEW_MAPPING)
    r = _upload(client, h, "reviews.csv", reviews, "hris-reviews", False)
    assert r.status_code == 422
    assert [(i["row"], i["problem"]) for i in r.json()["error"]["details"]["issues"]] == [
        (4, "no employee with remote_id 9999")]
    assert counts(settings, tenant.org_id) == before

    # 3. A missing required column.
    r = _upload(client, h, "x.csv", (DATA / "exits_missing_column.csv").read_bytes(), "beisen-exits", False)
    assert r.status_code == 422
    assert r.json()["error"]["details"]["issues"][0]["problem"] == "required column missing (needed for exit_date)"
    assert counts(settings, tenant.org_id) == before


def test_importing_the_same_file_twice_changes_nothing_the_second_time(client, settings, tenant):
    h = api(tenant.api_key)
    _save(client, h, "hris-staff", STAFF_MAPPING)
    _save(client, h, "hris-reviews", REVIEW_MAPPING)
    reviews = "工号,考核周期,绩效等级,达成率\n1001,2024Q1,A,105%\n1002,2024Q1,B,98%\n".encode("utf-8-sig")
    first = _upload(client, h, "staff.csv", STAFF_CSV.encode(), "hris-staff", False).json()
    assert first["changes"]["employees"] == {"created": 5, "updated": 0, "unchanged": 0}
    assert _upload(client, h, "r.csv", reviews, "hris-reviews", False).json()["changes"]["reviews"]["created"] == 2
    snapshot = {m: rows(settings, m, tenant.org_id) for m in (Employee, PerformanceReview, Exit)}

    second = _upload(client, h, "staff.csv", STAFF_CSV.encode(), "hris-staff", False).json()
    assert second["changes"]["employees"] == {"created": 0, "updated": 0, "unchanged": 5}
    again = _upload(client, h, "r.csv", reviews, "hris-reviews", False).json()
    assert again["changes"]["reviews"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert {m: rows(settings, m, tenant.org_id) for m in (Employee, PerformanceReview, Exit)} == snapshot

    got = client.get("/api/v1/reviews", params={"period": "2024-Q1"}, headers=h).json()["items"]
    assert sorted((r["rating"], r["attainment_pct"], r["met_target"]) for r in got) == [(4.0, 98.0, False),
                                                                                       (5.0, 105.0, True)]


def test_upload_errors_are_clear(client, tenant, monkeypatch):
    h = api(tenant.api_key)
    r = _upload(client, h, "x.csv", b"a,b\n1,2\n", "no-such-mapping", True)
    assert r.status_code == 404 and "ibm_hr_attrition" in r.json()["error"]["message"]
    monkeypatch.setattr("hireloop.integrations.router.DEFAULT_MAX_BYTES", 100)
    r = _upload(client, h, "big.csv", b"x" * 101, "ibm_hr_attrition", True)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = client.post("/api/v1/imports", data={"mapping": "ibm_hr_attrition"}, headers=h)
    assert r.status_code == 422  # no file
    bad = client.post("/api/v1/import-mappings", json={"name": "bad", "mapping": {"kind": "exit", "columns": {"x": "y"}}},
                      headers=h)
    assert bad.status_code == 422 and "has no field 'x'" in bad.json()["error"]["message"]


@pytest.mark.skipif(IBM is None, reason="the IBM HR export is not on this machine (../shared/data/hr)")
def test_the_ibm_export_imports_end_to_end_through_the_cli(client, settings, tenant):
    runner = CliRunner()
    dry = runner.invoke(hr_cli, ["import", str(IBM), "--mapping", "ibm_hr_attrition", "--org", tenant.slug,
                                 "--dry-run", "--json"])
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.output)["counts"]["employees"] == 1470
    assert counts(settings, tenant.org_id)["employees"] == 0

    first = runner.invoke(hr_cli, ["import", str(IBM), "--mapping", "ibm_hr_attrition", "--org", tenant.slug, "--json"])
    assert first.exit_code == 0, first.output
    changes = json.loads(first.output)["changes"]
    assert changes["employees"] == {"created": 1470, "updated": 0, "unchanged": 0}
    assert changes["exits"] == {"created": 237, "updated": 0, "unchanged": 0}  # Attrition = Yes
    second = runner.invoke(hr_cli, ["import", str(IBM), "--mapping", "ibm_hr_attrition", "--org", tenant.slug])
    assert second.exit_code == 0, second.output
    assert "employees: 0 created, 0 updated, 1470 unchanged" in second.output

    h = api(tenant.api_key)
    exited = client.get("/api/v1/employees", params={"status": "exited", "limit": 200}, headers=h).json()
    assert len(exited["items"]) == 200 and exited["next_cursor"]
    one = client.get("/api/v1/employees", params={"remote_id": "ibm-1"}, headers=h).json()["items"][0]
    assert (one["age"], one["department"], one["job_title"], one["sex"]) == (41, "Sales", "Sales Executive", "female")
    assert one["attributes"]["OverTime"] == "Yes" and one["status"] == "exited"


def test_cli_mapping_save_and_list(settings, tenant, tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(EXIT_MAPPING, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(hr_cli, ["mapping", "save", "beisen-exits", str(path), "--org", tenant.slug])
    assert r.exit_code == 0, r.output
    listed = runner.invoke(hr_cli, ["mapping", "list", "--org", tenant.slug]).output
    assert "beisen-exits\texit\tsaved" in listed and "ibm_hr_attrition\temployee\tpreset" in listed
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "exit"}', encoding="utf-8")
    r = runner.invoke(hr_cli, ["mapping", "save", "x", str(bad), "--org", tenant.slug])
    assert r.exit_code == 2
