"""Grouped alert messages in the shared channel: queue a post or an update, claim one,
record a post or a failure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import case, or_, select, update
from sqlalchemy.orm import Session

from storage.models import AlertMessage


def queue(session: Session, message_ids: Sequence[int], now: datetime) -> None:
    """Make the channel catch up with these messages from `now`: a posted one is updated
    (again, should an update be on its way: an update can be made twice), a live unposted
    one posted unless its post is already waiting or in hand."""
    session.execute(
        update(AlertMessage)
        .where(AlertMessage.id.in_(message_ids), AlertMessage.message_ts.is_not(None))
        .values(next_post_at=now)
    )
    session.execute(
        update(AlertMessage)
        .where(
            AlertMessage.id.in_(message_ids),
            AlertMessage.message_ts.is_(None),
            AlertMessage.status == "live",
            AlertMessage.next_post_at.is_(None),
        )
        .values(next_post_at=now)
    )


def record_post(
    session: Session, message_id: int, ts: str, claimed_until: datetime | None = None
) -> None:
    """The message is in its channel at `ts` (posted, found, or updated there). A sender
    that claimed it until `claimed_until` leaves it due when a close queued it again
    meanwhile (`queue`): what it drew may be older than that close, so it is drawn again."""
    due = (
        None
        if claimed_until is None
        else case(
            (AlertMessage.next_post_at == claimed_until, None), else_=AlertMessage.next_post_at
        )
    )
    session.execute(
        update(AlertMessage)
        .where(AlertMessage.id == message_id)
        .values(message_ts=ts, post_error=None, next_post_at=due)
    )


def record_nothing(session: Session, message_id: int) -> None:
    """Nothing was left to post (every finding resolved before it went): none is due."""
    session.execute(
        update(AlertMessage).where(AlertMessage.id == message_id).values(next_post_at=None)
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
    """Messages whose post (live and unposted) or update is due: (id, the time to claim)."""
    stmt = select(AlertMessage.id, AlertMessage.next_post_at).where(
        AlertMessage.next_post_at.is_not(None),
        AlertMessage.next_post_at <= now,
        or_(AlertMessage.message_ts.is_not(None), AlertMessage.status == "live"),
    )
    return [(message_id, due) for message_id, due in session.execute(stmt) if due is not None]


def claim_retry(
    session: Session, message_id: int, due: datetime, lease_until: datetime | None = None
) -> bool:
    """Take a due post or update, once: of two processes looking at once, one gets it.

    With `lease_until` the message keeps that check time: should its sender die before
    recording what happened, it is looked for again then.
    """
    result = session.execute(
        update(AlertMessage)
        .where(AlertMessage.id == message_id, AlertMessage.next_post_at == due)
        .values(next_post_at=lease_until)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def queued_posts(session: Session, message_ids: Sequence[int]) -> int:
    """Of these messages, how many wait for their first post (or are being posted now)."""
    stmt = select(AlertMessage.id).where(
        AlertMessage.id.in_(message_ids),
        AlertMessage.message_ts.is_(None),
        AlertMessage.status == "live",
        AlertMessage.post_error.is_(None),
        AlertMessage.next_post_at.is_not(None),
    )
    return len(session.scalars(stmt).all())
