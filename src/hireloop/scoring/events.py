"""Events for webhook delivery, recorded through hireloop.integrations.events when that module is installed."""

from __future__ import annotations

import importlib
import logging
import uuid
from typing import Any

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


def emit_event(session: Session, *, org_id: uuid.UUID, event_type: str, data: dict[str, Any]) -> bool:
    """Record one event in this unit of work; False when the webhook module is not part of this installation."""
    try:
        events = importlib.import_module("hireloop.integrations.events")
    except ImportError:
        return False
    emit = getattr(events, "emit", None)
    if emit is None:
        return False
    emit(session, org_id=org_id, event_type=event_type, data=data)
    return True
