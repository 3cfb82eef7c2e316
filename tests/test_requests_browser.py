"""Headless Chromium: an administrator works through candidates' requests in Chinese, under the real CSP."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from hireloop.db import unit_of_work
from hireloop.interviews import portal
from hireloop.models import Candidate, CandidateRequest, ProcessingRestriction, utcnow
from hireloop.scoring import service as scoring
from tests.scoring_db.builders import FixedScorer, add_interview, make_job
from tests.test_browser import browser, log_in, server, watched_page  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser
STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"


def test_an_administrator_handles_requests_from_the_console(server, browser, tenant, settings):  # noqa: F811
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        ids = {}
        for name, kind in [("赵复核", "human_review"), ("钱删除", "deletion"), ("孙解释", "explanation")]:
            iv, app, token = add_interview(s, tenant.org_id, job_id, name, [STRONG, STRONG])
            scoring.score_interview(s, iv, scorer=FixedScorer({STRONG: 4.0}))
            req = portal.file_request(s, portal.open_link(s, token), kind=kind, details="")
            ids[kind] = (req.id, req.candidate_id, app)
        s.get(CandidateRequest, ids["deletion"][0]).due_at = utcnow() - timedelta(days=2)
        uow.commit()

    page, errors = watched_page(browser)
    log_in(page, server, tenant.emails["admin"])
    page.click("nav >> text=候选人申请")
    page.wait_for_url(f"{server}/requests")
    overdue = page.locator("tr.overdue")
    assert overdue.count() == 1 and "钱删除" in overdue.inner_text() and "已逾期" in overdue.inner_text()

    review_row = page.locator(f"tr[data-request='{ids['human_review'][0]}']")
    review_row.locator("button", has_text="暂停，交由人工决定").click()
    page.wait_for_url(f"{server}/requests?done=start_review")
    assert "评审页面" in page.locator("p[role=status]").inner_text()

    with page.expect_download() as dl:
        page.locator(f"tr[data-request='{ids['explanation'][0]}'] a", has_text="下载评估解释").click()
    data = json.loads(open(dl.value.path(), encoding="utf-8").read())
    assert data["candidate"]["name"] == "孙解释" and data["assessments"][0]["scoring_model"]["version"] == 1

    delete_row = page.locator(f"tr[data-request='{ids['deletion'][0]}']")
    delete_row.locator("input[name=confirm]").check()
    delete_row.locator("button", has_text="删除其全部数据").click()
    page.wait_for_url(f"{server}/requests?done=erase")
    assert "钱删除" not in page.content()
    assert not errors, errors

    with unit_of_work(settings) as uow:
        s = uow.session
        assert s.get(Candidate, ids["deletion"][1]) is None
        hold = s.query(ProcessingRestriction).filter_by(application_id=ids["human_review"][2]).one()
        assert hold.kind == "human_review" and hold.resolved_at is None
