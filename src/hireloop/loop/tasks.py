"""Scheduled work of the loop: the weekly refresh of stored attrition risk scores."""

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
def refresh_risk(session: Session, org_id: str | None = None) -> None:
    """Re-score current employees of one organization, or of every one with monthly reviews; idempotent
    (each run replaces the stored scores). Organizations with too little history are skipped."""
    if org_id is not None:
        orgs = [uuid.UUID(str(org_id))]
    else:
        orgs = list(session.scalars(select(Employee.org_id).join(
            PerformanceReview, PerformanceReview.employee_id == Employee.id).distinct()))
    for org in orgs:
        try:  # a refresh writes only after everything it needs has been computed, so a refusal leaves no trace
            done = service.refresh_risk(session, org)
            log.info("risk scores refreshed: org=%s model=%s v%s scored=%d", org, done.model_name,
                     done.model_version, done.scored)
        except ValidationFailed as exc:
            log.info("risk refresh skipped for org=%s: %s", org, exc.code)
