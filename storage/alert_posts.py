"""Alert posts in the shared channel: record them, queue a retry, claim a due retry."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Alert


def record_post(session: Session, alert_id: int, ts: str) -> None:
    """The alert is in its channel at `ts`."""
    session.execute(
        update(Alert)
        .where(Alert.id == alert_id)
        .values(message_ts=ts, post_error=None, next_post_at=None)
    )


def record_failure(session: Session, alert_id: int, reason: str, retry_at: datetime | None) -> int:
    """A post that failed: why, and when to try again (None: not again). Returns attempts."""
    alert = session.get_one(Alert, alert_id)
    alert.post_attempts += 1
    alert.post_error = reason[:64]
    alert.next_post_at = retry_at
    session.flush()
    return alert.post_attempts


def due_retries(session: Session, now: datetime) -> Sequence[tuple[int, datetime]]:
    """Unposted live alerts whose retry time has come: (id, the retry time to claim)."""
    stmt = select(Alert.id, Alert.next_post_at).where(
        Alert.message_ts.is_(None),
        Alert.next_post_at.is_not(None),
        Alert.next_post_at <= now,
        Alert.status != "resolved",
    )
    return [(alert_id, due) for alert_id, due in session.execute(stmt) if due is not None]


def claim_retry(session: Session, alert_id: int, due: datetime) -> bool:
    """Take a due retry, once: of two processes looking at once, one gets it."""
    result = session.execute(
        update(Alert)
        .where(Alert.id == alert_id, Alert.next_post_at == due, Alert.message_ts.is_(None))
        .values(next_post_at=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
