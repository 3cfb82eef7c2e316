"""Candidates' requests: the console list with due dates, and each kind carried out for real."""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import select

from hireloop.accounts.actor import system_actor
from hireloop.compliance import consent, safeguards
from hireloop.compliance.policies import preset
from hireloop.db import unit_of_work
from hireloop.interviews import analysis
from hireloop.interviews import portal
from hireloop.models import (
    Answer,
    Application,
    AuditEvent,
    Candidate,
    CandidateRequest,
    Interview,
    ProcessingRestriction,
    utcnow,
)
from hireloop.reports import service as reports
from hireloop.scoring import service as scoring
from hireloop.storage import get_storage
from tests.factories import api, login
from tests.scoring_db.builders import FixedScorer, add_interview, make_job

STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"
WEAK = "我觉得沟通很重要。一般来说我比较擅长。"
SCORER = FixedScorer({STRONG: 4.4, WEAK: 2.1})


def _scored(settings, tenant, name: str = "林请求", *, score: bool = True, country: str = "CN"):
    """A completed interview of a new candidate, scored and with its reports when `score`."""
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id, country=country)
        iv, app, token = add_interview(uow.session, tenant.org_id, job_id, name, [STRONG, WEAK])
        if score:
            scoring.score_interview(uow.session, iv, scorer=SCORER)
            reports.generate(uow.session, iv)
        uow.commit()
    return iv, app, token


def _file(settings, token: str, kind: str, details: str = "") -> uuid.UUID:
    with unit_of_work(settings) as uow:
        req = portal.file_request(uow.session, portal.open_link(uow.session, token), kind=kind, details=details)
        uow.commit()
        return req.id


def _request(settings, request_id: uuid.UUID) -> CandidateRequest | None:
    with unit_of_work(settings) as uow:
        return uow.session.get(CandidateRequest, request_id)


def _actions(settings, org_id, action: str) -> list[AuditEvent]:
    with unit_of_work(settings) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.org_id == org_id, AuditEvent.action == action)))


