"""The scoring API: model versions through HTTP, analysts see scores without the candidate's words, rescoring."""

from __future__ import annotations

import uuid

from hireloop.db import unit_of_work
from hireloop.models import BackgroundTask
from hireloop.scoring import service
from tests.factories import login
from tests.scoring_db.builders import FixedScorer, add_interview, make_job

STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"


def test_versions_are_created_activated_and_listed_over_http(settings, tenant, client):
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id)
        uow.commit()
    csrf = login(client, tenant.emails["analyst"])
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/api/v1/jobs/{job_id}/scoring-models", headers=h,
                    json={"weights": {"parts": {"content": 0.8, "behaviour": 0.2, "resume_match": 0}}, "notes": "v1"})
    assert r.status_code == 201 and r.json()["status"] == "draft" and r.json()["version"] == 1
    bad = client.post(f"/api/v1/jobs/{job_id}/scoring-models", headers=h, json={"weights": {"competencies": {"nope": 1}}})
    assert bad.status_code == 422 and "nope" in bad.json()["error"]["message"]
    assert client.post(f"/api/v1/jobs/{job_id}/scoring-models/activate", headers=h,
                       json={"version": 1}).json()["status"] == "active"
    listed = client.get(f"/api/v1/jobs/{job_id}/scoring-models").json()
    assert [(m["version"], m["status"], m["first_used_at"]) for m in listed] == [(1, "active", None)]


def test_analysts_read_scores_but_not_the_candidates_words(settings, tenant, client):
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id)
        iv, _, _ = add_interview(uow.session, tenant.org_id, job_id, "保密", [STRONG, STRONG])
        service.score_interview(uow.session, iv, scorer=FixedScorer({STRONG: 4.0}))
        uow.commit()
    login(client, tenant.emails["analyst"])
    body = client.get(f"/api/v1/interviews/{iv}/assessment").json()
    assert body["composite"] is not None and "华东区" not in str(body)
    assert all("evidence" not in a for c in body["competencies"] for a in c["answers"])
    login(client, tenant.emails["recruiter"])
    assert "华东区" in str(client.get(f"/api/v1/interviews/{iv}/assessment").json())


def test_rescoring_is_queued_only_for_completed_interviews(settings, tenant, client):
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id)
        iv, _, _ = add_interview(uow.session, tenant.org_id, job_id, "重评", [STRONG, STRONG])
        uow.commit()
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/api/v1/interviews/{iv}/assessment", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 202
    with unit_of_work(settings) as uow:
        task = uow.session.get(BackgroundTask, uuid.UUID(r.json()["task_id"]))
        assert task.name == "scoring.score_interview" and task.payload == {"interview_id": str(iv), "rescore": True}
    r = client.post(f"/api/v1/interviews/{tenant.interview_id}/assessment", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 409 and r.json()["error"]["code"] == "interview_not_completed"
