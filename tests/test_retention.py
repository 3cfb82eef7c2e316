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
