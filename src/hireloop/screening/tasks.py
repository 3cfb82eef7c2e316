"""Background work of screening: parse an import batch; rescore a job after its requirements change."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.dispatch import task
from hireloop.screening import service


@task("screening.process_import", max_attempts=3)
def process_import(session: Session, *, import_id: str) -> None:
    """Parse, deduplicate and match every pending file of a batch (resumable: done files are skipped)."""
    service.process_import(session, uuid.UUID(import_id))


@task("screening.rescore_job")
def rescore_job(session: Session, *, job_id: str) -> None:
    """Recompute every stored screening result of a job after its requirements changed."""
    service.rescore_job(session, uuid.UUID(job_id))
