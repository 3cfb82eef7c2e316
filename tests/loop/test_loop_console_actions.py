"""The /loop page's actions: train models, accept a weight proposal into a new scoring model version, reject it
with a reason; only for those who manage scoring models (a read-only key sees no forms and is refused)."""

from __future__ import annotations

import re

import pytest

from hireloop.loop.demo import demo_params
from tests.factories import ANCHORS, login, make_tenant

STORE_PROMOTER = ("customer_relationship", "communication", "resilience", "creativity")


@pytest.fixture(scope="module")
def demo(settings):
    """One organization with the demo history and a HireLoop job assessing the store promoter's competencies."""
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work
    from hireloop.jobs import service as jobs
    from hireloop.jobs.schemas import CompetencyIn, JobCreate
    from hireloop.loop.demo import load_demo_history

    tenant = make_tenant(settings)
    with unit_of_work(settings) as uow:
        load_demo_history(uow.session, tenant.org_id, demo_params())
        job = jobs.create(uow.session, system_actor(tenant.org_id, "test"), data=JobCreate(
            title="Store promoter (loop)", competencies=[CompetencyIn(key=k, name=k, anchors=ANCHORS)
                                                         for k in STORE_PROMOTER]))
        uow.commit()
        tenant.extra["loop_job_id"] = str(job.id)
    return tenant


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_manager_trains_both_models_from_the_page_and_sees_the_new_version(demo, client):
    login(client, demo.emails["analyst"])
    page = client.get("/loop")
    assert page.status_code == 200 and 'action="/loop/models/train"' in page.text
    csrf = _csrf(page.text)
    before = {m["name"]: m["latest_version"] for m in client.get("/api/v1/loop/models").json()["models"]}
    r = client.post("/loop/models/train", data={"csrf_token": csrf, "kind": "performance"}, follow_redirects=False)
    assert r.status_code == 303 and "done=trained" in r.headers["location"]
    after = {m["name"]: m for m in client.get("/api/v1/loop/models").json()["models"]}
    version = after["performance"]["latest_version"]
    assert version == before.get("performance", 0) + 1 and f"version={version}" in r.headers["location"]
    shown = client.get(r.headers["location"])
    card = after["performance"]["versions"][0]
    # the notice names the new version and its validation metrics
    assert f"performance v{version}" in shown.text and f"auc {card['metrics']['auc']:.3f}" in shown.text
    r = client.post("/loop/models/train", data={"csrf_token": csrf, "kind": "attrition"}, follow_redirects=False)
    assert r.status_code == 303
    names = {m["name"] for m in client.get("/api/v1/loop/models").json()["models"]}
    assert "attrition_3m" in names and client.get("/api/v1/loop/at-risk").json()["source"] == "stored"
    # a form without the CSRF token is refused and trains nothing
    r = client.post("/loop/models/train", data={"kind": "performance"}, follow_redirects=False)
    assert r.status_code == 403
    again = {m["name"]: m["latest_version"] for m in client.get("/api/v1/loop/models").json()["models"]}
    assert again["performance"] == version


def test_manager_accepts_a_proposal_into_a_new_scoring_model_version(demo, client):
    login(client, demo.emails["analyst"])
    page = client.get("/loop", params={"job": "store_promoter"})
    assert 'action="/loop/weights/accept"' in page.text and demo.extra["loop_job_id"] in page.text
    gain = client.get("/api/v1/loop/validity", params={"job": "store_promoter"}).json()["weights"]["gain"]
    # the page warns when the proposal did worse than the current weights on held-out hires
    assert ("keeping the current weights is advised" in page.text) == (gain["estimate"] < 0)
    job_id = demo.extra["loop_job_id"]
    before = client.get(f"/api/v1/jobs/{job_id}/scoring-models").json()
    before = before if isinstance(before, list) else before["items"]
    r = client.post("/loop/weights/accept", data={"csrf_token": _csrf(page.text), "job_id": job_id,
                                                  "loop_job": "store_promoter", "activate": "yes",
                                                  "notes": "from the console"}, follow_redirects=False)
    assert r.status_code == 303 and "done=accepted" in r.headers["location"]
    versions = client.get(f"/api/v1/jobs/{job_id}/scoring-models").json()
    versions = versions if isinstance(versions, list) else versions["items"]
    newest = max(versions, key=lambda v: v["version"])
    # a new version above the last one (version 1, the default weights, is created on first use)
    assert newest["version"] == max((v["version"] for v in before), default=1) + 1
    assert newest["status"] == "active" and newest["notes"] == "from the console"
    assert max(newest["weights"]["competencies"], key=newest["weights"]["competencies"].get) == "customer_relationship"
    shown = client.get(r.headers["location"])
    assert "Accepted" in shown.text and "from the console" in shown.text  # the decisions list on the page
    decided = client.get("/api/v1/loop/weights/decisions", params={"job": "store_promoter"}).json()["items"]
    assert decided[0]["decision"] == "accepted" and decided[0]["scoring_model_version"] == newest["version"]


def test_rejecting_from_the_page_needs_a_reason_and_is_listed(demo, client):
    login(client, demo.emails["analyst"])
    page = client.get("/loop", params={"job": "store_promoter"})
    csrf = _csrf(page.text)
    n = len(client.get("/api/v1/loop/weights/decisions").json()["items"])
    blank = client.post("/loop/weights/reject", data={"csrf_token": csrf, "loop_job": "store_promoter", "reason": " "},
                        follow_redirects=False)
    assert blank.status_code == 422 and len(client.get("/api/v1/loop/weights/decisions").json()["items"]) == n
    r = client.post("/loop/weights/reject", data={"csrf_token": csrf, "loop_job": "store_promoter",
                                                  "reason": "wait for the new quarter"}, follow_redirects=False)
    assert r.status_code == 303 and "done=rejected" in r.headers["location"]
    items = client.get("/api/v1/loop/weights/decisions").json()["items"]
    assert len(items) == n + 1 and items[0]["decision"] == "rejected" and items[0]["reason"] == "wait for the new quarter"
    assert "wait for the new quarter" in client.get(r.headers["location"]).text


def test_a_reader_without_scoring_model_rights_sees_no_forms_and_is_refused(settings, demo, client):
    from hireloop.accounts import service as accounts
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work

    with unit_of_work(settings) as uow:  # every role that reads the loop manages models: use a read-only key
        key, _ = accounts.create_api_key(uow.session, system_actor(demo.org_id, "test"), name="loop reader",
                                         scopes=["employees:read"])
        uow.commit()
    auth = {"Authorization": f"Bearer {key}"}
    page = client.get("/loop", params={"job": "store_promoter"}, headers=auth)
    assert page.status_code == 200 and "Proposed competency weights" in page.text
    assert not re.findall(r'action="/loop/(models/train|weights/accept|weights/reject)"', page.text)
    for path, data in [("/loop/models/train", {"kind": "performance"}),
                       ("/loop/weights/reject", {"loop_job": "store_promoter", "reason": "no"}),
                       ("/loop/weights/accept", {"job_id": demo.extra["loop_job_id"], "loop_job": "store_promoter"})]:
        r = client.post(path, data=data, headers=auth, follow_redirects=False)
        assert r.status_code == 403, path
