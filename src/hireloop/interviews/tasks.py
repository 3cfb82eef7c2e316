"""Background work of interviews: analysing answers and sending reminders."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from hireloop.dispatch import task
from hireloop.interviews import analysis
from hireloop.interviews.service import send_reminder_if_due


@task("interviews.analyze_answer", max_attempts=3)
def analyze_answer(session: Session, *, answer_id: str) -> None:
    """Transcribe and measure one stored answer (idempotent: an analysed answer is left alone)."""
    analysis.run(session, uuid.UUID(answer_id))


@task("interviews.send_reminder")
def send_reminder(session: Session, *, interview_id: str, expires_at: str) -> None:
    send_reminder_if_due(session, uuid.UUID(interview_id), expires_at)
