"""Thread reminders: queued for a pulse once, claimed one at a time, settled, retried.

`deliveries.reminder_ts` holds each person's reminder state (see the model). A claim
always carries a check time (`reminder_next_at`): a sender that dies, or cannot record
what happened, leaves a row the next pass checks in the DM thread before sending again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Exists, select, update
from sqlalchemy.orm import Session

from storage.models import Delivery, Member, Pulse, Response


def queue(session: Session, pulse_id: int, now: datetime) -> int | None:
    """Take the pulse's reminders, once, and queue one for each person who has neither
    answered nor said they are away; None if another process took them first."""
    taken = session.execute(
        update(Pulse)
        .where(Pulse.id == pulse_id, Pulse.reminded_at.is_(None))
        .values(reminded_at=now)
    )
    if not getattr(taken, "rowcount", 0):
        return None
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.pulse_id == pulse_id,
            Delivery.status == "sent",
            Delivery.away_at.is_(None),
            Delivery.reminder_ts.is_(None),
            ~_answered(),
        )
        .values(reminder_ts="pending", reminder_next_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _answered() -> Exists:
    return (
        select(Response.id)
        .where(
            Response.pulse_id == Delivery.pulse_id,
            Response.member_id == Delivery.member_id,
            Response.rating.is_not(None),
        )
        .exists()
    )


def due(session: Session, now: datetime) -> Sequence[tuple[int, datetime | None]]:
    """Reminders to send or check now, of open pulses: (delivery, its check time)."""
    stmt = (
        select(Delivery.id, Delivery.reminder_next_at)
        .join(Pulse, Pulse.id == Delivery.pulse_id)
        .where(
            Pulse.status == "open",
            Delivery.reminder_ts.in_(("pending", "sending")),
            Delivery.reminder_next_at <= now,
        )
        .order_by(Delivery.id)
    )
    return [(delivery_id, when) for delivery_id, when in session.execute(stmt)]


@dataclass(frozen=True, slots=True)
class ClaimedReminder:
    delivery_id: int
    channel_id: str
    message_ts: str
    closes_at: datetime
    attempts: int
    look_first: bool
    """An earlier try may have landed (or its sender died): look in the thread first."""
    answered: bool
    locale: str | None = None
    """The recipient's Slack locale: the reminder is in their language."""


def claim(
    session: Session, delivery_id: int, seen: datetime | None, lease_until: datetime
) -> ClaimedReminder | None:
    """Take a due reminder, once: only the caller whose update still finds the check time
    it read gets it, and until `lease_until` nobody else does."""
    row = session.get(Delivery, delivery_id)
    if row is None or row.reminder_ts not in ("pending", "sending"):
        return None
    look_first = row.reminder_ts == "sending"
    unchanged = (
        Delivery.reminder_next_at.is_(None) if seen is None else Delivery.reminder_next_at == seen
    )
    result = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.reminder_ts == row.reminder_ts, unchanged)
        .values(
            reminder_ts="sending",
            reminder_next_at=lease_until,
            reminder_attempts=Delivery.reminder_attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        return None
    answered = session.scalar(
        select(_answered()).select_from(Delivery).where(Delivery.id == delivery_id)
    )
    pulse = session.get_one(Pulse, row.pulse_id)
    return ClaimedReminder(
        delivery_id,
        str(row.channel_id),
        str(row.message_ts),
        pulse.closes_at,
        row.reminder_attempts + 1,
        look_first,
        bool(answered),
        session.get_one(Member, row.member_id).locale,
    )


def keep_claim(session: Session, delivery_id: int, attempt: int, longer: timedelta) -> bool:
    """A sender held back by a 429 moves its claim's check time on by the time it waited,
    so the claim is not presumed orphaned meanwhile; False when the reminder was taken
    again (or settled) since."""
    mine = (
        Delivery.id == delivery_id,
        Delivery.reminder_ts == "sending",
        Delivery.reminder_attempts == attempt,
    )
    until = session.scalar(select(Delivery.reminder_next_at).where(*mine))
    if until is None:
        return False
    result = session.execute(
        update(Delivery)
        .where(*mine, Delivery.reminder_next_at == until)
        .values(reminder_next_at=until + longer)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def settle(
    session: Session,
    delivery_id: int,
    state: str,
    *,
    error: str | None = None,
    retry_at: datetime | None = None,
) -> None:
    """Record a reminder's end: its ts, "failed", "answered", or "sending" to retry."""
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            reminder_ts=state[:32],
            reminder_error=None if error is None else error[:64],
            reminder_next_at=retry_at,
        )
    )
