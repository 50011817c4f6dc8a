"""Grouped alert messages in the shared channel: record a post, queue a retry, claim one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import AlertMessage


def record_post(session: Session, message_id: int, ts: str) -> None:
    """The message is in its channel at `ts`."""
    session.execute(
        update(AlertMessage)
        .where(AlertMessage.id == message_id)
        .values(message_ts=ts, post_error=None, next_post_at=None)
    )


def record_failure(
    session: Session, message_id: int, reason: str, retry_at: datetime | None
) -> int:
    """A post that failed: why, and when to try again (None: not again). Returns attempts."""
    message = session.get_one(AlertMessage, message_id)
    message.post_attempts += 1
    message.post_error = reason[:64]
    message.next_post_at = retry_at
    session.flush()
    return message.post_attempts


def due_retries(session: Session, now: datetime) -> Sequence[tuple[int, datetime]]:
    """Unposted messages whose retry time has come: (id, the retry time to claim)."""
    stmt = select(AlertMessage.id, AlertMessage.next_post_at).where(
        AlertMessage.message_ts.is_(None),
        AlertMessage.next_post_at.is_not(None),
        AlertMessage.next_post_at <= now,
        AlertMessage.status == "live",
    )
    return [(message_id, due) for message_id, due in session.execute(stmt) if due is not None]


def claim_retry(
    session: Session, message_id: int, due: datetime, lease_until: datetime | None = None
) -> bool:
    """Take a due retry, once: of two processes looking at once, one gets it.

    With `lease_until` the message keeps that check time: should its sender die before
    recording what happened, it is looked for again then.
    """
    result = session.execute(
        update(AlertMessage)
        .where(
            AlertMessage.id == message_id,
            AlertMessage.next_post_at == due,
            AlertMessage.message_ts.is_(None),
        )
        .values(next_post_at=lease_until)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