def test_the_list_shows_open_requests_with_their_policy_due_dates_and_highlights_overdue(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林到期", score=False, country="DE")
    late = _file(settings, token, "explanation", "How was I scored?")
    fresh = _file(settings, token, "accommodation", "captions please")
    done = _file(settings, token, "access")
    with unit_of_work(settings) as uow:
        s = uow.session
        r_late, r_fresh, r_done = (s.get(CandidateRequest, i) for i in (late, fresh, done))
        # Due within the job's jurisdiction policy (EU: one month); an accommodation is needed before the interview.
        days = lambda r: round((r.due_at - r.created_at).total_seconds() / 86400)  # noqa: E731
        assert days(r_late) == preset("eu").request_days == 30
        assert days(r_fresh) == 14
        r_late.created_at = utcnow() - timedelta(days=40)
        r_late.due_at = utcnow() - timedelta(days=10)
        r_done.status, r_done.closed_at = "closed", utcnow()
        uow.commit()
        late_due = r_late.due_at.strftime("%Y-%m-%d")
    login(client, tenant.emails["hiring_manager"])
    page = client.get("/requests")
    assert page.status_code == 200
    late_row = next(v for v in re.findall(r'<tr class="[^"]*" data-request="%s".*?</tr>' % late, page.text, re.S))
    fresh_row = next(v for v in re.findall(r'<tr class="[^"]*" data-request="%s".*?</tr>' % fresh, page.text, re.S))
    assert 'class="overdue"' in late_row and "Overdue" in late_row and late_due in late_row and "林到期" in late_row
    assert "eu" in late_row and "Explanation" in late_row
    assert 'class="overdue"' not in fresh_row and "days left" in fresh_row
    assert "captions please" not in fresh_row  # an accommodation may concern health: only those who arrange it see it
    listed = {r["id"]: r for r in client.get("/api/v1/candidate-requests").json()}
    assert listed[str(fresh)]["details"] == "" and listed[str(late)]["details"] == "How was I scored?"
    assert str(done) not in page.text  # closed requests are not open work
    assert _actions(settings, tenant.org_id, "candidate_requests.viewed")  # names and their words: the view is audited
    assert str(done) in client.get("/requests?show=all").text
    # Hiring managers see requests but handle none of them; the nav links the page.
    assert 'action="/requests/' not in late_row and 'href="/requests"' in page.text
    assert f'href="/api/v1/candidate-requests/{late}/explanation"' in late_row  # reviewers may read the explanation
    client.cookies.clear()
    login(client, tenant.emails["analyst"])
    assert 'href="/requests"' not in client.get("/jobs").text


def test_an_explanation_gives_the_reports_evidence_and_the_scoring_models_card(settings, tenant, client):
    iv, app_id, token = _scored(settings, tenant, "林解释")
    req = _file(settings, token, "explanation")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.get(f"/api/v1/candidate-requests/{req}/explanation")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    data = json.loads(r.content)
    assert data["candidate"]["name"] == "林解释"
    [a] = data["assessments"]
    assert a["interview_id"] == str(iv) and a["recommendation"] in ("advance", "hold", "review")
    quotes = [e["sentence"] for c in a["competencies"] for ans in c["answers"] for e in ans.get("evidence", [])]
    assert any(q and q in STRONG for q in quotes), "the evidence sentences the ratings relied on"
    card = a["scoring_model"]
    assert card["version"] == 1 and set(card["weights"]) >= {"parts", "competencies"} and card["first_used_at"]
    assert a["policy"]["key"] == "cn" and a["policy"]["human_review_before_rejection"] is True
    assert data["content_scorer"]["card"]["scorer_version"]
    assert _request(settings, req).status == "in_progress"
    assert _actions(settings, tenant.org_id, "candidate.explanation_viewed")
    # The same explanation over the API, for HR systems.
    cand_id = data["candidate"]["id"]
    assert client.get(f"/api/v1/candidates/{cand_id}/explanation").json()["assessments"][0]["composite"] == a["composite"]
    # The candidate cannot download it before HR releases it.
    client.cookies.clear()
    assert client.get(f"/i/{token}/explanation").status_code == 404
    assert f"/i/{token}/explanation" not in client.get(f"/i/{token}/status").text
    # HR releases it: the request closes and leaves the open list; the candidate's status page links the download.
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "close"}, follow_redirects=False)
    assert r.status_code == 303
    assert _request(settings, req).status == "closed" and str(req) not in client.get("/requests").text
    client.cookies.clear()
    assert f"/i/{token}/explanation" in client.get(f"/i/{token}/status").text
    mine = client.get(f"/i/{token}/explanation")
    assert mine.status_code == 200 and json.loads(mine.content)["assessments"][0]["composite"] == a["composite"]
    assert _actions(settings, tenant.org_id, "explanation.viewed_by_candidate")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "close"}, follow_redirects=False)
    assert r.status_code == 409  # already closed


def test_an_action_that_does_not_fit_the_request_is_refused(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林错配", score=False)
    req = _file(settings, token, "deletion")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "opt_out"}, follow_redirects=False)
    assert r.status_code == 409
    assert client.post(f"/requests/{req}/action", data={"action": "close"}).status_code == 403  # no CSRF token
    assert _request(settings, req).status == "open"


def test_human_review_holds_the_application_until_a_person_decides(settings, tenant, client):
    _, app_id, token = _scored(settings, tenant, "林复核")
    req = _file(settings, token, "human_review", "Please have a person look at my interview")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "start_review"}, follow_redirects=False)
    assert r.status_code == 303
    assert _request(settings, req).status == "in_progress"
    page = client.get("/requests").text
    assert f'href="/applications/{app_id}/review"' in page
    assert "asked for a human review" in client.get(f"/applications/{app_id}/review").text
    # No machine (an API key, the system) may reject the application now.
    client.cookies.clear()
    r = client.post(f"/api/v1/applications/{app_id}/stage", json={"to_stage": "rejected", "reason": "auto: low score"},
                    headers=api(tenant.api_key))
    assert r.status_code == 409 and r.json()["error"]["code"] == "human_review_required"
    with unit_of_work(settings) as uow:
        assert uow.session.get(Application, app_id).stage == "interviewed"
    # A person decides on the review page: the hold ends and the request closes itself.
    csrf = login(client, tenant.emails["hiring_manager"])
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "hold", "reason": "need more"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201 and _request(settings, req).status == "in_progress"  # a hold decides nothing
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "reject", "reason": "复核后仍不匹配"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    closed = _request(settings, req)
    assert closed.status == "closed" and closed.closed_at is not None
    with unit_of_work(settings) as uow:
        [hold] = uow.session.scalars(select(ProcessingRestriction).where(ProcessingRestriction.application_id == app_id))
        assert hold.kind == "human_review" and hold.resolved_by and hold.outcome == "reject"
        assert uow.session.get(Application, app_id).stage == "rejected"
    assert _actions(settings, tenant.org_id, "application.human_review_done")


