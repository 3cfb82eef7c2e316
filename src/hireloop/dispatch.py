"""Background work: durable task rows in the database, delivered by a dispatcher (embedded threads or Celery).

A task is `domain.verb` with a JSON payload of ids. The handler runs inside a unit of work whose commit also
marks the task done, so a task's database effect happens exactly once even if the process dies mid-way.
"""

from __future__ import annotations

import importlib
import logging
import os
import random
import socket
import threading
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from hireloop.config import Settings, get_settings
from hireloop.db import session_factory, uow_of
from hireloop.models import BackgroundTask, utcnow

log = logging.getLogger(__name__)

TaskHandler = Callable[..., None]


@dataclass(frozen=True)
class TaskSpec:
    name: str
    fn: TaskHandler
    max_attempts: int | None = None


_registry: dict[str, TaskSpec] = {}
CORE_TASK_MODULES = ["hireloop.notifications.tasks", "hireloop.interviews.tasks", "hireloop.screening.tasks",
                     "hireloop.compliance.tasks", "hireloop.integrations.tasks", "hireloop.scoring.tasks",
                     "hireloop.loop.tasks"]
# Work that runs on a schedule: (task name, period in seconds). Enqueued at most once per period, checked
# against the task table, so several processes never double it.
PERIODIC: list[tuple[str, float]] = [("compliance.retention_purge", 24 * 3600.0),
                                     ("integrations.purge_idempotency_keys", 24 * 3600.0),
                                     ("loop.sync_applicants", 24 * 3600.0), ("loop.refresh_risk", 7 * 24 * 3600.0)]


def task(name: str, *, max_attempts: int | None = None) -> Callable[[TaskHandler], TaskHandler]:
    """Register `fn(session, **payload)` as the handler of task `name` (domain.verb); it must be idempotent."""

    def deco(fn: TaskHandler) -> TaskHandler:
        _registry[name] = TaskSpec(name, fn, max_attempts)
        return fn

    return deco


def load_task_modules(settings: Settings) -> None:
    for mod in [*CORE_TASK_MODULES, *settings.extra_task_modules]:
        importlib.import_module(mod)


def registered() -> dict[str, TaskSpec]:
    return dict(_registry)


class Dispatcher(Protocol):
    """Delivers queued task rows to workers; the rows themselves are the source of truth."""

    def notify(self, task_ids: list[uuid.UUID]) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...


_dispatcher: Dispatcher | None = None


def set_dispatcher(dispatcher: Dispatcher | None) -> None:
    global _dispatcher
    _dispatcher = dispatcher


def enqueue(session: Session, name: str, *, org_id: uuid.UUID | None = None, delay_s: float = 0, **payload: Any) -> BackgroundTask:
    """Add a task row to this unit of work; workers hear of it only after the commit succeeds."""
    if name not in _registry:
        load_task_modules(get_settings())
    if name not in _registry:
        raise ValueError(f"No task named {name!r} is registered")
    spec = _registry[name]
    row = BackgroundTask(
        org_id=org_id,
        name=name,
        payload=payload,
        max_attempts=spec.max_attempts or get_settings().task_max_attempts,
        run_after=utcnow() + timedelta(seconds=delay_s),
    )
    session.add(row)
    session.flush()
    uow = uow_of(session)
    task_id = row.id
    if uow is not None and _dispatcher is not None:
        uow.after_commit(lambda: _dispatcher.notify([task_id]) if _dispatcher else None)
    return row


def backoff_seconds(attempt: int, base: float) -> float:
    """Exponential backoff with full jitter, capped at one hour."""
    return min(3600.0, base * (2 ** (attempt - 1))) * (0.5 + random.random() / 2)


def requeue_expired(session: Session) -> int:
    """Put back tasks whose worker stopped renewing its lease (the process died); returns how many."""
    res = session.execute(
        update(BackgroundTask)
        .where(BackgroundTask.status == "running", BackgroundTask.lease_expires_at < utcnow())
        .values(status="queued", locked_by=None, lease_expires_at=None, run_after=utcnow())
    )
    return res.rowcount or 0


def claim_next(session: Session, worker_id: str, lease_s: float) -> BackgroundTask | None:
    """Atomically take the oldest runnable task for this worker, or None."""
    now = utcnow()
    candidates = session.scalars(
        select(BackgroundTask.id)
        .where(BackgroundTask.status == "queued", BackgroundTask.run_after <= now)
        .order_by(BackgroundTask.run_after, BackgroundTask.created_at)
        .limit(5)
    ).all()
    for task_id in candidates:
        res = session.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id, BackgroundTask.status == "queued")
            .values(
                status="running", locked_by=worker_id, started_at=now,
                lease_expires_at=now + timedelta(seconds=lease_s), attempts=BackgroundTask.attempts + 1,
            )
        )
        if res.rowcount == 1:
            session.commit()
            return session.get(BackgroundTask, task_id)
    session.rollback()
    return None


