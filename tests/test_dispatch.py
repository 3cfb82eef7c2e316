"""Background work: durable rows, retries with backoff, and work that survives a killed process exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from hireloop import dispatch
from hireloop.db import session_factory, unit_of_work
from hireloop.crypto import blind_index
from hireloop.models import BackgroundTask, EmailMessage
from tests.conftest import REPO


def _effects(settings, marker: str) -> int:
    with session_factory(settings)() as s:
        # subjects are sealed at rest: find the test's messages by the address's keyed hash, then compare
        mine = s.scalars(select(EmailMessage).where(EmailMessage.to_hash == blind_index("effect@test.example", "email")))
        return sum(1 for m in mine if m.subject == marker)


def _task(settings, task_id) -> BackgroundTask:
    with session_factory(settings)() as s:
        return s.get(BackgroundTask, task_id)


def _worker(settings) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HIRELOOP_DATABASE_URL": settings.database_url}
    return subprocess.Popen([sys.executable, "-m", "hireloop.cli.main", "worker", "--threads", "1"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _wait(predicate, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_a_task_killed_mid_run_runs_again_after_restart_and_its_effect_happens_once(settings, tmp_path: Path):
    marker = f"effect-{uuid.uuid4().hex}"
    with unit_of_work(settings) as uow:
        row = dispatch.enqueue(uow.session, "testsupport.hold_then_write", marker=marker, signal_dir=str(tmp_path))
        task_id = row.id
        uow.commit()

    first = _worker(settings)
    try:
        assert _wait(lambda: any(tmp_path.glob("started-*"))), "the first worker never started the task"
        assert _task(settings, task_id).status == "running"
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the process dies mid-task, as in a crash or an OOM kill
        first.wait(10)
    assert _effects(settings, marker) == 0
    (tmp_path / "release").write_text("go")

    second = _worker(settings)
    try:
        assert _wait(lambda: _task(settings, task_id).status == "done"), "the task was not re-run after restart"
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(20)
    row = _task(settings, task_id)
    assert row.attempts == 2
    assert len(list(tmp_path.glob("started-*"))) == 2
    assert _effects(settings, marker) == 1


def test_failures_are_retried_with_backoff_then_succeed(settings):
    marker = f"retry-{uuid.uuid4().hex}"
    with unit_of_work(settings) as uow:
        task_id = dispatch.enqueue(uow.session, "testsupport.fail_twice", marker=marker).id
        uow.commit()
    runner = dispatch.EmbeddedDispatcher(settings, workers=0)
    deadline = time.monotonic() + 30
    while _task(settings, task_id).status != "done" and time.monotonic() < deadline:
        runner.run_until_idle()
        row = _task(settings, task_id)
        if row.status == "queued":
            assert row.run_after is not None and "transient failure" in (row.error or "")
        time.sleep(0.05)
    row = _task(settings, task_id)
    assert row.status == "done" and row.attempts == 3 and row.error is None
    assert _effects(settings, marker) == 1


def test_a_task_that_keeps_failing_ends_failed_with_its_error(settings):
    with unit_of_work(settings) as uow:
        task_id = dispatch.enqueue(uow.session, "testsupport.always_fails", marker="x").id
        uow.commit()
    runner = dispatch.EmbeddedDispatcher(settings, workers=0)
    deadline = time.monotonic() + 30
    while _task(settings, task_id).status not in ("failed",) and time.monotonic() < deadline:
        runner.run_until_idle()
        time.sleep(0.05)
    row = _task(settings, task_id)
    assert row.status == "failed" and row.attempts == 2
    assert "ValueError: permanent failure" in row.error


def test_enqueued_work_is_not_delivered_when_the_transaction_rolls_back(settings):
    notified = []

    class Recorder:
        def notify(self, ids):
            notified.extend(ids)

    dispatch.set_dispatcher(Recorder())
    try:
        with unit_of_work(settings) as uow:
            row = dispatch.enqueue(uow.session, "testsupport.always_fails", marker="rolled-back")
            task_id = row.id
            uow.rollback()
        assert notified == []
        assert _task(settings, task_id) is None
        with unit_of_work(settings) as uow:
            row = dispatch.enqueue(uow.session, "testsupport.always_fails", marker="committed")
            uow.commit()
        assert notified == [row.id]
    finally:
        dispatch.set_dispatcher(None)


def test_backoff_grows_and_is_jittered():
    first = [dispatch.backoff_seconds(1, 2.0) for _ in range(50)]
    fifth = [dispatch.backoff_seconds(5, 2.0) for _ in range(50)]
    assert all(1.0 <= x <= 2.0 for x in first)
    assert all(16.0 <= x <= 32.0 for x in fifth)
    assert len(set(first)) > 1
    assert dispatch.backoff_seconds(40, 2.0) <= 3600


def test_queued_email_is_delivered_to_the_outbox(settings, tenant, client):
    from hireloop.notifications.service import queue_email

    with unit_of_work(settings) as uow:
        msg = queue_email(uow.session, org_id=tenant.org_id, to="c@x.example", subject="面试邀请 Invitation", body="你好")
        uow.commit()
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    eml = Path(settings.outbox_dir) / f"{msg.id}.eml"
    assert eml.exists() and "Invitation" in eml.read_text()
    from tests.factories import login

    login(client, tenant.emails["recruiter"])
    page = client.get("/tasks").text
    assert "notifications.send_email" in page and "c@x.example" in page