def test_the_alternative_process_stops_automated_analysis_and_scoring(settings, tenant, client):
    iv, app_id, token = _scored(settings, tenant, "林替代", score=False)
    req = _file(settings, token, "alternative_process", "I would rather talk to a person")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "opt_out"}, follow_redirects=False)
    assert r.status_code == 303 and _request(settings, req).status == "closed"
    assert "chose an alternative process" in client.get(f"/applications/{app_id}/review").text
    with unit_of_work(settings) as uow:
        s = uow.session
        interview = s.get(Interview, iv)
        assert safeguards.opted_out(s, tenant.org_id, interview.candidate_id)
        # Even with every consent given, the opt-out wins.
        consent.grant(s, None, org_id=tenant.org_id, candidate_id=interview.candidate_id,
                      policy=preset(interview.policy_key), purposes=["recording", "content_analysis"], method="test",
                      locale="zh_CN")
        # A new recording is not analysed: the gate comes before the file is even read.
        a = Answer(org_id=tenant.org_id, interview_id=iv, question_index=1, attempt=2, storage_key="org/x/none.webm",
                   content_type="video/webm", size_bytes=1, sha256="0" * 64)
        s.add(a)
        s.flush()
        assert analysis.run(s, a.id) is None
        assert a.status == "not_analysed" and a.error_code == "alternative_process"
        # Nor is the interview scored, not even when asked for explicitly.
        assert not scoring.ready_to_score(s, interview)
        with pytest.raises(safeguards.OptedOutOfAnalysis):
            scoring.score_interview(s, iv, scorer=SCORER)
        from hireloop.scoring.tasks import score_interview as scoring_task

        scoring_task(s, interview_id=str(iv))  # a task queued before the opt-out ends quietly, without a score
        assert scoring.repo.assessment_for_interview(s, tenant.org_id, iv) is None
        uow.rollback()
    assert _actions(settings, tenant.org_id, "candidate.opted_out_of_automated_analysis")


