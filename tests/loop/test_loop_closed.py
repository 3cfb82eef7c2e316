"""The closed loop's analyst tools on one shared demo history: profiles, leavers and screening rules, the funnel,
selection audits, saved models with cards, predictions, weight decisions and the scheduled risk refresh."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from hireloop.loop.demo import demo_params, funnel_stages
from hireloop.ml.synth import BiasInjection, simulate_history
from tests.factories import login, make_tenant


@pytest.fixture(scope="module")
def demo(settings):
    """One organization holding the demo history (default seed), shared by this module's tests."""
    tenant = make_tenant(settings)
    _load(settings, tenant.org_id)
    return tenant


@pytest.fixture(scope="module")
def truth():
    """The simulation the demo history was stored from, with each applicant's stored stage."""
    hist = simulate_history(demo_params())
    apps = hist.applicants.assign(stage=funnel_stages(hist.applicants["hired"].to_numpy(bool), hist.params.seed))
    return hist, apps


def _load(settings, org_id, **kw):
    from hireloop.db import unit_of_work
    from hireloop.loop.demo import load_demo_history

    with unit_of_work(settings) as uow:
        out = load_demo_history(uow.session, org_id, demo_params(**kw))
        uow.commit()
    return out


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_profile_shows_the_true_strongest_competency_of_each_job(demo, truth, client):
    hist, _ = truth
    login(client, demo.emails["analyst"])
    r = client.get("/api/v1/loop/profile")
    assert r.status_code == 200, r.text
    profiles = {p["job"]: p for p in r.json()["profiles"]}
    assert set(profiles) == {j.key for j in hist.params.jobs}
    for key, weights in hist.true_weights.items():
        p = profiles[key]
        strongest, weakest = max(weights, key=weights.get), min(weights, key=weights.get)
        traits = {t["competency"]: t for t in p["traits"]}
        assert set(traits) == set(weights)  # only the job's own competencies
        # top performers score high on the strongest true driver more often than the others do
        assert traits[strongest]["share_top"]["estimate"] > traits[strongest]["share_rest"]["estimate"] + 0.15
        assert p["traits"][0]["competency"] != weakest
        assert strongest in {s["competency"] for s in p["suggestions"]}
        assert p["n_top"] == pytest.approx(0.2 * p["n"], abs=1)
    one = client.get("/api/v1/loop/profile", params={"job": "store_promoter"}).json()["profiles"]
    assert len(one) == 1 and one[0]["job"] == "store_promoter" and "%" in one[0]["summary_zh"]
    rows = _csv(client.get("/api/v1/loop/profile", params={"format": "csv", "job": "store_promoter"}).text)
    assert len(rows) == 4 and {"competency", "share_top.estimate", "difference"} <= set(rows[0])


def test_leavers_and_screening_rules_report_effects_before_applying(demo, truth, client):
    _, apps = truth
    login(client, demo.emails["analyst"])
    r = client.get("/api/v1/loop/leavers")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["n_early_leavers"] > 10 and body["rules"]
    # composure lowers both speech-rate variation and exits: early leavers vary their speech rate more
    cv = next(c for c in body["comparisons"] if c["measure"] == "speech_rate_cv" and c["group"] == "all early leavers")
    assert cv["std_difference"] > 0 and cv["p_value"] < 0.05
    seen = apps[apps["stage"].isin(["interviewed", "offered", "hired"])]
    assert body["n_applicants"] == len(seen)
    for rule in body["rules"]:
        assert 0.7 <= rule["pass_rate"] <= 1 and rule["early_exit_if_applied"] < rule["early_exit_now"]
        assert rule["reduction"]["low"] > 0
        assert 0 < rule["min_impact_ratio"] <= 1 and rule["adverse_impact"] == (rule["min_impact_ratio"] < 0.8)
        # by sex, age band and the demo's configured extra group
        assert {g.split("=")[0] for g, _ in rule["impact_ratios"]} == {"sex", "age_band", "hukou"}
        # the pass rate is that of every interviewed applicant, hired or not
        x = seen[rule["measure"]].astype(float)
        passed = x <= rule["threshold"] if rule["operator"] == "<=" else x >= rule["threshold"]
        assert rule["pass_rate"] == pytest.approx(float((passed | x.isna()).mean()))
    rules = _csv(client.get("/api/v1/loop/leavers", params={"format": "csv", "table": "rules"}).text)
    assert len(rules) == len(body["rules"]) and {"text_en", "pass_rate", "min_impact_ratio"} <= set(rules[0])
    job = client.get("/api/v1/loop/leavers", params={"job": "store_promoter"})
    assert job.status_code == 200 and job.json()["n_hires"] < body["n_hires"]


