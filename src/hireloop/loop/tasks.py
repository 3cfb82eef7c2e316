"""Scheduled work of the loop: the daily copy of applications into applicant records, the weekly refresh of
stored attrition risk scores."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.dispatch import task
from hireloop.errors import ValidationFailed
from hireloop.loop import service
from hireloop.models import Employee, PerformanceReview

log = logging.getLogger(__name__)


@task("loop.refresh_risk")
def refresh_risk(session: Session, org: str | None = None) -> None:
    """Re-score current employees of one organization (payload org), or of every one with monthly reviews;
    idempotent (each run replaces the stored scores). Organizations with too little history are skipped."""
    if org is not None:
        orgs = [uuid.UUID(str(org))]
    else:
        orgs = list(session.scalars(select(Employee.org_id).join(
            PerformanceReview, PerformanceReview.employee_id == Employee.id).distinct()))
    for org_id in orgs:
        try:  # a refresh writes only after everything it needs has been computed, so a refusal leaves no trace
            done = service.refresh_risk(session, org_id)
            log.info("risk scores refreshed: org=%s model=%s v%s scored=%d", org_id, done.model_name,
                     done.model_version, done.scored)
        except ValidationFailed as exc:
            log.info("risk refresh skipped for org=%s: %s", org_id, exc.code)
        except Exception:  # noqa: BLE001 - one organization's odd data must not stop the others' refresh
            log.exception("risk refresh failed for org=%s", org_id)


@task("loop.sync_applicants")
def sync_applicants(session: Session, org: str | None = None) -> None:
    """Copy applications (stage reached, interview scores) into the loop's applicant records; idempotent upsert."""
    from hireloop.loop.sync import sync_applicants as sync
    from hireloop.models import Application

    orgs = [uuid.UUID(str(org))] if org is not None else list(
        session.scalars(select(Application.org_id).distinct()))
    for org_id in orgs:
        log.info("loop applicants synced: org=%s applications=%d", org_id, sync(session, org_id))