def test_a_deletion_request_is_carried_out_from_the_console(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林删除")
    req = _file(settings, token, "deletion")
    with unit_of_work(settings) as uow:
        cand_id = uow.session.get(Interview, iv).candidate_id
        keys = [k for r in (reports.repo.report_of(uow.session, tenant.org_id, iv, k) for k in ("hr", "candidate"))
                for k in (r.html_key, r.pdf_key)]
    assert all(get_storage().exists(k) for k in keys)
    csrf = login(client, tenant.emails["admin"])
    page = client.get("/requests").text
    assert f'action="/requests/{req}/erase"' in page
    r = client.post(f"/requests/{req}/erase", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 422  # the confirmation box was not ticked
    r = client.post(f"/requests/{req}/erase", data={"csrf_token": csrf, "confirm": "yes"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/requests?done=erase"
    with unit_of_work(settings) as uow:
        assert uow.session.get(Candidate, cand_id) is None and uow.session.get(CandidateRequest, req) is None
    assert not any(get_storage().exists(k) for k in keys), "the rendered reports name the candidate"
    handled = _actions(settings, tenant.org_id, "candidate_request.handled")
    assert any(e.entity_id == str(req) and e.details["action"] == "erase" for e in handled)
    assert "林删除" not in client.get("/requests?show=all").text


def test_an_access_request_downloads_everything_held_as_a_zip(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林访问")
    req = _file(settings, token, "access")
    login(client, tenant.emails["admin"])
    r = client.get(f"/api/v1/candidate-requests/{req}/export")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert {"candidate.json", "answers.json", "requests.json"} <= set(names)
    assert "林访问" in zipfile.ZipFile(io.BytesIO(r.content)).read("candidate.json").decode()
    assert _request(settings, req).status == "in_progress"
    assert _actions(settings, tenant.org_id, "candidate.exported")


def test_candidates_can_ask_from_their_status_page(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林门户", score=False)
    page = client.get(f"/i/{token}/status")
    assert 'value="explanation"' in page.text and 'value="deletion"' in page.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post(f"/i/{token}/request", data={"csrf_token": csrf, "kind": "explanation", "details": "why?"})
    assert r.status_code == 200
    with unit_of_work(settings) as uow:
        kinds = [q.kind for q in uow.session.scalars(select(CandidateRequest).where(CandidateRequest.org_id == tenant.org_id))]
    assert "explanation" in kinds
    assert client.post(f"/i/{token}/request", data={"csrf_token": csrf, "kind": "nonsense"}).status_code == 422


def test_another_organizations_request_looks_unknown(settings, tenant, other_tenant, client):
    _, _, token = _scored(settings, other_tenant, "林他人")
    req = _file(settings, token, "deletion")
    csrf = login(client, tenant.emails["admin"])
    assert "林他人" not in client.get("/requests?show=all").text
    for method, path, data in [("GET", f"/api/v1/candidate-requests/{req}/export", None),
                               ("GET", f"/api/v1/candidate-requests/{req}/explanation", None),
                               ("POST", f"/requests/{req}/erase", {"csrf_token": csrf, "confirm": "yes"}),
                               ("POST", f"/requests/{req}/action", {"csrf_token": csrf, "action": "close"})]:
        assert client.request(method, path, data=data, follow_redirects=False).status_code == 404, path
    assert _request(settings, req).status == "open"


def test_the_candidates_report_pdf_view_is_audited(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林报告")
    with unit_of_work(settings) as uow:
        reports.release_candidate_report(uow.session, system_actor(tenant.org_id, "test"), iv)
        uow.commit()
    before = len(_actions(settings, tenant.org_id, "report.viewed_by_candidate"))
    r = client.get(f"/i/{token}/report.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    events = _actions(settings, tenant.org_id, "report.viewed_by_candidate")
    assert len(events) == before + 1
    assert events[-1].entity_id == str(iv) and events[-1].details == {"format": "pdf"}


def test_rejecting_from_the_board_is_the_decision_the_hold_waited_for(settings, tenant, client):
    """Review finding: a person's rejection from the board left the hold and the request open."""
    _, app_id, token = _scored(settings, tenant, "林看板")
    req = _file(settings, token, "human_review", "Please have a person look")
    csrf = login(client, tenant.emails["recruiter"])
    client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "start_review"}, follow_redirects=False)
    r = client.post(f"/applications/{app_id}/move", data={"csrf_token": csrf, "to_stage": "rejected",
                                                          "reason": "看过面试后决定"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert _request(settings, req).status == "closed"
    with unit_of_work(settings) as uow:
        [hold] = uow.session.scalars(select(ProcessingRestriction).where(ProcessingRestriction.application_id == app_id))
        assert hold.resolved_at is not None and hold.outcome == "reject"


def test_a_second_human_review_request_can_still_be_answered(settings, tenant, client):
    """Review finding: a second request for an application already held stayed in progress forever."""
    _, app_id, token = _scored(settings, tenant, "林两次")
    first = _file(settings, token, "human_review", "Please review")
    second = _file(settings, token, "human_review", "Please review (again)")
    csrf = login(client, tenant.emails["recruiter"])
    for req in (first, second):
        r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "start_review"},
                        follow_redirects=False)
        assert r.status_code == 303
    r = client.post(f"/requests/{second}/action", follow_redirects=False,
                    data={"csrf_token": csrf, "action": "close", "outcome": "Covered by the review already under way"})
    assert r.status_code == 303, r.text
    assert _request(settings, second).status == "closed" and _request(settings, first).status == "in_progress"