def test_funnel_and_score_histogram_count_every_applicant(demo, truth, client):
    hist, apps = truth
    login(client, demo.emails["analyst"])
    body = client.get("/api/v1/loop/funnel").json()
    steps = {s["stage"]: s["n"] for s in body["funnel"]}
    assert steps["applied"] == len(apps) and steps["hired"] == int(apps["hired"].sum()) == len(hist.hires)
    assert list(steps.values()) == sorted(steps.values(), reverse=True)
    assert steps["interviewed"] == int(apps["stage"].isin(["interviewed", "offered", "hired"]).sum())
    bins = body["score_histogram"]
    assert sum(b["n"] for b in bins) == steps["interviewed"] and sum(b["n_hired"] for b in bins) == steps["hired"]
    rows = _csv(client.get("/api/v1/loop/funnel", params={"format": "csv", "job": "store_promoter"}).text)
    assert [x["stage"] for x in rows] == ["applied", "screened", "interviewed", "offered", "hired"]
    assert int(rows[0]["n"]) == int((apps["job"] == "store_promoter").sum())


def test_selection_audit_matches_counts_and_flags_nothing_without_bias(demo, truth, client):
    _, apps = truth
    login(client, demo.emails["analyst"])
    body = client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json()
    assert body["kind"] == "selection" and body["population"] == "applicants" and body["n"] == len(apps)
    rows = {(x["category"], x["group"]): x for x in body["rows"]}
    female = rows[("sex", "female")]
    assert female["n"] == int((apps["sex"] == "female").sum())
    assert female["n_positive"] == int(((apps["sex"] == "female") & apps["hired"]).sum())
    assert rows[("sex", "(unknown)")]["n"] == int(apps["sex"].isna().sum())
    assert any(c == "sex × age_band" for c, _ in rows)
    assert not any(x["four_fifths_flag"] for x in body["rows"] if x["category"] == "sex")
    csv_rows = _csv(client.get("/api/v1/loop/bias-audit", params={"kind": "selection", "format": "csv"}).text)
    assert {"selection"} == {x["kind"] for x in csv_rows if x["group"] != "(unknown)"}
    scoring = client.get("/api/v1/loop/bias-audit", params={"kind": "scoring"}).json()
    assert scoring["kind"] == "scoring" and scoring["population"] == "interviewed applicants"


def test_selection_audit_flags_injected_selection_bias(settings, tenant, client):
    _load(settings, tenant.org_id, seed=5, bias=BiasInjection(column="sex", value="female", score_shift=0.0,
                                                              selection_shift=-0.8))
    login(client, tenant.emails["analyst"])
    body = client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json()
    female = next(x for x in body["rows"] if x["category"] == "sex" and x["group"] == "female")
    assert female["four_fifths_flag"] and female["impact_ratio"] < 0.8 and body["flagged"] >= 1


