"""Background work of interviews: analysing answers and sending reminders."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.dispatch import task
from hireloop.interviews import analysis
from hireloop.interviews.service import send_reminder_if_due
from hireloop.models import Answer
from hireloop.scoring.tasks import after_answer_analysed


@task("interviews.analyze_answer", max_attempts=3)
def analyze_answer(session: Session, *, answer_id: str) -> None:
    """Transcribe and measure one stored answer (idempotent: an analysed answer is left alone)."""
    before = session.get(Answer, uuid.UUID(answer_id))
    already = before is not None and before.status in ("analysed", "failed", "not_analysed")
    analysis.run(session, uuid.UUID(answer_id))
    answer = session.get(Answer, uuid.UUID(answer_id))
    if answer is not None and not already:
        session.flush()
        after_answer_analysed(session, answer.id)  # score its content now; the last answer scores the interview


@task("interviews.send_reminder")
def send_reminder(session: Session, *, interview_id: str, expires_at: str) -> None:
    send_reminder_if_due(session, uuid.UUID(interview_id), expires_at)
