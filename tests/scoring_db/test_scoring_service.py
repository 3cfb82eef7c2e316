"""Scoring a completed interview: versions, ranking with ties, policy modes, renormalised weights, review actions."""

from __future__ import annotations

import pytest

from hireloop.accounts.actor import system_actor
from hireloop.db import unit_of_work
from hireloop.errors import ValidationFailed
from hireloop.models import Application, AuditEvent
from hireloop.review import service as review
from hireloop.scoring import models_registry, service
from hireloop.scoring.models_registry import ScoringModelFrozen
from tests.factories import api, login
from tests.scoring_db.builders import FixedScorer, add_interview, make_job

STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"
WEAK = "我觉得沟通很重要。一般来说我比较擅长。"
SCORER = FixedScorer({STRONG: 4.5, WEAK: 2.0})


def test_a_scoring_model_version_is_frozen_once_it_has_scored_anyone(settings, tenant):
    with unit_of_work(settings) as uow:
        s = uow.session
        actor = system_actor(tenant.org_id, "hr")
        job_id = make_job(s, tenant.org_id)
        iv1, _, _ = add_interview(s, tenant.org_id, job_id, "甲", [STRONG, STRONG])
        # Before anyone is scored, the active version may still be tuned.
        job = service.jobs_repo.get(s, tenant.org_id, job_id)
        v1 = models_registry.ensure_active(s, actor, job)
        models_registry.update_version(s, actor, job_id, 1, weights={"parts": {"content": 0.7}})
        a1 = service.score_interview(s, iv1, scorer=SCORER)
        assert a1.scoring_model_id == v1.id and v1.first_used_at is not None
        with pytest.raises(ScoringModelFrozen):
            models_registry.update_version(s, actor, job_id, 1, weights={"parts": {"content": 0.1}})
        assert v1.weights["parts"]["content"] == 0.7
        # A new version replaces it; the old score keeps recording the version that made it.
        v2 = models_registry.create_version(s, actor, job_id, weights={"parts": {"resume_match": 0, "content": 1, "behaviour": 0}})
        models_registry.activate(s, actor, job_id, v2.version)
        assert v1.status == "retired" and v2.status == "active"
        iv2, _, _ = add_interview(s, tenant.org_id, job_id, "乙", [WEAK, WEAK])
        a2 = service.score_interview(s, iv2, scorer=SCORER)
        assert a2.scoring_model_id == v2.id and a1.scoring_model_id == v1.id
        assert a2.composite == pytest.approx(2.0)  # content only under v2
        uow.commit()
    # The API refuses the change too, with a message that says what to do.
    csrf = login_admin(tenant)
    r = csrf["client"].put(f"/api/v1/jobs/{job_id}/scoring-models", json={"version": 1, "weights": {}},
                           headers={"X-CSRF-Token": csrf["token"]})
    assert r.status_code == 409 and r.json()["error"]["code"] == "scoring_model_frozen"


def login_admin(tenant):  # noqa: ANN201
    from fastapi.testclient import TestClient

    from hireloop.api.app import create_app
    from hireloop.config import get_settings

    client = TestClient(create_app(get_settings()))
    return {"client": client, "token": login(client, tenant.emails["admin"])}


def test_ranking_gives_equal_scores_the_same_rank(settings, tenant, client):
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        ids = {}
        for name, answers in [("张三", [STRONG, STRONG]), ("李四", [STRONG, STRONG]), ("王五", [WEAK, WEAK])]:
            iv, app, _ = add_interview(s, tenant.org_id, job_id, name, answers)
            service.score_interview(s, iv, scorer=SCORER)
            ids[name] = app
        uow.commit()
        rows = review.ranking(s, system_actor(tenant.org_id), job_id)
    by_name = {r.candidate.full_name: r for r in rows}
    assert by_name["张三"].rank == by_name["李四"].rank == 1 and by_name["张三"].tied
    assert by_name["王五"].rank == 3 and not by_name["王五"].tied
    # Analysts see the ranking but not who the candidates are.
    login(client, tenant.emails["analyst"])
    body = client.get(f"/api/v1/jobs/{job_id}/ranking").json()
    assert [r["rank"] for r in body] == [1, 1, 3] and all(r["candidate_name"] is None for r in body)
    h = api(tenant.api_key)
    client.cookies.clear()
    assert {r["candidate_name"] for r in client.get(f"/api/v1/jobs/{job_id}/ranking", headers=h).json()} == {"张三", "李四", "王五"}
    assert [r["rank"] for r in client.get(f"/api/v1/jobs/{job_id}/ranking?recommendation=advance", headers=h).json()] == [1, 1]