def test_models_train_with_cards_and_predict_with_reasons(demo, client):
    csrf = login(client, demo.emails["analyst"])
    r = client.post("/api/v1/loop/models/performance/train", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    trained = r.json()
    assert trained["registry_version"] >= 1 and "start month" in trained["validation"]
    assert trained["metrics"]["r2"] > 0.1 and 0 <= trained["metrics"]["ece"] <= 1  # scores drive performance
    models = {m["name"]: m for m in client.get("/api/v1/loop/models").json()["models"]}
    card = models["performance"]["versions"][0]
    assert card["version"] == trained["registry_version"] and card["metrics"]["r2"] == pytest.approx(trained["metrics"]["r2"])
    assert not {"sex", "age_band"} & set(card["features"])
    pred = client.get("/api/v1/loop/predictions", params={"limit": 5})
    assert pred.status_code == 200, pred.text
    items = pred.json()["items"]
    assert len(items) == 5 and all(0 <= i["p_met_target"] <= 1 and i["factors"] for i in items)
    assert all(i["stage"] != "hired" for i in items)
    assert not {"sex", "age_band"} & {f["feature"] for i in items for f in i["factors"]}
    assert client.post("/api/v1/loop/models/nothing/train", headers={"X-CSRF-Token": csrf}).status_code in (404, 405)
    att = client.post("/api/v1/loop/models/attrition/train", headers={"X-CSRF-Token": csrf})
    assert att.status_code == 201, att.text
    att = att.json()
    assert att["name"] == "attrition_3m" and att["metrics"]["auc"] > 0.65 and "month" in att["validation"]
    assert att["risk_refresh"]["model_version"] == att["registry_version"] and att["risk_refresh"]["scored"] > 100
    assert {"performance", "attrition_3m"} <= {m["name"] for m in client.get("/api/v1/loop/models").json()["models"]}
    rcsrf = login(client, demo.emails["recruiter"])
    assert client.get("/api/v1/loop/models").status_code == 403
    r = client.post("/api/v1/loop/models/performance/train", headers={"X-CSRF-Token": rcsrf})
    assert r.status_code == 403 and r.json()["error"]["code"] == "permission_denied"


def test_weight_rejection_is_recorded_and_listed(settings, demo, client):
    from hireloop.db import unit_of_work
    from hireloop.models import AuditEvent

    csrf = login(client, demo.emails["analyst"])
    r = client.post("/api/v1/loop/weights/reject", json={"loop_job": "store_promoter", "reason": "too few hires"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    assert client.post("/api/v1/loop/weights/reject", json={"loop_job": "store_promoter", "reason": ""},
                       headers={"X-CSRF-Token": csrf}).status_code == 422
    import uuid as _uuid  # a job of another organization (or none) is not one of ours: nothing is recorded

    other = client.post("/api/v1/loop/weights/reject", headers={"X-CSRF-Token": csrf},
                        json={"loop_job": "store_promoter", "reason": "x", "job_id": str(_uuid.uuid4())})
    assert other.status_code == 404 and other.json()["error"]["code"] == "job_not_found"
    items = client.get("/api/v1/loop/weights/decisions", params={"job": "store_promoter"}).json()["items"]
    assert len(items) == 1
    d = items[0]
    assert d["decision"] == "rejected" and d["reason"] == "too few hires" and d["decided_by"]
    assert set(d["weights"]) == {"customer_relationship", "communication", "resilience", "creativity"}
    rows = _csv(client.get("/api/v1/loop/weights/decisions", params={"format": "csv"}).text)
    assert rows[0]["decision"] == "rejected" and rows[0]["reason"] == "too few hires"
    with unit_of_work(settings) as uow:
        ev = uow.session.scalars(select(AuditEvent).where(AuditEvent.org_id == demo.org_id,
                                                          AuditEvent.action == "loop.weights_rejected")).all()
    assert len(ev) == 1 and ev[0].entity_id == d["id"]


def test_scheduled_refresh_stores_scores_that_at_risk_reads(settings, demo, client):
    from hireloop import dispatch
    from hireloop.db import unit_of_work
    from hireloop.models import RiskScoreRow

    assert ("loop.refresh_risk", 7 * 24 * 3600.0) in dispatch.PERIODIC
    with unit_of_work(settings) as uow:
        dispatch.enqueue(uow.session, "loop.refresh_risk", org_id=demo.org_id, org=str(demo.org_id))
        uow.commit()
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with unit_of_work(settings) as uow:
        stored = uow.session.scalars(select(RiskScoreRow).where(RiskScoreRow.org_id == demo.org_id)).all()
    assert stored and {s.model_name for s in stored} == {"attrition_3m"} and len({s.computed_at for s in stored}) == 1
    login(client, demo.emails["analyst"])
    body = client.get("/api/v1/loop/at-risk", params={"band": "low", "limit": 500}).json()
    assert body["source"] == "stored" and body["model"] == {"name": "attrition_3m", "version": stored[0].model_version}
    assert body["computed_at"] and len(body["items"]) == len(stored) == body["n_scored"]
    risks = [i["risk"] for i in body["items"]]
    assert risks == sorted(risks, reverse=True)
    assert sorted(risks) == pytest.approx(sorted(s.risk for s in stored))
    high = client.get("/api/v1/loop/at-risk").json()["items"]
    assert all(i["band"] == "high" for i in high) and len(high) == sum(s.band == "high" for s in stored)
    rows = _csv(client.get("/api/v1/loop/at-risk", params={"format": "csv"}).text)
    assert [float(x["risk"]) for x in rows] == pytest.approx([i["risk"] for i in high]) and "factors" in rows[0]
    by_key = client.get("/api/v1/loop/at-risk", params={"band": "low", "job": "store_promoter"}).json()["items"]
    by_title = client.get("/api/v1/loop/at-risk", params={"band": "low", "job": "Store promoter"}).json()["items"]
    assert by_key == by_title and 0 < len(by_key) < len(stored) and {i["job"] for i in by_key} == {"store_promoter"}
    # a second refresh replaces the scores and reuses the saved model (no new version)
    with unit_of_work(settings) as uow:
        from hireloop.loop import service

        again = service.refresh_risk(uow.session, demo.org_id)
        uow.commit()
    assert not again.retrained and again.model_version == stored[0].model_version and again.scored == len(stored)


def test_dashboard_shows_funnel_histogram_profile_rules_and_audits(demo, client):
    login(client, demo.emails["analyst"])
    r = client.get("/loop")
    assert r.status_code == 200, r.text
    assert r.text.count("<svg") >= 4 and "Hiring funnel" in r.text and "Interview score distribution" in r.text
    assert "What sets top performers apart" in r.text and "Proposed screening rules" in r.text
    assert "/api/v1/loop/bias-audit?kind=selection&amp;format=csv" in r.text and "Selection rate" in r.text
    assert not re.findall(r"<script(?![^>]*\bsrc=)", r.text)  # charts are SVG: no inline script (CSP)
    client.get("/lang/zh-CN")
    zh = client.get("/loop", params={"job": "store_promoter"})
    assert zh.status_code == 200 and "招聘漏斗" in zh.text and "高绩效者" in zh.text


def test_own_applications_are_synced_into_the_funnel_keeping_the_stage_reached(settings, tenant, client):
    from hireloop import dispatch
    from hireloop.accounts.actor import system_actor
    from hireloop.candidates import pipeline
    from hireloop.candidates.stages import Stage
    from hireloop.db import unit_of_work
    from hireloop.models import Application, LoopApplicant

    assert ("loop.sync_applicants", 24 * 3600.0) in dispatch.PERIODIC
    with unit_of_work(settings) as uow:  # the screened application is rejected: it still reached screening
        pipeline.move(uow.session, system_actor(tenant.org_id, "test"), tenant.application_id, to_stage=Stage.REJECTED,
                      reason="not a fit", decided_by="a recruiter")
        uow.commit()
    for _ in range(2):  # an upsert: running twice changes nothing
        with unit_of_work(settings) as uow:
            dispatch.enqueue(uow.session, "loop.sync_applicants", org_id=tenant.org_id, org=str(tenant.org_id))
            uow.commit()
        dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with unit_of_work(settings) as uow:
        n_apps = len(uow.session.scalars(select(Application).where(Application.org_id == tenant.org_id)).all())
        rows = {r.remote_id: r for r in uow.session.scalars(
            select(LoopApplicant).where(LoopApplicant.org_id == tenant.org_id))}
    assert len(rows) == n_apps >= 2
    assert rows[f"app-{tenant.application_id}"].stage == "screened" and not rows[f"app-{tenant.application_id}"].hired
    login(client, tenant.emails["analyst"])
    steps = {s["stage"]: s["n"] for s in client.get("/api/v1/loop/funnel").json()["funnel"]}
    assert steps["applied"] == n_apps and steps["hired"] == 0
    # erasing the candidate erases the applicant record copied from their application
    csrf = login(client, tenant.emails["admin"])
    r = client.post(f"/api/v1/candidates/{tenant.candidate_id}/erase", json={"reason": "asked to"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code in (200, 201, 202), r.text
    with unit_of_work(settings) as uow:
        left = set(uow.session.scalars(select(LoopApplicant.remote_id).where(LoopApplicant.org_id == tenant.org_id)))
    assert f"app-{tenant.application_id}" not in left and len(left) == n_apps - 1


def test_leavers_without_recorded_applicants_still_compare_and_say_why_no_rules(settings, tenant, client):
    from hireloop.db import unit_of_work
    from hireloop.models import LoopApplicant

    _load(settings, tenant.org_id)
    with unit_of_work(settings) as uow:  # an organization with employees and exits but no applicant history
        uow.session.execute(LoopApplicant.__table__.delete().where(LoopApplicant.org_id == tenant.org_id))
        uow.commit()
    login(client, tenant.emails["analyst"])
    body = client.get("/api/v1/loop/leavers").json()
    assert body["comparisons"] and body["rules"] == [] and "sync-applicants" in body["note"]
    assert client.get("/api/v1/loop/funnel").json()["error"]["code"] == "no_applicants"
    page = client.get("/loop")
    assert page.status_code == 200 and "sync-applicants" in page.text


def test_a_candidate_in_the_alternative_process_is_copied_without_scores(settings, tenant):
    """Review finding: the loop's copy kept the scores and resume match of candidates who opted out of automated
    analysis, and predictions were made for them."""
    from hireloop.accounts.actor import system_actor
    from hireloop.compliance import safeguards
    from hireloop.db import unit_of_work
    from hireloop.loop.sync import sync_applicants
    from hireloop.models import Candidate, LoopApplicant

    with unit_of_work(settings) as uow:
        cand = uow.session.get(Candidate, tenant.candidate_id)
        cand.profile = {**(cand.profile or {}), "match_score": 0.8}
        safeguards.opt_out_of_analysis(uow.session, system_actor(tenant.org_id, "test"), tenant.candidate_id)
        sync_applicants(uow.session, tenant.org_id)
        uow.commit()
    with unit_of_work(settings) as uow:
        row = uow.session.scalars(select(LoopApplicant).where(
            LoopApplicant.remote_id == f"app-{tenant.application_id}")).one()
        assert row.measures == {} and row.interview_score is None and row.resume_match is None
        assert row.stage  # the funnel still counts them
