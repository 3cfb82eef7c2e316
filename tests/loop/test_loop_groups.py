"""Extra groups in the bias audit: the demo records hukou (local / non-local) apart from the profile and audits it
alone and crossed with sex and age band; an injected bias against it is flagged, none is flagged without one; the
organization chooses which extra groups are audited; group data never becomes a model feature."""

from __future__ import annotations

import pytest

from hireloop.loop.demo import demo_params
from hireloop.ml.synth import BiasInjection, simulate_history
from tests.factories import login, make_tenant


def _load(settings, org_id, **kw):
    from hireloop.db import unit_of_work
    from hireloop.loop.demo import load_demo_history

    with unit_of_work(settings) as uow:
        load_demo_history(uow.session, org_id, demo_params(**kw))
        uow.commit()


@pytest.fixture(scope="module")
def demo(settings):
    tenant = make_tenant(settings)
    _load(settings, tenant.org_id)
    return tenant


def _rows(body):
    return {(r["category"], r["group"]): r for r in body["rows"]}


def test_audits_cover_the_configured_group_and_its_intersections_with_counts(demo, client):
    hist = simulate_history(demo_params())
    apps = hist.applicants
    login(client, demo.emails["analyst"])
    body = client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json()
    assert body["configured_groups"] == ["hukou"]
    rows = _rows(body)
    non_local = rows[("hukou", "non_local")]
    assert non_local["n"] == int((apps["hukou"] == "non_local").sum())
    assert non_local["n_positive"] == int(((apps["hukou"] == "non_local") & apps["hired"]).sum())
    assert rows[("hukou", "(unknown)")]["n"] == int(apps["hukou"].isna().sum()) > 0
    categories = {c for c, _ in rows}
    assert {"sex × hukou", "age_band × hukou", "sex × age_band"} <= categories
    both = rows[("sex × hukou", "female × non_local")]
    assert both["n"] == int(((apps["sex"] == "female") & (apps["hukou"] == "non_local")).sum())
    # nothing was injected: no hukou category is flagged, in selections or in scores
    assert not any(r["four_fifths_flag"] for r in body["rows"] if r["category"] == "hukou")
    scoring = client.get("/api/v1/loop/bias-audit", params={"kind": "scoring"}).json()
    assert scoring["population"] == "interviewed applicants" and ("hukou", "local") in _rows(scoring)
    assert not any(r["four_fifths_flag"] for r in scoring["rows"] if r["category"] == "hukou")
    page = client.get("/loop")
    assert "sex × hukou" in page.text and 'action="/loop/audit-groups"' in page.text


def test_injected_bias_against_a_configured_group_is_flagged(settings, tenant, client):
    _load(settings, tenant.org_id, seed=5, applicants_per_month=20,
          bias=BiasInjection(column="hukou", value="non_local", score_shift=-1.0, selection_shift=-0.8))
    login(client, tenant.emails["analyst"])
    for kind in ("selection", "scoring"):
        body = client.get("/api/v1/loop/bias-audit", params={"kind": kind}).json()
        rows = _rows(body)
        assert rows[("hukou", "non_local")]["four_fifths_flag"], kind
        assert rows[("hukou", "non_local")]["impact_ratio"] < 0.8 and rows[("hukou", "local")]["impact_ratio"] == 1.0
        assert not any(r["four_fifths_flag"] for r in body["rows"] if r["category"] == "sex"), kind
    csv_text = client.get("/api/v1/loop/bias-audit", params={"kind": "selection", "format": "csv"}).text
    assert "non_local" in csv_text and "sex × hukou" in csv_text