def test_behaviour_indices_the_policy_does_not_compute_are_absent(settings, tenant):
    with unit_of_work(settings) as uow:
        s = uow.session
        eu_job = make_job(s, tenant.org_id, country="DE", title="Promoter Berlin")
        iv, _, _ = add_interview(s, tenant.org_id, eu_job, "Eva", [STRONG, STRONG], locale="en")
        a = service.score_interview(s, iv, scorer=SCORER)
        assert a.behaviour == []  # EU: no behaviour index computed at all, not even a null value
        assert not a.parts["behaviour"]["counted"] and a.parts["content"]["used_weight"] == 1.0
        assert not any(k in a.parts["measures"] for k in ("eye_contact_share", "face_visible_share", "speech_rate"))
        # Illinois: voice measures scored, face measures only shown: engagement is shown and never counts.
        il_job = make_job(s, tenant.org_id, country="US", title="Promoter Chicago")
        s.get(service.jobs_repo.Job, il_job).region = "IL"
        s.flush()
        iv2, _, _ = add_interview(s, tenant.org_id, il_job, "Ann", [STRONG, STRONG], locale="en")
        a2 = service.score_interview(s, iv2, scorer=SCORER)
        modes = {b["key"]: (b["policy"], b["counted"]) for b in a2.behaviour}
        assert modes == {"fluency": ("scored", True), "engagement": ("shown", False)}
        words = " ".join(str(b) for b in a2.behaviour).lower()
        for emotion in ("emotion", "happy", "nervous", "confident", "anxious", "情绪", "紧张", "自信"):
            assert emotion not in words
        uow.commit()


def test_missing_resume_match_is_left_out_and_the_weights_renormalise(settings, tenant):
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        iv1, _, _ = add_interview(s, tenant.org_id, job_id, "无简历分", [STRONG, WEAK])
        iv2, _, _ = add_interview(s, tenant.org_id, job_id, "有简历分", [STRONG, WEAK], profile={"match_score": 100})
        a1 = service.score_interview(s, iv1, scorer=SCORER)
        a2 = service.score_interview(s, iv2, scorer=SCORER)
        assert not a1.parts["resume_match"]["counted"] and a1.parts["resume_match"]["used_weight"] == 0
        assert sum(p["used_weight"] for k, p in a1.parts.items() if k != "measures") == pytest.approx(1.0, abs=1e-3)
        assert a2.parts["resume_match"]["counted"] and a2.parts["resume_match"]["score"] == 5.0
        # Competency weights (communication 2, customer focus 1) weight the content part.
        assert a1.parts["content"]["score"] == pytest.approx((4.5 * 2 + 2.0 * 1) / 3, abs=1e-3)
        uow.commit()


def test_confidence_and_flags_follow_face_visibility_and_several_faces(settings, tenant):
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        good, _, _ = add_interview(s, tenant.org_id, job_id, "清楚", [STRONG, STRONG])
        poor, _, _ = add_interview(s, tenant.org_id, job_id, "模糊", [STRONG, STRONG], face_visible=0.3, several_faces=True)
        a, b = service.score_interview(s, good, scorer=SCORER), service.score_interview(s, poor, scorer=SCORER)
        assert b.confidence < a.confidence
        assert {f["code"] for f in b.flags} >= {"low_face_visibility", "several_faces"} and not a.flags
        ev = a.competencies[0]["answers"][0]["evidence"][0]
        assert ev["t_start"] == 0.0 and ev["t_end"] > 0  # evidence carries when it was said
        uow.commit()


