"""Hiring a candidate creates the employee, with the interview results HireLoop has at that moment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.integrations import events
from hireloop.models import Application, Candidate, Employee, Job, utcnow
from hireloop.performance import repository as repo

# Other domains (interviews, scoring) add what they know about an application: fn(session, application) -> dict.
ResultsProvider = Callable[[Session, Application], dict[str, Any]]
RESULT_PROVIDERS: dict[str, ResultsProvider] = {}


def register_results_provider(name: str, fn: ResultsProvider) -> None:
    """Let a domain contribute to the interview results copied onto a new employee (under key `name`)."""
    RESULT_PROVIDERS[name] = fn


def interview_results(session: Session, application: Application) -> dict[str, Any]:
    """What HireLoop knows about the application now: stage history plus every registered provider's results."""
    history = repo.stage_history(session, application.org_id, application.id)
    results: dict[str, Any] = {
        "application_id": str(application.id),
        "job_id": str(application.job_id),
        "copied_at": utcnow().isoformat(),
        "stage_history": [{"from": h.from_stage, "to": h.to_stage, "at": h.created_at.isoformat(),
                           "by": h.actor_type} for h in history],
    }
    for name, provider in sorted(RESULT_PROVIDERS.items()):
        results[name] = provider(session, application)
    return results


def employee_from_hire(session: Session, actor: Actor, application: Application) -> Employee:
    """The employee for a hired application (created once; a second call returns the same employee)."""
    existing = repo.employee_for_application(session, application.org_id, application.id)
    if existing is not None:
        return existing
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    emp = Employee(
        org_id=application.org_id, application_id=application.id, candidate_id=application.candidate_id,
        full_name=candidate.full_name if candidate else None, email=candidate.email if candidate else None,
        phone=candidate.phone if candidate else None, job_title=job.title if job else None,
        department=job.department if job else None, location=job.city if job else None,
        hire_date=utcnow().date(), interview_results=interview_results(session, application), attributes={},
    )
    session.add(emp)
    session.flush()
    audit.record(session, actor, "employee.created", entity_type="employee", entity_id=emp.id,
                 details={"from_application": str(application.id)})
    events.employee_created(session, org_id=application.org_id, employee_id=emp.id, application_id=application.id)
    return emp
