"""End to end in Debian's headless Chromium with a fake camera and microphone fed from files:
open the invitation, consent, check devices, record every answer, upload; the answers are stored and analysed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hireloop import dispatch
from hireloop.db import session_factory, unit_of_work
from hireloop.models import Answer, AnswerAnalysis, Interview
from tests.data.portal.fake_media import make
from tests.portal_client import new_interview
from tests.test_browser import CHROMIUM, server  # noqa: F401 - the live server fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def fake_browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    y4m, wav = make(tmp_path_factory.mktemp("fake-media"))
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={y4m}", f"--use-file-for-fake-audio-capture={wav}",
            "--autoplay-policy=no-user-gesture-required",
        ])
        yield b
        b.close()


def _short_plan(settings, tenant, iv_id):
    """Shorten think and answer times so that the test records a few seconds per answer."""
    with unit_of_work(settings) as uow:
        iv = uow.session.get(Interview, iv_id)
        iv.practice = {**iv.practice, "think_seconds": 1, "answer_seconds": 3}
        iv.questions = [{**q, "think_seconds": 1, "answer_seconds": 4} for q in iv.questions]
        uow.commit()


def test_candidate_records_and_uploads_every_answer(server, fake_browser, settings, tenant):  # noqa: F811
    iv_id, token = new_interview(settings, tenant, profile={"years_experience": 2})
    _short_plan(settings, tenant, iv_id)
    page = fake_browser.new_page(locale="en-US")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    cut = {"done": False}

    def drop_first_part(route):  # the connection dies during the first part of the first answer
        if route.request.method == "PUT" and not cut["done"]:
            cut["done"] = True
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/uploads/*", drop_first_part)
    page.goto(f"{server}/i/{token}")
    assert "Before you start" in page.content()
    for box in page.locator("form.consent input[type=checkbox]").all():
        box.check()
    page.click("form.consent button[type=submit]")
    page.wait_for_url(f"{server}/i/{token}/record")
    page.wait_for_selector("#check-ok:not([disabled])", timeout=20_000)
    page.click("#check-ok")
    sections = page.locator("section.question")
    for i in range(sections.count()):
        sec = sections.nth(i)
        sec.wait_for(state="visible")
        # think time runs out, recording starts by itself and stops at the answer time limit
        sec.locator("button.next").wait_for(state="visible", timeout=40_000)
        assert "Saved" in sec.locator(".status").inner_text()
        sec.locator("button.next").click()
    page.wait_for_selector("#step-finish:not([hidden])")
    page.click("#finish")
    page.wait_for_url(f"{server}/i/{token}/status")
    assert "complete" in page.content()
    assert [e for e in errors if "ERR_CONNECTION_RESET" not in e] == []  # only the connection we cut

    with session_factory(settings)() as s:
        iv = s.get(Interview, iv_id)
        answers = s.scalars(select(Answer).where(Answer.interview_id == iv_id)).all()
    assert iv.status == "completed"
    assert sorted(a.question_index for a in answers) == [-1, *range(len(iv.questions))]
    assert all(a.size_bytes > 10_000 and a.content_type == "video/webm" for a in answers)
    assert cut["done"]  # the dropped part was retried after asking the server where it got to
    with session_factory(settings)() as s:
        from hireloop.models import AnswerUpload
        from hireloop.storage import get_storage

        ups = s.scalars(select(AnswerUpload).where(AnswerUpload.interview_id == iv_id)).all()
        assert all(u.status == "done" and u.received_bytes == u.total_bytes for u in ups)
        for a in answers:  # no loss: every stored file is exactly as long as the recording the browser made
            assert len(get_storage(settings).read_bytes(a.storage_key)) == a.size_bytes

    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with session_factory(settings)() as s:
        scored = [a for a in s.scalars(select(Answer).where(Answer.interview_id == iv_id)) if a.question_index >= 0]
        assert all(a.status == "analysed" for a in scored), [(a.status, a.error_message) for a in scored]
        rows = s.scalars(select(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_([a.id for a in scored]))).all()
    assert len(rows) == len(scored)
    names = {m["name"] for m in rows[0].measures}
    assert {"speech_rate", "pauses_per_min", "face_visible"} <= names  # CN policy with every consent given
    assert rows[0].transcript is not None and rows[0].models