def test_group_data_never_becomes_a_model_feature(demo, client):
    from hireloop.ml.features import GroupDataAsFeature, assert_no_group_features

    csrf = login(client, demo.emails["analyst"])
    r = client.post("/api/v1/loop/models/performance/train", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    card = client.get("/api/v1/loop/models").json()["models"][0]["versions"][0]
    assert not {"sex", "age_band", "hukou"} & set(card["features"])
    items = client.get("/api/v1/loop/predictions", params={"limit": 20}).json()["items"]
    assert items and not {"sex", "age_band", "hukou"} & {f["feature"] for i in items for f in i["factors"]}
    with pytest.raises(GroupDataAsFeature):
        assert_no_group_features(["interview_score", "hukou"])
    with pytest.raises(GroupDataAsFeature):  # any configured group name is refused too
        assert_no_group_features(["interview_score", "region"], ["region"])


def test_the_organization_chooses_which_extra_groups_are_audited(demo, client):
    csrf = login(client, demo.emails["analyst"])
    got = client.get("/api/v1/loop/audit-groups").json()
    assert got["configured"] == ["hukou"] and got["base"] == ["sex", "age_band"]
    assert [g["name"] for g in got["available"]] == ["hukou"] and got["available"][0]["n_known"] > 1000
    r = client.put("/api/v1/loop/audit-groups", json={"groups": []}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["configured"] == []
    rows = client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json()["rows"]
    assert not any("hukou" in r["category"] for r in rows) and any(r["category"] == "sex" for r in rows)
    bad = client.put("/api/v1/loop/audit-groups", json={"groups": ["Sex; drop"]}, headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_group_name"
    r = client.post("/loop/audit-groups", data={"csrf_token": csrf, "groups": ["hukou"]}, follow_redirects=False)
    assert r.status_code == 303 and "done=groups" in r.headers["location"]
    assert client.get("/api/v1/loop/audit-groups").json()["configured"] == ["hukou"]
    rcsrf = login(client, demo.emails["recruiter"])
    assert client.put("/api/v1/loop/audit-groups", json={"groups": []},
                      headers={"X-CSRF-Token": rcsrf}).status_code == 403


def test_group_data_of_own_applicants_is_recorded_apart_and_audited(settings, tenant, client):
    from sqlalchemy import select

    from hireloop import dispatch
    from hireloop.db import unit_of_work
    from hireloop.models import AuditEvent, LoopApplicant

    with unit_of_work(settings) as uow:  # copy the tenant's own applications into the loop
        dispatch.enqueue(uow.session, "loop.sync_applicants", org_id=tenant.org_id, org=str(tenant.org_id))
        uow.commit()
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with unit_of_work(settings) as uow:
        ids = sorted(uow.session.scalars(select(LoopApplicant.remote_id).where(LoopApplicant.org_id == tenant.org_id)))
    assert len(ids) >= 2
    csrf = login(client, tenant.emails["analyst"])
    items = [{"applicant": ids[0], "sex": "female", "groups": {"hukou": "non_local"}},
             {"applicant": ids[1], "groups": {"hukou": "local"}}, {"applicant": "app-unknown", "sex": "male"}]
    r = client.post("/api/v1/loop/group-data", json={"items": items}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 2, "updated": 0, "not_found": ["app-unknown"]}
    # a later batch changes one value and keeps the others
    r = client.post("/api/v1/loop/group-data", json={"items": [{"applicant": ids[1], "groups": {"region": "south"}}]},
                    headers={"X-CSRF-Token": csrf})
    assert r.json()["updated"] == 1
    available = {g["name"]: g["n_known"] for g in client.get("/api/v1/loop/audit-groups").json()["available"]}
    assert available == {"hukou": 2, "region": 1}
    client.put("/api/v1/loop/audit-groups", json={"groups": ["hukou"]}, headers={"X-CSRF-Token": csrf})
    rows = _rows(client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json())
    assert rows[("hukou", "non_local")]["n"] == 1 and rows[("hukou", "local")]["n"] == 1
    assert rows[("sex × hukou", "female × non_local")]["n"] == 1 and not any("region" in c for c, _ in rows)
    bad = client.post("/api/v1/loop/group-data", json={"items": [{"applicant": ids[0], "groups": {"Bad Name": "x"}}]},
                      headers={"X-CSRF-Token": csrf})
    assert bad.status_code == 422
    # a measure's name would shadow the measure and break every applicant page: refused, and pages keep working
    for groups_ in ({"speech_rate": "x"}, {"tenure_months": "x"}, {"hukou": "x" * 65}):
        r = client.post("/api/v1/loop/group-data", json={"items": [{"applicant": ids[0], "groups": groups_}]},
                        headers={"X-CSRF-Token": csrf})
        assert r.status_code == 422, (groups_, r.text)
    assert client.get("/api/v1/loop/funnel").status_code == 200
    # one spelling per category: 'Female ' and 'female' are one group
    client.post("/api/v1/loop/group-data", json={"items": [{"applicant": ids[1], "sex": " Female "}]},
                headers={"X-CSRF-Token": csrf})
    rows = _rows(client.get("/api/v1/loop/bias-audit", params={"kind": "selection"}).json())
    assert rows[("sex", "female")]["n"] == 2 and ("sex", " female ") not in rows
    with unit_of_work(settings) as uow:  # the audit log keeps counts, never anyone's group
        ev = uow.session.scalars(select(AuditEvent).where(AuditEvent.org_id == tenant.org_id,
                                                          AuditEvent.action == "loop.group_data_stored")).all()
    assert len(ev) == 3 and "non_local" not in str([e.details for e in ev])
    # a value a spreadsheet would run as a formula is exported as text
    client.post("/api/v1/loop/group-data", json={"items": [{"applicant": ids[0], "groups": {"hukou": "=1+1"}}]},
                headers={"X-CSRF-Token": csrf})
    text = client.get("/api/v1/loop/bias-audit", params={"kind": "selection", "format": "csv"}).text
    assert "'=1+1" in text and ",=1+1" not in text
