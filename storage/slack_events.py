"""Which Slack events were applied already: Slack retries an event it got no quick 200 for."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models.slack_events import SlackEvent

KEPT = timedelta(days=1)
"""Slack retries an event three times within about five minutes; a day is plenty."""


def claim(session: Session, event_id: str, now: datetime) -> bool:
    """Mark the event applied; False if it was already (one of two deliveries gets it)."""
    session.execute(delete(SlackEvent).where(SlackEvent.seen_at < now - KEPT))
    try:
        with session.begin_nested():
            session.add(SlackEvent(event_id=event_id[:64], seen_at=now))
    except IntegrityError:
        return False
    return True


def release(session: Session, event_id: str) -> None:
    """The event's effect failed: let Slack's next retry apply it."""
    session.execute(delete(SlackEvent).where(SlackEvent.event_id == event_id[:64]))
