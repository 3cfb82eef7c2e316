"""Background work of scoring: score a completed interview, then render its reports."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.dispatch import enqueue, task
from hireloop.interviews import repository as iv_repo
from hireloop.models import Answer
from hireloop.scoring import service


@task("scoring.score_interview", max_attempts=3)
def score_interview(session: Session, *, interview_id: str, rescore: bool = False) -> None:
    """Score the interview (idempotent: an existing assessment is kept unless rescore) and queue its reports."""
    from hireloop.compliance.safeguards import OptedOutOfAnalysis

    try:
        a = service.score_interview(session, uuid.UUID(interview_id), rescore=rescore)
    except OptedOutOfAnalysis:
        return  # the candidate chose the alternative process after this was queued: nothing to score
    enqueue(session, "reports.render_interview", org_id=a.org_id, interview_id=interview_id)


@task("reports.render_interview", max_attempts=3)
def render_interview(session: Session, *, interview_id: str) -> None:
    """Render the HR and candidate reports of a scored interview (rendering again replaces the files)."""
    from hireloop.reports import service as reports

    reports.generate(session, uuid.UUID(interview_id))


@task("scoring.score_answer", max_attempts=3)
def score_answer(session: Session, *, answer_id: str) -> None:
    """Score one answer's content as soon as it is analysed, while the candidate records the next one."""
    service.score_answer_on_arrival(session, uuid.UUID(answer_id))


def after_answer_analysed(session: Session, answer_id: uuid.UUID) -> str | None:
    """Queue the next step for an answer just analysed: the interview's score if it was the last, else its content."""
    answer = session.get(Answer, answer_id)
    if answer is None or answer.question_index < 0:
        return None
    if enqueue_if_ready(session, answer.interview_id):
        return "scoring.score_interview"
    if answer.status == "analysed":
        enqueue(session, "scoring.score_answer", org_id=answer.org_id, answer_id=str(answer.id))
        return "scoring.score_answer"
    return None


def enqueue_if_ready(session: Session, interview_id: uuid.UUID) -> bool:
    """Queue scoring when the interview is complete and its last current answer is analysed; True if queued."""
    iv = iv_repo.get_unscoped(session, interview_id)
    if iv is None or not service.ready_to_score(session, iv):
        return False
    enqueue(session, "scoring.score_interview", org_id=iv.org_id, interview_id=str(iv.id))
    return True
