"""Reports: rendered automatically after scoring, as HTML and PDF with real Chinese text; HR releases the candidate's."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from hireloop.db import unit_of_work
from hireloop.dispatch import registered
from hireloop.models import BackgroundTask
from hireloop.reports import service as reports
from hireloop.reports.feedback import build_feedback
from hireloop.scoring import service
from hireloop.scoring.tasks import enqueue_if_ready
from hireloop.storage import get_storage
from tests.factories import login
from tests.scoring_db.builders import FixedScorer, add_interview, make_job

STRONG = "去年我负责华东区的新品推广。我制定了计划并培训了十名促销员。最后销量提升了30%。"
WEAK = "我觉得沟通很重要。一般来说我比较擅长。"
SCORER = FixedScorer({STRONG: 4.4, WEAK: 2.1})


def _scored_interview(settings, tenant, **kw):
    with unit_of_work(settings) as uow:
        job_id = make_job(uow.session, tenant.org_id)
        iv, app, token = add_interview(uow.session, tenant.org_id, job_id, "陈小明", [STRONG, WEAK], **kw)
        service.score_interview(uow.session, iv, scorer=SCORER)
        reports.generate(uow.session, iv)
        uow.commit()
    return iv, app, token


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_pdf_report_renders_to_an_image_with_its_chinese_text(settings, tenant, tmp_path):
    iv, _, _ = _scored_interview(settings, tenant, several_faces=True)
    with unit_of_work(settings) as uow:
        rows = {k: reports.repo.report_of(uow.session, tenant.org_id, iv, k) for k in ("hr", "candidate")}
    for kind, row in rows.items():
        pdf = tmp_path / f"{kind}.pdf"
        pdf.write_bytes(get_storage().read_bytes(row.pdf_key))
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        compact = "".join(text.split())
        assert "陈小明" in compact and "沟通能力" in compact
        if kind == "hr":
            assert "去年我负责华东区的新品推广" in compact  # the evidence quote
            assert "多张人脸" in compact and "综合得分" in compact  # the several-faces flag, labels in Chinese
        else:
            assert "建议" in compact and "结构化" in compact  # a concrete suggestion in Chinese
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / kind)], check=True)
        png = next(tmp_path.glob(f"{kind}*.png"))
        from PIL import Image

        img = Image.open(png).convert("L")
        lo, hi = img.getextrema()
        dark = sum(img.histogram()[:128])
        assert hi - lo > 100 and dark > 500, "the page has visible text, not tofu-free blank"


def test_feedback_gives_two_or_three_concrete_suggestions_without_raw_scores_by_default(settings, tenant, client):
    iv, app, token = _scored_interview(settings, tenant)
    with unit_of_work(settings) as uow:
        row = reports.repo.report_of(uow.session, tenant.org_id, iv, "candidate")
        html = reports.read(row, "html").decode()
    assert "4.4" not in html and "<svg" not in html  # no scores for the candidate unless the company says so
    # Not visible to the candidate until HR releases it.
    assert client.get(f"/i/{token}/report").status_code == 404
    csrf = login(client, tenant.emails["recruiter"])
    r = client.post(f"/api/v1/interviews/{iv}/reports/candidate/release", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["released_at"]
    client.cookies.clear()
    page = client.get(f"/i/{token}/report")
    assert page.status_code == 200 and "建议" in page.text
    assert client.get(f"/i/{token}/report.pdf").content.startswith(b"%PDF")
    assert "/report" in client.get(f"/i/{token}/status").text
    # The company may choose to show scores (an administrator's setting): the next rendering includes them.
    csrf = login(client, tenant.emails["admin"])
    assert client.get("/api/v1/feedback-settings").json() == {"show_scores_to_candidates": False}
    r = client.put("/api/v1/feedback-settings", json={"show_scores_to_candidates": True}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["show_scores_to_candidates"]
    with unit_of_work(settings) as uow:
        reports.generate(uow.session, iv, kinds=("candidate",))
        uow.commit()
        html = reports.read(reports.repo.report_of(uow.session, tenant.org_id, iv, "candidate"), "html").decode()
    assert "<svg" in html and "4.4" in html


def test_build_feedback_picks_the_weakest_signals():
    comps = [{"key": "a", "name": "沟通能力", "score": 4.2, "level": 4, "answers": [
                 {"signals": {"structure": 1.0, "numbers": 0.9}, "off_topic": False}]},
             {"key": "b", "name": "客户导向", "score": 2.0, "level": 2, "answers": [
                 {"signals": {"structure": 0.0, "numbers": 0.1, "vagueness": 0.9}, "off_topic": False}]}]
    fb = build_feedback(comps, [], "zh")
    assert [s.name for s in fb.strengths] == ["沟通能力"] and [s.name for s in fb.to_develop] == ["客户导向"]
    assert 2 <= len(fb.suggestions) <= 3 and any("结构化思维" in s for s in fb.suggestions)
    en = build_feedback(comps, [], "en")
    assert all(s.isascii() for s in en.suggestions)


def test_the_last_analysed_answer_queues_scoring_then_reports(settings, tenant):
    import hireloop.scoring.tasks  # noqa: F401 - registers the tasks

    assert {"scoring.score_interview", "reports.render_interview"} <= set(registered())
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        iv, _, _ = add_interview(s, tenant.org_id, job_id, "队列", [STRONG, STRONG])
        assert enqueue_if_ready(s, iv)
        queued = s.query(BackgroundTask).filter(BackgroundTask.name == "scoring.score_interview").all()
        assert any(t.payload.get("interview_id") == str(iv) for t in queued)
        # Not ready while one answer is still waiting for analysis.
        iv2, _, _ = add_interview(s, tenant.org_id, job_id, "未完", [STRONG, STRONG])
        from hireloop.interviews import repository as iv_repo

        iv_repo.answers(s, tenant.org_id, iv2)[1].status = "stored"
        s.flush()
        assert not enqueue_if_ready(s, iv2)
        uow.rollback()
