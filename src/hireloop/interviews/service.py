"""Invitations: personalised question sets, signed expiring links, email, resend, extend, cancel, reminders."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.accounts.actor import Actor
from hireloop.candidates import pipeline
from hireloop.candidates.service import get as get_candidate
from hireloop.candidates.stages import CLOSED, Stage
from hireloop.compliance import audit
from hireloop.compliance.consent import policy_for_job
from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.i18n import normalise
from hireloop.interviews import repository as repo
from hireloop.interviews.links import invitation_url
from hireloop.interviews.plans import ensure_plan, to_template_competencies
from hireloop.jobs.service import get as get_job
from hireloop.models import Interview, utcnow
from hireloop.notifications.service import queue_email
from hireloop.pagination import Page, paginate
from hireloop.scoring.personalise import choose_questions

REMINDER_BEFORE = timedelta(hours=24)


class InterviewNotFound(NotFound):
    code = "interview_not_found"


def get(session: Session, actor: Actor, interview_id: uuid.UUID) -> Interview:
    iv = repo.get(session, actor.org_id, interview_id)
    if iv is None:
        raise InterviewNotFound("No such interview in your organization.")
    return iv


def _chosen(bank: dict[str, Any], profile: dict[str, Any], seed: str) -> list[dict[str, Any]]:
    by_id = {q["id"]: q for c in bank.get("competencies", []) for q in c["questions"]}
    out = []
    for ch in choose_questions(to_template_competencies(bank), profile, seed=seed):
        q = by_id[ch.question.id]
        out.append({**ch.as_dict(), "text_zh": q["text_zh"], "text_en": q["text_en"],
                    "think_seconds": q["think_seconds"], "answer_seconds": q["answer_seconds"], "retakes": q["retakes"],
                    "follow_up_zh": q.get("follow_up_zh"), "follow_up_en": q.get("follow_up_en")})
    return out


def invite(session: Session, actor: Actor, application_id: uuid.UUID, *, locale: str | None = None,
           expires_days: int | None = None) -> Interview:
    """Invite the candidate of an application: pick their questions, sign a link, email it, move the stage."""
    app = pipeline.get(session, actor, application_id)
    if Stage(app.stage) in CLOSED:
        raise Conflict(f"This application is {app.stage}; reopen it before inviting.", code="application_closed")
    if repo.open_for_application(session, actor.org_id, app.id):
        raise Conflict("This candidate already has an open invitation; resend or extend it instead.",
                       code="already_invited")
    job = get_job(session, actor, app.job_id)
    cand = get_candidate(session, actor, app.candidate_id, audit_view=False)
    if not cand.email:
        raise ValidationFailed("The candidate has no email address; add one before inviting.", code="no_email")
    plan = ensure_plan(session, actor, job.id)
    policy = policy_for_job(job)
    days = expires_days or plan.expires_days
    if not 1 <= days <= 60:
        raise ValidationFailed("An invitation can be valid for 1 to 60 days.")
    iv = Interview(
        org_id=actor.org_id, application_id=app.id, job_id=job.id, candidate_id=cand.id,
        locale=normalise(locale or cand.locale, default="zh_CN"),
        questions=_chosen(plan.bank, cand.profile or {}, seed=str(app.id)), practice=plan.bank.get("practice", {}),
        policy_key=policy.key, notice_version=policy.notice_version, link_nonce=secrets.token_hex(8),
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(iv)
    session.flush()
    if Stage(app.stage) in (Stage.APPLIED, Stage.SCREENED):
        pipeline.move(session, actor, app.id, to_stage=Stage.INVITED, reason="video interview invitation sent")
    _send_invitation(session, iv, job.title, cand.full_name, cand.email, reminder=False)
    _schedule_reminder(session, iv)
    audit.record(session, actor, "interview.invited", entity_type="interview", entity_id=iv.id,
                 details={"application_id": str(app.id), "questions": [q["question_id"] for q in iv.questions]})
    return iv


def invite_many(session: Session, actor: Actor, application_ids: list[uuid.UUID], **kw: Any) -> dict[str, Any]:
    """Invite several; each failure is reported with its reason and does not stop the others."""
    done, failed = [], []
    for app_id in application_ids:
        try:
            # invite() checks everything before it writes, so a refused one leaves nothing behind
            done.append(invite(session, actor, app_id, **kw))
        except (Conflict, NotFound, ValidationFailed) as exc:
            failed.append({"application_id": str(app_id), "code": exc.code, "message": exc.message})
    return {"invited": done, "failed": failed}


def _send_invitation(session: Session, iv: Interview, job_title: str, name: str, email: str, *, reminder: bool) -> None:
    url = invitation_url(iv.id, iv.link_nonce)
    deadline = iv.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    if iv.locale.startswith("zh"):
        subject = ("提醒：" if reminder else "") + f"{job_title} 视频面试邀请"
        body = (f"{name}，您好：\n\n感谢您申请「{job_title}」。请在 {deadline} 之前通过下面的链接完成视频面试"
                f"（约 {len(iv.questions)} 道题，可先做练习题）：\n\n{url}\n\n"
                "打开链接后会先看到关于录制、分析和数据保存的说明；如需不使用AI评估的替代流程或其他便利安排，也可在页面上申请。\n")
    else:
        subject = ("Reminder: " if reminder else "") + f"Video interview for {job_title}"
        body = (f"Hello {name},\n\nThank you for applying for {job_title}. Please complete your video interview "
                f"({len(iv.questions)} questions, with a practice question first) before {deadline}:\n\n{url}\n\n"
                "The link first explains what is recorded, how it is analysed and how long it is kept; you can also "
                "ask there for an alternative process without AI assessment, or for an accommodation.\n")
    queue_email(session, org_id=iv.org_id, to=email, subject=subject, body=body)


def _schedule_reminder(session: Session, iv: Interview) -> None:
    delay = (iv.expires_at - REMINDER_BEFORE - utcnow()).total_seconds()
    dispatch.enqueue(session, "interviews.send_reminder", org_id=iv.org_id, delay_s=max(0.0, delay),
                     interview_id=str(iv.id), expires_at=iv.expires_at.isoformat())


def resend(session: Session, actor: Actor, interview_id: uuid.UUID) -> Interview:
    iv = _open(session, actor, interview_id)
    job = get_job(session, actor, iv.job_id)
    cand = get_candidate(session, actor, iv.candidate_id, audit_view=False)
    _send_invitation(session, iv, job.title, cand.full_name, cand.email or "", reminder=False)
    audit.record(session, actor, "interview.resent", entity_type="interview", entity_id=iv.id)
    return iv


def extend(session: Session, actor: Actor, interview_id: uuid.UUID, *, days: int) -> Interview:
    if not 1 <= days <= 30:
        raise ValidationFailed("Extend by 1 to 30 days.")
    iv = get(session, actor, interview_id)
    if iv.status not in ("invited", "in_progress", "expired"):
        raise Conflict(f"An interview that is {iv.status} cannot be extended.")
    iv.expires_at = max(iv.expires_at, utcnow()) + timedelta(days=days)
    if iv.status == "expired":
        iv.status = "in_progress" if iv.started_at else "invited"
    iv.reminder_sent_at = None
    _schedule_reminder(session, iv)
    audit.record(session, actor, "interview.extended", entity_type="interview", entity_id=iv.id, details={"days": days})
    return iv


def cancel(session: Session, actor: Actor, interview_id: uuid.UUID, *, reason: str) -> Interview:
    iv = _open(session, actor, interview_id)
    iv.status = "cancelled"
    iv.link_nonce = secrets.token_hex(8)  # the old link stops working at once
    audit.record(session, actor, "interview.cancelled", entity_type="interview", entity_id=iv.id,
                 details={"reason": reason[:200]})
    return iv


def _open(session: Session, actor: Actor, interview_id: uuid.UUID) -> Interview:
    iv = get(session, actor, interview_id)
    if iv.status not in ("invited", "in_progress"):
        raise Conflict(f"This interview is {iv.status}.", code="interview_closed")
    return iv


def list_page(session: Session, actor: Actor, *, job_id: uuid.UUID | None, status: str | None, limit: int,
              cursor: str | None) -> Page[Interview]:
    return paginate(session, repo.interviews_query(actor.org_id, job_id=job_id, status=status), Interview,
                    limit=limit, cursor=cursor)


def send_reminder_if_due(session: Session, interview_id: uuid.UUID, scheduled_for_expiry: str) -> bool:
    """Send the reminder unless the interview was finished, cancelled or extended since it was scheduled."""
    iv = session.get(Interview, interview_id)
    if iv is None or iv.status not in ("invited", "in_progress") or iv.reminder_sent_at is not None:
        return False
    if iv.expires_at.isoformat() != scheduled_for_expiry:
        return False  # extended: a newer reminder is scheduled
    from hireloop.models import Candidate, Job

    cand, job = session.get(Candidate, iv.candidate_id), session.get(Job, iv.job_id)
    if cand is None or job is None or not cand.email:
        return False
    _send_invitation(session, iv, job.title, cand.full_name, cand.email, reminder=True)
    iv.reminder_sent_at = utcnow()
    return True
