"""A job's question bank, created from its industry template and editable by HR."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import NotFound, ValidationFailed
from hireloop.interviews import repository as repo
from hireloop.jobs.service import get as get_job
from hireloop.models import InterviewPlan
from hireloop.templates import JobTemplate, Question, get_template
from hireloop.templates import model as tm


def _question_dict(q: Question) -> dict[str, Any]:
    return {
        "id": q.id, "text_zh": q.text.zh, "text_en": q.text.en, "stage": q.stage, "industry": q.industry,
        "think_seconds": q.think_seconds, "answer_seconds": q.answer_seconds, "retakes": q.retakes,
        "follow_up_zh": q.follow_up.zh if q.follow_up else None, "follow_up_en": q.follow_up.en if q.follow_up else None,
    }


def bank_from_template(t: JobTemplate) -> dict[str, Any]:
    return {
        "industry": t.industry,
        "practice": _question_dict(t.practice_question),
        "competencies": [{"key": c.key, "questions": [_question_dict(q) for q in c.questions]} for c in t.competencies],
    }


def to_template_competencies(bank: dict[str, Any]) -> list[tm.Competency]:
    """The bank as the template model, so personalisation works the same for templates and edited banks."""
    out = []
    for c in bank.get("competencies", []):
        qs = tuple(
            tm.Question(
                id=q["id"], competency_key=c["key"], text=tm.LocalText(zh=q["text_zh"], en=q["text_en"]),
                stage=q.get("stage", "any"), industry=q.get("industry", "any"),
                think_seconds=int(q.get("think_seconds", 30)), answer_seconds=int(q.get("answer_seconds", 120)),
                retakes=int(q.get("retakes", 1)),
                follow_up=tm.LocalText(zh=q["follow_up_zh"], en=q["follow_up_en"]) if q.get("follow_up_zh") else None,
            )
            for q in c["questions"]
        )
        empty = tm.LocalText(zh=c["key"], en=c["key"])
        out.append(tm.Competency(key=c["key"], name=empty, description=empty, weight=1.0, anchors=(), questions=qs))
    return out


def ensure_plan(session: Session, actor: Actor, job_id: uuid.UUID) -> InterviewPlan:
    """The job's plan; created from its industry template on first use."""
    plan = repo.plan_for_job(session, actor.org_id, job_id)
    if plan is not None:
        return plan
    job = get_job(session, actor, job_id)
    if not job.template_key:
        raise NotFound("This job has no interview questions yet. Create the job from an industry template, "
                       "or set its questions with PUT /api/v1/jobs/{id}/interview-plan.", code="no_interview_plan")
    bank = bank_from_template(get_template(job.template_key))
    plan = InterviewPlan(org_id=actor.org_id, job_id=job.id, source_template=job.template_key, bank=bank)
    session.add(plan)
    session.flush()
    return plan


def set_plan(session: Session, actor: Actor, job_id: uuid.UUID, *, bank: dict[str, Any], expires_days: int) -> InterviewPlan:
    """Replace a job's question bank; every competency needs at least one question."""
    job = get_job(session, actor, job_id)
    job_keys = {c.key for c in job.competencies}
    for c in bank.get("competencies", []):
        if job_keys and c["key"] not in job_keys:
            raise ValidationFailed(f"Competency {c['key']!r} is not in this job's competency model.")
        if not c.get("questions"):
            raise ValidationFailed(f"Competency {c['key']!r} needs at least one question.")
    plan = repo.plan_for_job(session, actor.org_id, job_id)
    if plan is None:
        plan = InterviewPlan(org_id=actor.org_id, job_id=job.id, bank=bank, expires_days=expires_days)
        session.add(plan)
    else:
        plan.bank = bank
        plan.expires_days = expires_days
    session.flush()
    audit.record(session, actor, "interview_plan.updated", entity_type="job", entity_id=job.id)
    return plan