def test_no_automatic_rejection_and_overrides_and_decisions_need_a_person_and_a_reason(settings, tenant, client):
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        iv, app_id, _ = add_interview(s, tenant.org_id, job_id, "弱", [WEAK, WEAK])
        a = service.score_interview(s, iv, scorer=FixedScorer({WEAK: 1.2}))
        assert a.recommendation == "review"  # a weak result asks for a person, never rejects
        assert s.get(Application, app_id).stage == "interviewed"
        uow.commit()
    csrf = login(client, tenant.emails["hiring_manager"])
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/api/v1/applications/{app_id}/override", json={"recommendation": "advance", "reason": " "}, headers=h)
    assert r.status_code == 422
    r = client.post(f"/api/v1/applications/{app_id}/override",
                    json={"recommendation": "advance", "reason": "作答内容在面谈中得到补充"}, headers=h)
    assert r.status_code == 200 and r.json()["override_recommendation"] == "advance"
    assert r.json()["recommendation"] == "review"  # the system's own recommendation is kept beside the override
    assert client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "reject", "reason": ""},
                       headers=h).status_code == 422
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "advance", "reason": "复试"}, headers=h)
    assert r.status_code == 201 and r.json()["system_recommendation"] == "review"
    with unit_of_work(settings) as uow:
        assert uow.session.get(Application, app_id).stage == "reviewed"
        actions = [e.action for e in uow.session.query(AuditEvent).filter(AuditEvent.org_id == tenant.org_id)]
        assert "assessment.recommendation_overridden" in actions and "application.decided" in actions
    with pytest.raises(ValidationFailed):
        with unit_of_work(settings) as uow:
            review.decide(uow.session, system_actor(tenant.org_id), app_id, decision="reject", reason="  ")


def test_several_reviewers_keep_one_scorecard_each(settings, tenant, client):
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id)
        _, app_id, _ = add_interview(uow.session, tenant.org_id, job_id, "候选", [STRONG, STRONG])
        uow.commit()
    for role, overall in (("recruiter", 4), ("hiring_manager", 3), ("recruiter", 5)):
        csrf = login(client, tenant.emails[role])
        r = client.put(f"/api/v1/applications/{app_id}/scorecard", headers={"X-CSRF-Token": csrf},
                       json={"ratings": {"communication": overall}, "overall": overall, "recommendation": "advance"})
        assert r.status_code == 200, r.text
    cards = client.get(f"/api/v1/applications/{app_id}/scorecards").json()
    assert sorted(c["overall"] for c in cards) == [3, 5]  # the recruiter's second save replaced the first
    r = client.put(f"/api/v1/applications/{app_id}/scorecard", headers={"X-CSRF-Token": csrf},
                   json={"ratings": {"communication": 9}, "overall": 3, "recommendation": "advance"})
    assert r.status_code == 422


class CountingScorer(FixedScorer):
    def __init__(self, scores: dict[str, float]) -> None:
        super().__init__(scores)
        self.calls = 0

    def score(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self.calls += 1
        return super().score(*args, **kwargs)


def test_answers_scored_on_arrival_are_reused_when_the_interview_is_scored(settings, tenant):
    from hireloop.interviews import repository as iv_repo
    from hireloop.models import BackgroundTask
    from hireloop.scoring.tasks import after_answer_analysed

    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        iv, _, _ = add_interview(s, tenant.org_id, job_id, "先到", [STRONG, WEAK])
        first, last = iv_repo.answers(s, tenant.org_id, iv)
        last.status = "stored"  # the last answer is still being analysed
        s.flush()
        assert after_answer_analysed(s, first.id) == "scoring.score_answer"
        scorer = CountingScorer({STRONG: 4.5, WEAK: 2.0})
        assert service.score_answer_on_arrival(s, first.id, scorer=scorer) and scorer.calls == 1
        last.status = "analysed"
        s.flush()
        assert after_answer_analysed(s, last.id) == "scoring.score_interview"
        a = service.score_interview(s, iv, scorer=scorer)
        assert scorer.calls == 2  # only the last answer was scored now
        assert [x["score"] for c in a.competencies for x in c["answers"]] == [4.5, 2.0]
        names = {t.name for t in s.query(BackgroundTask).filter(BackgroundTask.org_id == tenant.org_id)}
        assert {"scoring.score_answer", "scoring.score_interview"} <= names
        uow.rollback()
