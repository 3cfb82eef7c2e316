"""Structured interviews: personalised parallel questions, signed links, invitations and the portal's rules."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from hireloop import dispatch
from hireloop.db import session_factory, unit_of_work
from hireloop.interviews.links import make_token
from hireloop.models import Answer, AnswerUpload, CandidateRequest, Interview, utcnow
from hireloop.storage import get_storage
from tests.factories import api
from tests.portal_client import consent, new_interview, upload

WEBM = (Path(__file__).parent / "data" / "portal" / "answer.webm")


def webm_bytes(n: int = 300_000) -> bytes:
    """A byte string that starts like a WebM file (EBML magic), long enough to need several parts."""
    body = bytes((i * 7919) % 251 for i in range(n))
    return b"\x1a\x45\xdf\xa3" + body


def test_two_profiles_get_different_variants_for_the_same_competencies(client, settings, tenant):
    exp_id, _ = new_interview(settings, tenant, profile={"years_experience": 8, "industries": ["快消"]})
    grad_id, _ = new_interview(settings, tenant, profile={"years_experience": 0, "education": "本科"})
    h = api(tenant.api_key)
    exp = client.get(f"/api/v1/interviews/{exp_id}", headers=h).json()
    grad = client.get(f"/api/v1/interviews/{grad_id}", headers=h).json()
    assert [q["competency_key"] for q in exp["questions"]] == [q["competency_key"] for q in grad["questions"]]
    assert exp["questions"][0]["question_id"] == "comm.exp" and grad["questions"][0]["question_id"] == "comm.grad"
    assert exp["questions"][0]["reason_en"] and exp["questions"][0]["reason_zh"]
    # scored on the same anchors: both interviews belong to the same job and its one competency model
    assert exp["job_id"] == grad["job_id"]


def test_template_jobs_get_their_question_bank_and_personalisation(client, tenant):
    h = api(tenant.api_key)
    job = client.post("/api/v1/jobs", json={"title": "区域销售经理", "country": "CN"}, headers=h).json()
    from hireloop.db import unit_of_work as uw  # the template key is set by the job-from-template service

    with uw() as uow:
        from hireloop.models import Job

        uow.session.get(Job, __import__("uuid").UUID(job["id"])).template_key = "fmcg_regional_sales_manager"
        uow.commit()
    plan = client.get(f"/api/v1/jobs/{job['id']}/interview-plan", headers=h).json()
    comps = plan["bank"]["competencies"]
    assert len(comps) >= 4 and all(len(c["questions"]) >= 3 for c in comps)
    assert plan["bank"]["practice"]["text_zh"]


def test_invitation_email_carries_a_working_link(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    import email
    from email import policy

    mails = [email.message_from_bytes(p.read_bytes(), policy=policy.default).get_body().get_content()
             for p in Path(settings.outbox_dir).glob("*.eml")]
    assert any(f"/i/{token}" in m for m in mails)
    page = client.get(f"/i/{token}")
    assert page.status_code == 200 and "Before you start" in page.text


def test_tampered_cancelled_and_expired_links(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    r = client.get(f"/i/{token[:-2]}xx")
    assert r.status_code == 404 and "not valid" in r.text
    h = api(tenant.api_key)
    with session_factory(settings)() as s:
        s.get(Interview, iv_id).expires_at = utcnow() - timedelta(minutes=1)
        s.commit()
    r = client.get(f"/i/{token}")
    assert r.status_code == 410 and "expired" in r.text
    assert client.get(f"/api/v1/interviews/{iv_id}", headers=h).json()["status"] == "expired"
    r = client.post(f"/api/v1/interviews/{iv_id}/extend", json={"days": 3}, headers=h)
    assert r.status_code == 200 and r.json()["status"] == "invited"
    assert client.get(f"/i/{token}").status_code == 200
    assert client.post(f"/api/v1/interviews/{iv_id}/cancel", json={"reason": "position filled"}, headers=h).status_code == 200
    r = client.get(f"/i/{token}")
    assert r.status_code == 404


def test_consent_is_required_and_recorded_against_the_notice(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    page = client.get(f"/i/{token}")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post(f"/i/{token}/consent", data={"csrf_token": csrf, "purposes": ["recording"]})
    assert r.status_code == 422 and "agree" in r.text
    r = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 10, "content_type": "video/webm"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code in (403, 409)
    consent(client, token, purposes=("recording", "content_analysis"))
    ledger = client.get(f"/api/v1/candidates/{_cand(settings, iv_id)}/consents", headers=api(tenant.api_key)).json()
    assert {c["purpose"] for c in ledger} == {"recording", "content_analysis"}
    assert len({c["notice_version"] for c in ledger}) == 1


def _cand(settings, iv_id):
    with session_factory(settings)() as s:
        return s.get(Interview, iv_id).candidate_id


def test_an_interrupted_upload_resumes_with_no_loss_and_no_duplicate(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    data = webm_bytes()
    h = {"X-CSRF-Token": csrf}
    uid = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": len(data), "content_type": "video/webm;codecs=vp8,opus"},
                      headers=h).json()["upload_id"]
    part = 80_000

    def put(start, end):
        return client.put(f"/i/{token}/uploads/{uid}", content=data[start : end + 1],
                          headers={**h, "Content-Range": f"bytes {start}-{end}/{len(data)}"})

    assert put(0, part - 1).json()["received"] == part
    # The second part reaches the server but the connection drops before the answer: the client cannot know.
    assert put(part, 2 * part - 1).status_code == 200
    # Resuming, the client asks where the server got to...
    assert client.get(f"/i/{token}/uploads/{uid}").json()["received"] == 2 * part
    # ...and a client that resends the part anyway (it never saw the answer) writes nothing twice.
    assert put(part, 2 * part - 1).json()["received"] == 2 * part
    # An overlapping range after a partial write is accepted for its new bytes only.
    assert put(2 * part - 10, 3 * part - 1).json()["received"] == 3 * part
    # A gap is refused with the offset to continue from.
    gap = put(3 * part + 5, len(data) - 1)
    assert gap.status_code == 409 and gap.json()["error"]["details"]["received"] == 3 * part
    last = put(3 * part, len(data) - 1).json()
    assert last["status"] == "done" and last["answer_id"]
    # Sending the last part again after completion changes nothing.
    assert put(3 * part, len(data) - 1).json()["answer_id"] == last["answer_id"]
    with session_factory(settings)() as s:
        answers = s.scalars(select(Answer).where(Answer.interview_id == iv_id, Answer.question_index == 0)).all()
        assert len(answers) == 1
        stored = get_storage(settings).read_bytes(answers[0].storage_key)
        assert answers[0].status == "queued"
        assert s.scalars(select(AnswerUpload).where(AnswerUpload.interview_id == iv_id)).one().status == "done"
    assert stored == data  # byte for byte


def test_upload_limits_types_and_devices(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    h = {"X-CSRF-Token": csrf}
    too_big = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 3 * 1024**3, "content_type": "video/webm"}, headers=h)
    assert too_big.status_code == 413 and "limit" in too_big.json()["error"]["message"]
    wrong = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 100, "content_type": "application/x-msdownload"}, headers=h)
    assert wrong.status_code == 415
    bad_q = client.post(f"/i/{token}/uploads", json={"question_index": 7, "total_bytes": 100, "content_type": "video/webm"}, headers=h)
    assert bad_q.status_code == 422
    no_csrf = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 100, "content_type": "video/webm"})
    assert no_csrf.status_code == 403
    # A file that claims to be WebM but is not is refused, and nothing is stored.
    r = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 5, "content_type": "video/webm"}, headers=h)
    uid = r.json()["upload_id"]
    r = client.put(f"/i/{token}/uploads/{uid}", content=b"MZ\x90\x00\x03", headers={**h, "Content-Range": "bytes 0-4/5"})
    assert r.status_code == 415
    with session_factory(settings)() as s:
        assert s.scalars(select(Answer).where(Answer.interview_id == iv_id)).all() == []
    # A second device on the same link while the first is active is turned away; the first goes on.
    from fastapi.testclient import TestClient

    with TestClient(client.app) as other:
        page = other.get(f"/i/{token}")
        csrf2 = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        r = other.post(f"/i/{token}/consent", data={"csrf_token": csrf2, "purposes": ["recording", "content_analysis"]})
        assert r.status_code == 409 and "another device" in r.text
    assert upload(client, token, csrf, 0, webm_bytes(1000))["status"] == "done"


def test_retakes_are_limited_and_the_latest_counts(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    first = upload(client, token, csrf, 0, webm_bytes(2000))
    second = upload(client, token, csrf, 0, webm_bytes(3000))
    r = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": 10, "content_type": "video/webm"},
                    headers={"X-CSRF-Token": csrf})
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_retakes_left"
    with session_factory(settings)() as s:
        rows = {str(a.id): a for a in s.scalars(select(Answer).where(Answer.interview_id == iv_id))}
    assert not rows[first["answer_id"]].is_current and rows[second["answer_id"]].is_current
    assert get_storage(settings).exists(rows[first["answer_id"]].storage_key)  # nothing recorded is lost


def test_finish_needs_every_answer_and_moves_the_application(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/i/{token}/finish", headers=h)
    assert r.status_code == 422 and r.json()["error"]["details"]["missing"] == [0]
    upload(client, token, csrf, -1, webm_bytes(1000))  # the practice answer is stored, never analysed
    upload(client, token, csrf, 0, webm_bytes(1000))
    assert client.post(f"/i/{token}/finish", headers=h).json()["status"] == "completed"
    detail = client.get(f"/api/v1/interviews/{iv_id}", headers=api(tenant.api_key)).json()
    app = client.get(f"/api/v1/applications/{detail['application_id']}", headers=api(tenant.api_key)).json()
    assert detail["status"] == "completed" and app["stage"] == "interviewed"
    statuses = {a["question_index"]: a["status"] for a in detail["answers"]}
    assert statuses[-1] == "practice"
    assert "complete" in client.get(f"/i/{token}/status").text


def test_withdrawing_consent_stops_analysis_and_opens_a_deletion_request(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    ans = upload(client, token, csrf, 0, webm_bytes(1000))
    r = client.post(f"/i/{token}/withdraw", data={"csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 303
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with session_factory(settings)() as s:
        a = s.get(Answer, __import__("uuid").UUID(ans["answer_id"]))
        assert a.status == "not_analysed" and a.error_code == "no_consent"
        assert get_storage(settings).exists(a.storage_key)  # kept for the deletion process, not silently lost
        req = s.scalars(select(CandidateRequest).where(CandidateRequest.interview_id == iv_id)).one()
        assert req.kind == "deletion" and req.due_at > utcnow() + timedelta(days=29)
    reqs = client.get("/api/v1/candidate-requests", headers=api(tenant.api_key)).json()
    assert any(x["interview_id"] == str(iv_id) for x in reqs)


def test_a_candidate_can_ask_for_an_alternative_process(client, settings, tenant):
    iv_id, token = new_interview(settings, tenant)
    page = client.get(f"/i/{token}")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post(f"/i/{token}/request", data={"csrf_token": csrf, "kind": "alternative_process", "details": "I am hard of hearing"})
    assert r.status_code == 200 and "sent to the recruiter" in r.text
    reqs = client.get("/api/v1/candidate-requests", headers=api(tenant.api_key)).json()
    mine = [x for x in reqs if x["interview_id"] == str(iv_id)]
    assert mine[0]["kind"] == "alternative_process"


def test_reminder_is_sent_once_and_skipped_after_extension(settings, tenant):
    from hireloop.interviews.service import send_reminder_if_due

    iv_id, _ = new_interview(settings, tenant)
    with unit_of_work(settings) as uow:
        iv = uow.session.get(Interview, iv_id)
        stale = (iv.expires_at - timedelta(days=1)).isoformat()
        assert send_reminder_if_due(uow.session, iv_id, stale) is False  # scheduled for an older expiry
        assert send_reminder_if_due(uow.session, iv_id, iv.expires_at.isoformat()) is True
        assert send_reminder_if_due(uow.session, iv_id, iv.expires_at.isoformat()) is False
        uow.commit()


def test_bulk_invite_reports_each_failure(client, settings, tenant):
    h = api(tenant.api_key)
    no_email = client.post("/api/v1/candidates", json={"full_name": "No Mail"}, headers=h).json()
    app = client.post("/api/v1/applications", json={"job_id": str(tenant.job_id), "candidate_id": no_email["id"]}, headers=h).json()
    with unit_of_work(settings) as uow:
        from hireloop.accounts.actor import system_actor
        from hireloop.interviews.plans import set_plan
        from tests.factories import SMALL_BANK

        set_plan(uow.session, system_actor(tenant.org_id), tenant.job_id, bank=SMALL_BANK, expires_days=7)
        uow.commit()
    r = client.post("/api/v1/interviews/bulk", json={"application_ids": [str(tenant.application_id), app["id"]]}, headers=h)
    assert r.status_code == 200
    body = r.json()
    assert len(body["invited"]) == 1 and body["failed"][0]["code"] == "no_email"
    assert client.get(f"/api/v1/applications/{tenant.application_id}", headers=h).json()["stage"] == "invited"
    assert client.get(f"/api/v1/applications/{app['id']}", headers=h).json()["stage"] == "applied"


def test_token_for_another_interview_cannot_be_forged(settings, tenant, other_tenant, client):
    _, token = new_interview(settings, other_tenant)
    iv_id, _ = new_interview(settings, tenant)
    forged = make_token(iv_id, "0" * 16)  # right signature, wrong nonce
    assert client.get(f"/i/{forged}").status_code == 404
