"""Tasks used only by the test suite (loaded through HIRELOOP_EXTRA_TASK_MODULES)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy.orm import Session

from hireloop.dispatch import task
from hireloop.models import EmailMessage


@task("testsupport.hold_then_write", max_attempts=3)
def hold_then_write(session: Session, *, marker: str, signal_dir: str) -> None:
    """Announce that it runs, wait until released, then write one row: the effect that must happen once."""
    d = Path(signal_dir)
    (d / f"started-{time.time_ns()}").write_text("x")
    deadline = time.monotonic() + 60
    while not (d / "release").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    session.add(EmailMessage(to_address="effect@test.example", subject=marker, body_text="effect"))


@task("testsupport.fail_twice", max_attempts=5)
def fail_twice(session: Session, *, marker: str) -> None:
    """Fails until it has been tried three times, then writes its effect."""
    from sqlalchemy import func, select

    from hireloop.models import BackgroundTask

    attempts = session.scalar(
        select(func.max(BackgroundTask.attempts)).where(BackgroundTask.name == "testsupport.fail_twice",
                                                        BackgroundTask.payload["marker"].as_string() == marker)
    )
    if (attempts or 0) < 3:
        raise RuntimeError("transient failure")
    session.add(EmailMessage(to_address="effect@test.example", subject=marker, body_text="effect"))


@task("testsupport.always_fails", max_attempts=2)
def always_fails(session: Session, *, marker: str) -> None:
    raise ValueError("permanent failure")