def run_task(settings: Settings, task_id: uuid.UUID, worker_id: str) -> str:
    """Run one claimed task; its effects and its 'done' mark commit together. Returns the final status."""
    factory = session_factory(settings)
    from hireloop.db import UnitOfWork

    with factory() as session:
        uow = UnitOfWork(session)
        session.info["uow"] = uow
        row = session.get(BackgroundTask, task_id)
        if row is None or row.status != "running" or row.locked_by != worker_id:
            return "lost"
        spec = _registry.get(row.name)
        try:
            if spec is None:
                raise LookupError(f"no handler registered for task {row.name!r}")
            spec.fn(session, **row.payload)
            row.status = "done"
            row.finished_at = utcnow()
            row.error = None
            row.lease_expires_at = None
            uow.commit()
            return "done"
        except Exception as exc:  # noqa: BLE001 - any failure of user work is recorded, never lost
            uow.rollback()
            detail = f"{type(exc).__name__}: {exc}"
            log.warning("task %s (%s) failed: %s", row.name if row else "?", task_id, type(exc).__name__)
            row = session.get(BackgroundTask, task_id)
            assert row is not None
            final = row.attempts >= row.max_attempts
            row.status = "failed" if final else "queued"
            row.error = (detail + "\n" + traceback.format_exc(limit=5))[-4000:]
            row.locked_by = None
            row.lease_expires_at = None
            row.finished_at = utcnow() if final else None
            row.run_after = utcnow() + timedelta(seconds=backoff_seconds(row.attempts, settings.task_backoff_base_seconds))
            session.commit()
            return row.status


def renew_lease(settings: Settings, task_id: uuid.UUID, worker_id: str) -> None:
    with session_factory(settings)() as session:
        session.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id, BackgroundTask.locked_by == worker_id, BackgroundTask.status == "running")
            .values(lease_expires_at=utcnow() + timedelta(seconds=settings.task_lease_seconds))
        )
        session.commit()


class EmbeddedDispatcher:
    """Worker threads inside `hireloop serve` (or `hireloop worker`) polling the task table."""

    def __init__(self, settings: Settings | None = None, workers: int | None = None) -> None:
        self.settings = settings or get_settings()
        self.workers = workers if workers is not None else self.settings.workers
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self.host_id = f"{socket.gethostname()}:{os.getpid()}"

    def notify(self, task_ids: list[uuid.UUID]) -> None:
        self._wake.set()

    def enqueue_due(self) -> list[str]:
        """Enqueue each periodic task whose last run is older than its period; returns the names enqueued."""
        from hireloop.db import unit_of_work

        made = []
        with unit_of_work(self.settings) as uow:
            for name, period in PERIODIC:
                recent = uow.session.scalars(
                    select(BackgroundTask.id).where(BackgroundTask.name == name,
                                                    BackgroundTask.created_at > utcnow() - timedelta(seconds=period))
                ).first()
                if recent is None:
                    enqueue(uow.session, name)
                    made.append(name)
            uow.commit()
        return made

    def start(self) -> None:
        load_task_modules(self.settings)
        with session_factory(self.settings)() as session:
            n = requeue_expired(session)
            session.commit()
        if n:
            log.info("re-queued %d task(s) left running by a stopped process", n)
        for i in range(self.workers):
            t = threading.Thread(target=self._loop, args=(f"{self.host_id}:{i}",), daemon=True, name=f"hireloop-worker-{i}")
            t.start()
            self._threads.append(t)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._threads:
            t.join(timeout)
        self._threads.clear()

    def run_until_idle(self, max_tasks: int = 1000) -> int:
        """Run queued tasks in this thread until none is runnable (CLI, tests); returns how many ran."""
        load_task_modules(self.settings)
        worker_id = f"{self.host_id}:inline"
        ran = 0
        factory = session_factory(self.settings)
        while ran < max_tasks:
            with factory() as session:
                row = claim_next(session, worker_id, self.settings.task_lease_seconds)
            if row is None:
                return ran
            run_task(self.settings, row.id, worker_id)
            ran += 1
        return ran

    def _loop(self, worker_id: str) -> None:
        factory = session_factory(self.settings)
        sweep_every = max(5.0, self.settings.task_lease_seconds / 2)
        last_sweep = 0.0
        import time

        while not self._stop.is_set():
            try:
                now = time.monotonic()
                with factory() as session:
                    if now - last_sweep > sweep_every:
                        requeue_expired(session)
                        session.commit()
                        last_sweep = now
                        if worker_id.endswith(":0"):
                            self.enqueue_due()
                    row = claim_next(session, worker_id, self.settings.task_lease_seconds)
                if row is None:
                    self._wake.wait(self.settings.task_poll_seconds)
                    self._wake.clear()
                    continue
                self._run_with_heartbeat(row.id, worker_id)
            except Exception:  # noqa: BLE001 - a worker thread must survive a database hiccup
                log.exception("worker loop error; retrying")
                self._stop.wait(self.settings.task_poll_seconds)

    def _run_with_heartbeat(self, task_id: uuid.UUID, worker_id: str) -> None:
        done = threading.Event()
        period = self.settings.task_lease_seconds / 3

        def beat() -> None:
            while not done.wait(period):
                try:
                    renew_lease(self.settings, task_id, worker_id)
                except Exception:  # noqa: BLE001
                    log.warning("lease renewal failed for task %s", task_id)

        hb = threading.Thread(target=beat, daemon=True)
        hb.start()
        try:
            run_task(self.settings, task_id, worker_id)
        finally:
            done.set()
            hb.join(period + 1)


def task_counts(session: Session, org_id: uuid.UUID) -> dict[str, int]:
    """Tasks of one organization by status, for the console."""
    from sqlalchemy import func

    rows = session.execute(
        select(BackgroundTask.status, func.count()).where(BackgroundTask.org_id == org_id).group_by(BackgroundTask.status)
    ).all()
    return {status: n for status, n in rows}


def recent_tasks(session: Session, org_id: uuid.UUID, limit: int = 100) -> list[BackgroundTask]:
    return list(
        session.scalars(
            select(BackgroundTask)
            .where(or_(BackgroundTask.org_id == org_id))
            .order_by(BackgroundTask.created_at.desc())
            .limit(limit)
        )
    )
