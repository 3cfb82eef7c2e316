"""The alternative process can also remove what automated analysis produced before the opt-out (GDPR art. 21-22,
PIPL art. 24): analyses, content scores, assessments and the reports rendered from them; the recordings stay."""

from __future__ import annotations

from sqlalchemy import func, select

from hireloop.db import unit_of_work
from hireloop.models import (
    Answer,
    AnswerAnalysis,
    AnswerContentScore,
    Assessment,
    AuditEvent,
    Interview,
    Report,
)
from hireloop.storage import get_storage
from tests.factories import login
from tests.test_requests_console import _file, _request, _scored


def _held(settings, org_id, iv_id) -> dict:
    """What is held on one interview: counts per table, the report files and the answers' keys and statuses."""
    with unit_of_work(settings) as uow:
        s = uow.session
        answers = list(s.scalars(select(Answer).where(Answer.interview_id == iv_id)))
        ids = [a.id for a in answers]
        reports = list(s.scalars(select(Report).where(Report.interview_id == iv_id)))
        return {
            "answer_analyses": s.scalar(select(func.count()).select_from(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_(ids))),
            "answer_content_scores": s.scalar(select(func.count()).select_from(AnswerContentScore)
                                              .where(AnswerContentScore.answer_id.in_(ids))),
            "assessments": s.scalar(select(func.count()).select_from(Assessment).where(Assessment.interview_id == iv_id)),
            "reports": len(reports),
            "report_files": [k for r in reports for k in (r.html_key, r.pdf_key) if k],
            "answers": [(a.storage_key, a.status, a.error_code) for a in answers],
        }


def _opt_out(client, tenant, req, **extra) -> None:
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/requests/{req}/action", data={"csrf_token": csrf, "action": "opt_out", **extra},
                    follow_redirects=False)
    assert r.status_code == 303, r.text


def test_opting_out_can_delete_the_earlier_automated_results(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林删分析")
    other, _, _ = _scored(settings, tenant, "林保留")  # another candidate of the same organization
    with unit_of_work(settings) as uow:
        s = uow.session
        keys = [a.storage_key for a in s.scalars(select(Answer).where(Answer.interview_id == iv))]
        for k in keys:
            get_storage().put_bytes(k, b"recording")
        cand_id = s.get(Interview, iv).candidate_id
    before = _held(settings, tenant.org_id, iv)
    assert before["answer_analyses"] == 2 and before["assessments"] == 1 and before["reports"] >= 1
    assert before["answer_content_scores"] >= 1
    assert all(get_storage().exists(k) for k in before["report_files"])
    other_before = _held(settings, tenant.org_id, other)

    req = _file(settings, token, "alternative_process", "Please assess me without AI")
    login(client, tenant.emails["recruiter"])
    assert 'name="delete_analysis"' in client.get("/requests").text  # the console offers the choice
    _opt_out(client, tenant, req, delete_analysis="yes")

    after = _held(settings, tenant.org_id, iv)
    assert (after["answer_analyses"], after["answer_content_scores"], after["assessments"], after["reports"]) == (0, 0, 0, 0)
    assert not any(get_storage().exists(k) for k in before["report_files"]), "the reports quote scores and answers"
    assert all(get_storage().exists(k) for k in keys), "the recordings stay for the people who assess instead"
    assert {(st, code) for _, st, code in after["answers"]} == {("not_analysed", "alternative_process")}
    assert _held(settings, tenant.org_id, other) == other_before  # nobody else's results are touched

    with unit_of_work(settings) as uow:
        [ev] = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate.automated_results_deleted",
                                                            AuditEvent.entity_id == str(cand_id)))
        assert ev.details["rows"]["answer_analyses"] == 2 and ev.details["rows"]["assessments"] == 1
        assert ev.details["files"] == len(before["report_files"])
    closed = _request(settings, req)
    assert closed.status == "closed" and ("deleted" in closed.outcome or "删除" in closed.outcome)


def test_without_the_choice_earlier_results_stay(settings, tenant, client):
    iv, _, token = _scored(settings, tenant, "林不删")
    before = _held(settings, tenant.org_id, iv)
    req = _file(settings, token, "alternative_process")
    _opt_out(client, tenant, req)
    assert _held(settings, tenant.org_id, iv) == before
    assert _request(settings, req).status == "closed"


def test_after_the_opt_out_nothing_scores_the_candidate_again(settings, tenant, client):
    """Review finding: a content-scoring task queued before the opt-out still scored, and rescoring was accepted."""
    from hireloop.scoring import service as scoring
    from tests.factories import api

    iv, _, token = _scored(settings, tenant, "林不再评分")
    req = _file(settings, token, "alternative_process")
    _opt_out(client, tenant, req)
    with unit_of_work(settings) as uow:
        s = uow.session
        answers = [a for a in s.scalars(select(Answer).where(Answer.interview_id == iv)) if a.question_index >= 0]
        s.execute(AnswerContentScore.__table__.delete().where(AnswerContentScore.answer_id.in_([a.id for a in answers])))
        for a in answers:
            a.status = "analysed"  # as if its scoring task had been queued before the opt-out
        uow.commit()
    with unit_of_work(settings) as uow:
        assert [scoring.score_answer_on_arrival(uow.session, a.id) for a in answers] == [False] * len(answers)
        uow.commit()
    assert _held(settings, tenant.org_id, iv)["answer_content_scores"] == 0
    r = client.post(f"/api/v1/interviews/{iv}/assessment", headers=api(tenant.api_key))
    assert r.status_code == 409 and r.json()["error"]["code"] == "opted_out_of_automated_analysis"
