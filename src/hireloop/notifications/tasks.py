"""Background delivery of queued email."""

from __future__ import annotations

import smtplib
import uuid

from sqlalchemy.orm import Session

from hireloop.config import get_settings
from hireloop.dispatch import task
from hireloop.models import EmailMessage, utcnow
from hireloop.notifications.service import to_mime, write_to_outbox


@task("notifications.send_email")
def send_email(session: Session, *, message_id: str) -> None:
    """Deliver one message by SMTP, or to the outbox folder when no SMTP server is configured."""
    msg = session.get(EmailMessage, uuid.UUID(message_id))
    if msg is None or msg.status == "sent":
        return
    settings = get_settings()
    if settings.smtp_host:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            smtp.starttls()
            if settings.smtp_user and settings.smtp_password:
                smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
            smtp.send_message(to_mime(msg, settings.mail_from))
    else:
        write_to_outbox(msg, settings)
    msg.status = "sent"
    msg.sent_at = utcnow()
