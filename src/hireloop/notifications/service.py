"""Queue email for delivery after the current unit of work commits."""

from __future__ import annotations

import uuid
from email.message import EmailMessage as MimeMessage
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.config import Settings
from hireloop.models import EmailMessage


def queue_email(session: Session, *, org_id: uuid.UUID | None, to: str, subject: str, body: str) -> EmailMessage:
    """Store a message and enqueue its delivery (task notifications.send_email)."""
    msg = EmailMessage(org_id=org_id, to_address=to, subject=subject, body_text=body)
    session.add(msg)
    session.flush()
    dispatch.enqueue(session, "notifications.send_email", org_id=org_id, message_id=str(msg.id))
    return msg


def to_mime(msg: EmailMessage, sender: str) -> MimeMessage:
    mime = MimeMessage()
    mime["From"] = sender
    mime["To"] = msg.to_address
    mime["Subject"] = msg.subject
    mime["Message-ID"] = f"<{msg.id}@hireloop>"
    mime.set_content(msg.body_text)
    return mime


def write_to_outbox(msg: EmailMessage, settings: Settings) -> Path:
    """Write the message as an .eml file named by its id (rewriting it is harmless: delivery is idempotent)."""
    outbox = Path(settings.outbox_dir)
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"{msg.id}.eml"
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(bytes(to_mime(msg, settings.mail_from)))
    tmp.replace(path)
    return path


def outbox_messages(session: Session, org_id: uuid.UUID, limit: int = 50) -> list[EmailMessage]:
    return list(
        session.scalars(
            select(EmailMessage).where(EmailMessage.org_id == org_id).order_by(EmailMessage.created_at.desc()).limit(limit)
        )
    )
