"""Scheduled compliance work: the daily retention purge."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hireloop.compliance import retention
from hireloop.db import uow_of
from hireloop.dispatch import task


@task("compliance.retention_purge")
def retention_purge(session: Session) -> None:
    """Delete what each jurisdiction policy's retention periods say is due; files go after the commit."""
    _counts, keys = retention.apply(session, retention.plan(session))
    uow = uow_of(session)
    if uow is not None:
        uow.after_commit(lambda: retention.remove_files(keys))
