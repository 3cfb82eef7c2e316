"""Retention: a dry run lists what each policy's periods delete; applying it deletes exactly that."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from typer.testing import CliRunner

from hireloop.cli.main import app as cli
from hireloop.compliance import retention
from hireloop.db import session_factory
from hireloop.models import Answer, Candidate, Interview, utcnow
from hireloop.storage import get_storage


def test_dry_run_then_apply(settings, tenant):
    with session_factory(settings)() as s:
        iv = s.get(Interview, tenant.interview_id)
        answer = s.get(Answer, tenant.answer_id)
        key = answer.storage_key
        now = iv.expires_at + timedelta(days=200)  # past the CN policy's 180 days for recordings
        dry = retention.plan(s, now=now)
    mine = [i for i in dry.items if i.org_id == tenant.org_id]
    assert [(i.kind, i.id) for i in mine if i.kind == "recording"] == [("recording", tenant.answer_id)]
    assert not [i for i in mine if i.kind == "candidate"]  # 200 days is inside the 730-day profile period
    assert get_storage(settings).exists(key)  # a dry run deletes nothing
    with session_factory(settings)() as s:
        _counts, keys = retention.apply(s, retention.PurgePlan(now, mine))
        s.commit()
    retention.remove_files(keys)
    assert not get_storage(settings).exists(key)
    with session_factory(settings)() as s:
        assert s.get(Answer, tenant.answer_id).storage_key == ""
        later = retention.plan(s, now=utcnow() + timedelta(days=3000))
    kinds = {(i.kind, i.id) for i in later.items if i.org_id == tenant.org_id}
    assert ("candidate", tenant.candidate_id) in kinds


def test_cli_dry_run_changes_nothing(settings, tenant):
    with session_factory(settings)() as s:
        n = len(s.scalars(select(Candidate)).all())
    r = CliRunner().invoke(cli, ["retention"])
    assert r.exit_code == 0 and "would delete" in r.output
    with session_factory(settings)() as s:
        assert len(s.scalars(select(Candidate)).all()) == n


def test_the_purge_is_scheduled_once_per_period(settings):
    from hireloop import dispatch
    from hireloop.models import BackgroundTask

    d = dispatch.EmbeddedDispatcher(settings, workers=0)
    first = d.enqueue_due()
    again = d.enqueue_due()
    # other periodic tasks may be due too; the purge is enqueued at most once, and not again in the same period
    assert again == [] and first.count("compliance.retention_purge") <= 1
    d.run_until_idle()
    with session_factory(settings)() as s:
        rows = s.scalars(select(BackgroundTask).where(BackgroundTask.name == "compliance.retention_purge")).all()
    assert rows and all(r.status == "done" for r in rows)


def test_purging_transcripts_also_purges_the_quotes_taken_from_them(settings, tenant):
    """Review finding: the transcript went, but its sentences stayed quoted in content scores, assessments and
    the rendered reports."""
    from datetime import timedelta

    from hireloop.compliance import retention
    from hireloop.models import Answer, AnswerContentScore, Assessment, Interview, Report
    from tests.test_requests_console import _scored

    iv_id, _, _ = _scored(settings, tenant, "林保留期")
    with session_factory(settings)() as s:
        iv = s.get(Interview, iv_id)
        answer_ids = [a.id for a in s.scalars(select(Answer).where(Answer.interview_id == iv_id))]
        [assessment] = s.scalars(select(Assessment).where(Assessment.interview_id == iv_id)).all()
        quotes = [e["sentence"] for c in assessment.competencies for x in c.get("answers", []) for e in x.get("evidence", [])]
        report_files = [k for r in s.scalars(select(Report).where(Report.interview_id == iv_id)) for k in (r.html_key, r.pdf_key)]
        later = (iv.completed_at or iv.expires_at) + timedelta(days=3650)
    assert quotes and report_files
    with session_factory(settings)() as s:
        plan = retention.plan(s, now=later)
        mine = retention.PurgePlan(as_of=later, items=[i for i in plan.items if i.kind == "analysis" and i.org_id == tenant.org_id])
        _, keys = retention.apply(s, mine)
        s.commit()
    retention.remove_files(keys)
    with session_factory(settings)() as s:
        assert not s.scalars(select(AnswerContentScore).where(AnswerContentScore.answer_id.in_(answer_ids))).all()
        [assessment] = s.scalars(select(Assessment).where(Assessment.interview_id == iv_id)).all()
        assert assessment.composite is not None  # the scores stay
        assert not any(x.get("evidence") for c in assessment.competencies for x in c.get("answers", []))
        assert not s.scalars(select(Report).where(Report.interview_id == iv_id)).all()
    assert not any(get_storage(settings).exists(k) for k in report_files)
