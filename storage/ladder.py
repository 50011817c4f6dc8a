"""The escalation ladder in the database: candidates, claims (once each), and its posts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from storage.models import Alert, AlertMessage, Engagement, LadderPost


def candidates(session: Session) -> Sequence[tuple[Alert, Engagement, str | None]]:
    """Live alerts not yet escalated, with their engagement and their message's ts."""
    stmt = (
        select(Alert, Engagement, AlertMessage.message_ts)
        .join(Engagement, Engagement.id == Alert.engagement_id)
        .outerjoin(AlertMessage, AlertMessage.id == Alert.message_id)
        .where(
            Alert.status != "resolved",
            Alert.escalated_at.is_(None),
            Engagement.archived_at.is_(None),
        )
        .order_by(Alert.id)
    )
    return [(alert, engagement, ts) for alert, engagement, ts in session.execute(stmt)]


def claim_reraise(session: Session, alert_id: int, now: datetime) -> bool:
    """Take the re-raise of an unacknowledged alert, once: of two clocks, one gets it."""
    result = session.execute(
        update(Alert)
        .where(Alert.id == alert_id, Alert.reraised_at.is_(None), Alert.status == "open")
        .values(reraised_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def claim_escalation(session: Session, alert_id: int, now: datetime) -> bool:
    """Take the escalation of a live alert, once."""
    result = session.execute(
        update(Alert)
        .where(Alert.id == alert_id, Alert.escalated_at.is_(None), Alert.status != "resolved")
        .values(escalated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def queue(
    session: Session, alert_id: int, kind: str, recipients: Sequence[str], text: str, **extra: str
) -> None:
    """One pending post per recipient; the unique index keeps each to one."""
    for recipient in recipients:
        session.add(
            LadderPost(
                alert_id=alert_id,
                kind=kind,
                recipient=recipient,
                text=text,
                status="pending",
                thread_ts=extra.get("thread_ts"),
            )
        )


def queue_once(
    session: Session, alert_id: int, kind: str, recipient: str, text: str, thread_ts: str
) -> None:
    """Queue one post unless the same one (alert, kind, recipient) is already queued."""
    exists = session.scalar(
        select(LadderPost.id).where(
            LadderPost.alert_id == alert_id,
            LadderPost.kind == kind,
            LadderPost.recipient == recipient,
        )
    )
    if exists is None:
        queue(session, alert_id, kind, [recipient], text, thread_ts=thread_ts)


def due(session: Session, now: datetime) -> Sequence[tuple[int, datetime | None]]:
    """Posts to send: pending ones, and uncertain ones whose next attempt has come."""
    stmt = select(LadderPost.id, LadderPost.next_attempt_at).where(
        or_(
            LadderPost.status == "pending",
            (LadderPost.status == "sending") & (LadderPost.next_attempt_at <= now),
        )
    )
    return [(post_id, when) for post_id, when in session.execute(stmt.order_by(LadderPost.id))]


def claim(
    session: Session, post_id: int, when: datetime | None, lease_until: datetime | None = None
) -> bool:
    """Take one post to send, once: pending, or sending whose retry time is `when`.

    The claim keeps a check time (`lease_until`): if its sender dies before recording
    what happened, the post is looked for at that time and sent only if it is not there.
    """
    stmt = update(LadderPost).where(LadderPost.id == post_id)
    if when is None:
        stmt = stmt.where(LadderPost.status == "pending")
    else:
        stmt = stmt.where(LadderPost.status == "sending", LadderPost.next_attempt_at == when)
    result = session.execute(stmt.values(status="sending", next_attempt_at=lease_until))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def settle(
    session: Session,
    post_id: int,
    *,
    status: str,
    ts: str | None = None,
    error: str | None = None,
    retry_at: datetime | None = None,
) -> None:
    """Record what one attempt did: sent (ts), failed (error), or retry at `retry_at`."""
    post = session.get_one(LadderPost, post_id)
    post.attempts += 1
    post.status, post.ts, post.next_attempt_at = status, ts, retry_at
    post.error = error[:64] if error else None
