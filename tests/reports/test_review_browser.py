"""Headless Chromium: a reviewer ranks, compares, jumps the video to a sentence, overrides with a reason; audit shows it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hireloop.db import unit_of_work
from hireloop.interviews import repository as iv_repo
from hireloop.scoring import service
from hireloop.storage import get_storage
from tests.scoring_db.builders import FixedScorer, add_interview, make_job
from tests.test_browser import browser, log_in, server, watched_page  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser
MEDIA = Path(__file__).resolve().parent.parent / "data" / "media" / "answer_zh_pauses.webm"
STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"
WEAK = "我觉得沟通很重要。一般来说我比较擅长。"
PLAYING = re.compile(r"\bplaying\b")


def test_reviewer_ranks_compares_and_overrides_with_a_reason(server, browser, tenant, settings, tmp_path):  # noqa: F811
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        scorer = FixedScorer({STRONG: 4.5, WEAK: 2.0})
        apps = {}
        for name, answers in [("张三", [STRONG, STRONG]), ("李四", [STRONG, STRONG]), ("王五", [WEAK, WEAK])]:
            iv, app, _ = add_interview(s, tenant.org_id, job_id, name, answers)
            for a in iv_repo.answers(s, tenant.org_id, iv):
                get_storage().put_bytes(a.storage_key, MEDIA.read_bytes())  # a real recording, sealed like any
            service.score_interview(s, iv, scorer=scorer)
            apps[name] = app
        uow.commit()

    page, errors = watched_page(browser)
    log_in(page, server, tenant.emails["recruiter"])
    page.goto(f"{server}/jobs/{job_id}/review")
    rows = page.locator("table.ranked tbody tr")
    assert rows.count() == 3
    ranks = [r.strip() for r in page.locator("td.rank").all_inner_texts()]
    assert ranks == ["1 =", "1 =", "3"]  # equal scores share the first rank
    assert "候选人排名" in page.content()

    # Compare the two tied candidates side by side.
    assert page.locator("button.compare-go").is_disabled()
    page.check(f'input[name=ids][value="{apps["张三"]}"]')
    page.check(f'input[name=ids][value="{apps["王五"]}"]')
    page.click("button.compare-go")
    page.wait_for_selector("table.compare")
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    header = page.locator("table.compare thead").inner_text()
    assert "张三" in header and "王五" in header and "李四" not in header

    # The weak candidate's page: clicking a transcript sentence moves the video there.
    page.click("text=王五")
    # Waits are on locator states, never page.wait_for_function: Playwright evaluates its string predicate with
    # eval, which the console's content security policy (no 'unsafe-eval') refuses with a console error.
    answer = page.locator("section.answer").first
    expect(answer.locator("video")).to_be_visible()
    sentence = answer.locator(".sentence[data-t]").nth(1)
    target = float(sentence.get_attribute("data-t"))
    assert target > 0
    expect(sentence).not_to_have_class(PLAYING)
    sentence.click()
    # review.js marks the sentence being played from the video's own time: it is marked once the video is there
    # (a seek before the metadata has loaded waits for it).
    expect(sentence).to_have_class(PLAYING, timeout=15_000)
    # It got there by the jump, not by playing from the start: what was played begins at the sentence.
    # (locator.evaluate goes through the DevTools protocol, which the page's policy does not govern.)
    began = answer.locator("video").evaluate("v => v.played.length ? v.played.start(0) : v.currentTime")
    assert abs(began - target) < 0.6, (began, target)

    # One click overrides the system's recommendation, with the reason typed beside it.
    assert "需人工细看" in page.locator(".summary").inner_text()
    page.fill("form.override input[name=reason]", "面谈中补充了完整案例")
    page.click('form.override button[value="advance"]')
    page.wait_for_selector(".rec.override")
    summary = page.locator(".summary").inner_text()
    assert "推进" in summary and "面谈中补充了完整案例" in summary
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)
    assert not errors, errors

    # The administrator finds the override in the audit log.
    admin = browser.new_page(locale="zh-CN")
    log_in(admin, server, tenant.emails["admin"])
    admin.goto(f"{server}/api/v1/audit-events?action=assessment.recommendation_overridden")
    events = json.loads(admin.locator("body").inner_text())
    assert len(events) == 1
    ev = events[0]
    assert ev["entity_id"] == str(apps["王五"]) and ev["actor_name"].endswith("recruiter")
    assert ev["details"]["from"] == "review" and ev["details"]["to"] == "advance"
    assert ev["details"]["reason"] == "面谈中补充了完整案例"
