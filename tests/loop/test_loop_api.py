"""The loop on an organization's own rows: demo load, analyses through the API equal the ml library's."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from hireloop.loop import analytics as an
from hireloop.loop.demo import demo_params, load_demo_history
from hireloop.ml.quality import hire_quality
from hireloop.ml.synth import BiasInjection, simulate_history
from hireloop.models import Employee, Exit, PerformanceReview
from sqlalchemy import func, select
from tests.factories import login


def _counts(session, org_id):
    return tuple(session.scalar(select(func.count()).select_from(m).where(m.org_id == org_id))
                 for m in (Employee, PerformanceReview, Exit))


def _load(settings, org_id, **kw):
    from hireloop.db import unit_of_work

    with unit_of_work(settings) as uow:
        out = load_demo_history(uow.session, org_id, demo_params(**kw))
        uow.commit()
    return out


def test_demo_load_is_idempotent_and_outcomes_match_the_simulation(settings, tenant):
    from hireloop.db import unit_of_work

    first = _load(settings, tenant.org_id)
    assert not first.skipped and first.employees > 200 and first.reviews > first.employees and first.exits > 20
    with unit_of_work(settings) as uow:
        before = _counts(uow.session, tenant.org_id)
    second = _load(settings, tenant.org_id)
    assert second.skipped and (second.employees, second.reviews, second.exits) == (0, 0, 0)
    with unit_of_work(settings) as uow:
        assert _counts(uow.session, tenant.org_id) == before
        frames = an.load_frames(uow.session, tenant.org_id)
    # outcomes rebuilt from the stored rows equal the simulation's own
    sim = simulate_history(demo_params()).hires.set_index("employee_id")
    got = frames.hires.assign(sid=frames.hires["employee_id"].str.removeprefix("synth-")).set_index("sid")
    got = got.loc[sim.index]
    np.testing.assert_allclose(got["attainment_6m"].to_numpy(float), sim["attainment_6m"].to_numpy(float),
                               atol=1e-3, equal_nan=True)
    np.testing.assert_array_equal(got["early_exit"].to_numpy(float), sim["early_exit"].to_numpy(float))


def test_api_hire_quality_equals_the_library_and_roles(settings, tenant, client):
    from hireloop.db import unit_of_work

    _load(settings, tenant.org_id)
    login(client, tenant.emails["analyst"])
    r = client.get("/api/v1/loop/hire-quality")
    assert r.status_code == 200, r.text
    body = r.json()
    with unit_of_work(settings) as uow:
        frames = an.load_frames(uow.session, tenant.org_id)
    want = hire_quality(frames.hires)
    assert body["n_hires"] == want.n_hires
    assert body["top"]["met_target"]["estimate"] == pytest.approx(want.top.met_target.estimate)
    assert body["bottom"]["n_performance"] == want.bottom.n_performance
    assert body["sentence_zh"] == want.sentence_zh and "面试评分前20%" in body["sentence_zh"]
    job = frames.hires["job"].value_counts().index[0]
    rj = client.get("/api/v1/loop/hire-quality", params={"job": job})
    assert rj.status_code == 200 and rj.json()["n_hires"] == int((frames.hires["job"] == job).sum())
    v = client.get("/api/v1/loop/validity", params={"job": job})
    assert v.status_code == 200, v.text
    assert v.json()["coefficients"] and len(v.json()["weights"]["weights"]) == 4
    risk = client.get("/api/v1/loop/at-risk", params={"band": "medium"})
    assert risk.status_code == 200, risk.text
    items = risk.json()["items"]
    assert risk.json()["source"] == "computed" and risk.json()["model"] is None  # no refresh has stored scores yet
    assert items and all(i["employee_id"].startswith("synth-") for i in items)
    assert [i["risk"] for i in items] == sorted((i["risk"] for i in items), reverse=True)
    assert client.get("/api/v1/loop/hire-quality", params={"job": "no such job"}).status_code == 422
    login(client, tenant.emails["recruiter"])
    for path in ("/api/v1/loop/hire-quality", "/api/v1/loop/bias-audit", "/api/v1/loop/at-risk"):
        assert client.get(path).status_code == 403


def test_bias_audit_csv_flags_injected_bias(settings, tenant, client):
    _load(settings, tenant.org_id, seed=5, applicants_per_month=20,
          bias=BiasInjection(column="sex", value="female", score_shift=-1.0, selection_shift=0.0))
    login(client, tenant.emails["analyst"])
    r = client.get("/api/v1/loop/bias-audit", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {"category", "group", "n", "rate", "impact_ratio", "four_fifths_flag"} <= set(rows[0])
    female = next(x for x in rows if x["category"] == "sex" and x["group"] == "female")
    assert female["four_fifths_flag"] == "True"
    assert any(x["group"] == "(unknown)" for x in rows)
    assert client.get("/api/v1/loop/bias-audit").json()["flagged"] >= 1


def test_no_bias_is_flagged_by_sex_when_none_is_injected(settings, tenant, client):
    _load(settings, tenant.org_id, seed=5, applicants_per_month=20)
    login(client, tenant.emails["analyst"])
    rows = client.get("/api/v1/loop/bias-audit").json()["rows"]
    assert not any(x["four_fifths_flag"] for x in rows if x["category"] == "sex")


def test_loop_pages_say_what_to_do_without_data(tenant, client):
    login(client, tenant.emails["analyst"])
    r = client.get("/api/v1/loop/hire-quality")
    assert r.status_code == 422 and "hireloop loop demo" in r.json()["error"]["message"]


def test_dashboard_renders_charts_tables_and_csv_link(settings, tenant, client):
    _load(settings, tenant.org_id)
    login(client, tenant.emails["analyst"])
    r = client.get("/loop")
    assert r.status_code == 200, r.text
    assert r.text.count("<svg") >= 2 and "<rect" in r.text
    assert "/api/v1/loop/bias-audit?format=csv" in r.text and "top 20%" in r.text
    client.get("/lang/zh-CN")
    zh = client.get("/loop", params={"job": "store_promoter"})
    assert zh.status_code == 200 and "面试评分前20%" in zh.text and "<svg" in zh.text
    login(client, tenant.emails["recruiter"])
    assert client.get("/loop").status_code == 403


def test_dashboard_without_data_says_what_to_do(tenant, client):
    login(client, tenant.emails["analyst"])
    r = client.get("/loop")
    assert r.status_code == 200 and "hireloop loop demo" in r.text


def test_accepting_a_weight_proposal_creates_a_new_scoring_model_version(settings, tenant, client):
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work
    from hireloop.jobs import service as jobs
    from hireloop.jobs.schemas import CompetencyIn, JobCreate
    from tests.factories import ANCHORS

    _load(settings, tenant.org_id)
    keys = ("customer_relationship", "communication", "resilience", "creativity")  # the store promoter's
    with unit_of_work(settings) as uow:
        job = jobs.create(uow.session, system_actor(tenant.org_id, "test"), data=JobCreate(
            title="Store promoter", competencies=[CompetencyIn(key=k, name=k, anchors=ANCHORS) for k in keys]))
        other = jobs.create(uow.session, system_actor(tenant.org_id, "test"), data=JobCreate(
            title="Warehouse", competencies=[CompetencyIn(key="punctuality", name="Punctuality", anchors=ANCHORS)]))
        uow.commit()
        job_id, other_id = str(job.id), str(other.id)
    csrf = login(client, tenant.emails["analyst"])
    r = client.post("/api/v1/loop/weights/accept", json={"job_id": job_id, "loop_job": "store_promoter",
                                                         "activate": True}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "active" and body["version"] == 2  # version 1: the default weights
    proposed = {w["competency"]: w["proposed"] for w in body["proposal"]["weights"]}
    assert body["weights"]["competencies"] == pytest.approx({k: round(v, 4) for k, v in proposed.items()})
    # the strongest true driver of store-promoter performance gets the largest weight
    assert max(proposed, key=proposed.get) == "customer_relationship"
    decided = client.get("/api/v1/loop/weights/decisions").json()["items"]
    assert [(d["decision"], d["scoring_model_version"], d["job_id"]) for d in decided] == [("accepted", 2, job_id)]
    versions = client.get(f"/api/v1/jobs/{job_id}/scoring-models").json()
    assert len(versions if isinstance(versions, list) else versions["items"]) == 2
    wrong = client.post("/api/v1/loop/weights/accept", json={"job_id": other_id, "loop_job": "store_promoter"},
                        headers={"X-CSRF-Token": csrf})
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "no_matching_competencies"
