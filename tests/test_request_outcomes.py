"""What was done about a candidate's request: the outcome (sealed at rest) and who handled it, recorded when the
request is closed from the console or the API, listed with the closed requests and given in the access export."""

from __future__ import annotations

import io
import json
import zipfile

from sqlalchemy import literal_column, select

from hireloop.db import unit_of_work
from hireloop.models import CandidateRequest, Interview, User
from tests.factories import api, login
from tests.test_requests_console import _file, _request, _scored


def _raw_outcome(settings, request_id) -> str | None:
    """The column as stored, bypassing the sealed type."""
    t = CandidateRequest.__table__
    with unit_of_work(settings) as uow:
        return uow.session.execute(select(literal_column("outcome")).select_from(t).where(t.c.id == request_id)).scalar_one()


def test_closing_from_the_console_records_what_was_done_and_by_whom(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林结果", score=False)
    req = _file(settings, token, "accommodation", "I need subtitles")
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", follow_redirects=False,
                    data={"csrf_token": csrf, "action": "close", "outcome": "已为面试开启字幕 Subtitles arranged"})
    assert r.status_code == 303
    closed = _request(settings, req)
    assert closed.status == "closed" and closed.outcome == "已为面试开启字幕 Subtitles arranged"
    with unit_of_work(settings) as uow:
        recruiter = uow.session.scalars(select(User).where(User.email == tenant.emails["recruiter"])).one()
        assert closed.handled_by == recruiter.name
    raw = _raw_outcome(settings, req)
    assert raw.startswith("hl1:") and "Subtitles" not in raw  # sealed at rest, like the details
    assert "Subtitles arranged" not in client.get("/requests").text  # open requests only
    listed = client.get("/requests?show=all").text
    assert "已为面试开启字幕 Subtitles arranged" in listed and closed.handled_by in listed


def test_without_a_text_a_standard_sentence_for_the_kind_is_recorded(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林替代结果", score=False)
    req = _file(settings, token, "alternative_process", "I would rather talk to a person")
    csrf = login(client, tenant.emails["recruiter"])
    client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "opt_out"}, follow_redirects=False)
    closed = _request(settings, req)
    assert closed.status == "closed" and closed.outcome and closed.handled_by
    assert closed.outcome in client.get("/requests?show=all").text


def test_the_api_closes_a_request_with_its_outcome(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林接口", score=False)
    req = _file(settings, token, "access")
    h = api(tenant.api_key)
    r = client.post(f"/api/v1/candidate-requests/{req}/close", json={}, headers=h)
    assert r.status_code == 422 and _request(settings, req).status == "open"  # say what was done
    r = client.post(f"/api/v1/candidate-requests/{req}/close", json={"outcome": "Export sent by post"}, headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "closed" and body["outcome"] == "Export sent by post" and body["handled_by"]
    assert body["closed_at"]
    listed = client.get("/api/v1/candidate-requests", params={"status": "closed"}, headers=h).json()
    assert [x["outcome"] for x in listed if x["id"] == str(req)] == ["Export sent by post"]
    r = client.post(f"/api/v1/candidate-requests/{req}/close", json={"outcome": "again"}, headers=h)
    assert r.status_code == 409 and r.json()["error"]["code"] == "request_action_not_allowed"


def test_a_kind_that_is_not_closed_by_hand_is_refused_by_the_api(settings, tenant, client):
    _, _, token = _scored(settings, tenant, "林复核接口", score=False)
    req = _file(settings, token, "human_review")
    r = client.post(f"/api/v1/candidate-requests/{req}/close", json={"outcome": "done"}, headers=api(tenant.api_key))
    assert r.status_code == 409 and "start_review" in r.json()["error"]["message"]


def test_a_human_review_request_records_the_decision_as_its_outcome(settings, tenant, client):
    _, app_id, token = _scored(settings, tenant, "林复核结果")
    req = _file(settings, token, "human_review", "Please have a person look")
    csrf = login(client, tenant.emails["recruiter"])
    client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "start_review"}, follow_redirects=False)
    assert _request(settings, req).outcome is None  # in progress: nothing decided yet
    r = client.post(f"/api/v1/applications/{app_id}/decisions", json={"decision": "advance", "reason": "复核后进入下一轮"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    closed = _request(settings, req)
    assert closed.status == "closed" and closed.outcome and closed.handled_by


def test_the_access_export_includes_the_outcomes(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林导出结果", score=False)
    req = _file(settings, token, "accommodation", "A quiet room")
    h = api(tenant.api_key)
    assert client.post(f"/api/v1/candidate-requests/{req}/close", json={"outcome": "Quiet room booked"},
                       headers=h).status_code == 200
    with unit_of_work(settings) as uow:
        cand_id = uow.session.get(Interview, iv).candidate_id
    login(client, tenant.emails["admin"])
    r = client.get(f"/api/v1/candidates/{cand_id}/export")
    assert r.status_code == 200
    rows = json.loads(zipfile.ZipFile(io.BytesIO(r.content)).read("requests.json"))
    [row] = [x for x in rows if x["id"] == str(req)]
    assert row["outcome"] == "Quiet room booked" and row["handled_by"] and row["status"] == "closed"
