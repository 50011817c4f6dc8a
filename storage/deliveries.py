"""Pulse DM deliveries: claim some to send, record what happened, queue retries and checks.

A delivery is `pending` (waiting, from `next_attempt_at` on), `sending` (claimed; with
an `error` it ended uncertain and is checked in the DM history from `next_attempt_at`),
`sent`, `failed` (Slack refused, or retries ran past the pulse's close) or `skipped`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, joinedload

from storage.models import Delivery, Member, Pulse


def claim_next_pending(session: Session, pulse_id: int, when: datetime) -> Delivery | None:
    """Take one pending delivery and mark it `sending`, so no other sender takes it too
    (the queue's job: one DM)."""
    claimed = claim_due(session, pulse_id, when, 1)
    return claimed[0] if claimed else None


# The statements every DM's claim and record run, built once: building them is most of
# a claim's cost in Python; only their parameters change.
_WHEN = bindparam("when", type_=Delivery.sent_at.type)
_DUE = (
    select(Delivery.id)
    .where(
        Delivery.pulse_id == bindparam("for_pulse"),
        Delivery.status == "pending",
        or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= _WHEN),
    )
    .order_by(Delivery.id)
    .limit(bindparam("limit"))
    .with_for_update(skip_locked=True)
    # Evaluated once: as a plain `IN (subquery)` PostgreSQL may run it again for each row
    # it updates, each run skipping what the last one locked, and claim far more than
    # `limit`.
    .cte("due")
    .prefix_with("MATERIALIZED", dialect="postgresql")
)
_CLAIM = (
    update(Delivery)
    .where(Delivery.id.in_(select(_DUE.c.id)), Delivery.status == "pending")
    .values(status="sending", attempts=Delivery.attempts + 1, sent_at=_WHEN)
    .values(error=None, next_attempt_at=None)
    .returning(Delivery.id)
    .execution_options(synchronize_session=False)
)
_CLAIMED = (
    select(Delivery)
    .where(Delivery.id.in_(bindparam("ids", expanding=True)))
    .options(joinedload(Delivery.member), joinedload(Delivery.pulse).joinedload(Pulse.engagement))
    .order_by(Delivery.id)
    .execution_options(populate_existing=True)
)
_SENT = (
    update(Delivery)
    .where(Delivery.id == bindparam("delivery_id"))
    .values(status="sent", channel_id=bindparam("channel"), message_ts=bindparam("ts"), error=None)
)


def claim_due(session: Session, pulse_id: int, when: datetime, limit: int) -> Sequence[Delivery]:
    """Take up to `limit` due pending deliveries in one conditional UPDATE, marked `sending`.

    Each claim is a lease: `sent_at` records when it was taken, so an orphaned claim
    (its sender died) can be told from one in flight and is taken over once stale. On
    PostgreSQL concurrent claimers skip each other's locked rows, and the UPDATE takes
    only rows still `pending`; on SQLite the IMMEDIATE transaction serialises them.
    """
    claimed = session.scalars(_CLAIM, {"for_pulse": pulse_id, "when": when, "limit": limit}).all()
    if not claimed:
        return []
    return session.scalars(_CLAIMED, {"ids": list(claimed)}).all()


def _same_claim(delivery_id: int, attempt: int) -> ColumnElement[bool]:
    """The row is still the claim a sender took: `sending`, and not claimed since."""
    return and_(
        Delivery.id == delivery_id, Delivery.status == "sending", Delivery.attempts == attempt
    )


def take_for_check(
    session: Session, delivery_id: int, attempt: int, seen: datetime | None, lease_until: datetime
) -> bool:
    """Take an unsettled claim for a look in the DM history; False if another sender has.

    `seen` is the `next_attempt_at` read when the claim was found unsettled: only the
    sender whose update still finds it there goes on, and until `lease_until` nobody
    else looks (a checker that dies leaves it to be checked again then). Without this,
    two senders could both find the DM missing and both send it.
    """
    unchanged = (
        Delivery.next_attempt_at.is_(None) if seen is None else Delivery.next_attempt_at == seen
    )
    result = session.execute(
        update(Delivery)
        .where(_same_claim(delivery_id, attempt), unchanged)
        .values(next_attempt_at=lease_until, error=func.coalesce(Delivery.error, "unrecorded"))
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def keep_claim(session: Session, delivery_id: int, attempt: int, when: datetime) -> bool:
    """A sender held back by a 429 renews its claim, so it is not presumed orphaned."""
    result = session.execute(
        update(Delivery).where(_same_claim(delivery_id, attempt)).values(sent_at=when)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def release(session: Session, delivery_id: int, attempt: int) -> None:
    """Put a claim back in the queue, to be sent at once: its DM never reached Slack."""
    session.execute(
        update(Delivery)
        .where(_same_claim(delivery_id, attempt))
        .values(status="pending", next_attempt_at=None)
    )


def mark_uncertain(
    session: Session, delivery_id: int, attempt: int, reason: str, check_at: datetime
) -> None:
    """A send ended without a clear answer (timeout, reset, 5xx): it may have landed.

    The claim stays `sending` with the reason, so nobody sends it again blindly; at
    `check_at` the sender looks for it in the DM history and records it or re-queues it.
    """
    session.execute(
        update(Delivery)
        .where(_same_claim(delivery_id, attempt))
        .values(error=reason[:64], next_attempt_at=check_at)
    )


def awaiting_retry(session: Session, pulse_id: int) -> tuple[int, datetime | None]:
    """How many deliveries of a pulse are still to be sent or checked, and the earliest when."""
    stmt = select(func.count(Delivery.id), func.min(Delivery.next_attempt_at)).where(
        Delivery.pulse_id == pulse_id, Delivery.status.in_(("pending", "sending"))
    )
    count, earliest = session.execute(stmt).one()
    return int(count or 0), earliest


def mark_sent(session: Session, delivery_id: int, channel: str, ts: str) -> None:
    """The DM is in `channel` at `ts`; `sent_at` stays the time of the claim that sent it."""
    session.execute(_SENT, {"delivery_id": delivery_id, "channel": channel, "ts": ts})


def mark_failed(session: Session, delivery_id: int, error: str) -> None:
    session.execute(
        update(Delivery).where(Delivery.id == delivery_id).values(status="failed", error=error)
    )


def mark_unreachable(session: Session, member_id: int, reason: str) -> None:
    session.execute(
        update(Member)
        .where(Member.id == member_id, Member.status == "active")
        .values(status="unreachable", status_reason=reason)
    )


def has_pending(session: Session, pulse_id: int) -> bool:
    stmt = select(Delivery.id).where(
        Delivery.pulse_id == pulse_id, Delivery.status.in_(("pending", "sending"))
    )
    return session.scalar(stmt.limit(1)) is not None


def due_per_pulse(session: Session, when: datetime) -> dict[int, int]:
    """Open pulses' DMs waiting to be sent now: pulse id → how many."""
    stmt = (
        select(Delivery.pulse_id, func.count(Delivery.id))
        .join(Pulse, Pulse.id == Delivery.pulse_id)
        .where(
            Pulse.status == "open",
            Delivery.status == "pending",
            or_(Delivery.next_attempt_at.is_(None), Delivery.next_attempt_at <= when),
        )
        .group_by(Delivery.pulse_id)
    )
    return {int(pulse_id): int(count) for pulse_id, count in session.execute(stmt)}


@dataclass(frozen=True, slots=True)
class Unsettled:
    """A claim to look for in the DM history, as read: the look's take must still find
    it so (its attempt, and its check time `seen`)."""

    pulse_id: int
    delivery_id: int
    attempt: int
    seen: datetime | None
    member_id: int
    user_id: str
    closes_at: datetime


def unsettled(
    session: Session, when: datetime, stale_before: datetime, pulse_id: int | None = None
) -> list[Unsettled]:
    """Every claim of an open pulse (of `pulse_id`'s, or of all) to look for in the DM
    history now: an uncertain send whose check is due, or a claim older than the lease
    (its sender died)."""
    stmt = (
        select(
            Delivery.pulse_id,
            Delivery.id,
            Delivery.attempts,
            Delivery.next_attempt_at,
            Member.id,
            Member.user_id,
            Pulse.closes_at,
        )
        .join(Pulse, Pulse.id == Delivery.pulse_id)
        .join(Member, Member.id == Delivery.member_id)
        .where(
            Pulse.status == "open",
            Delivery.status == "sending",
            or_(
                and_(Delivery.error.is_not(None), Delivery.next_attempt_at <= when),
                and_(
                    Delivery.error.is_(None),
                    or_(Delivery.sent_at.is_(None), Delivery.sent_at <= stale_before),
                ),
            ),
        )
        .order_by(Delivery.pulse_id, Delivery.id)
    )
    if pulse_id is not None:
        stmt = stmt.where(Delivery.pulse_id == pulse_id)
    return [Unsettled(*row) for row in session.execute(stmt)]


def unsettled_claims(
    session: Session, when: datetime, stale_before: datetime
) -> list[tuple[int, int]]:
    """(pulse, delivery) of every claim of an open pulse to look for now (`unsettled`)."""
    return [(u.pulse_id, u.delivery_id) for u in unsettled(session, when, stale_before)]


@dataclass(frozen=True, slots=True)
class PassState:
    """Where a pulse's DMs stand: not tried yet, sent, refused (person → reason) and
    waiting for a retry or a check (person → reason)."""

    untried: list[str]
    """The people whose DM no sender has tried yet."""
    sent: int
    failed: dict[str, str]
    retrying: dict[str, str]


def pass_state(session: Session, pulse_id: int) -> PassState:
    """Where each of the pulse's DMs stands, read from the rows the senders settle."""
    rows = session.execute(
        select(Delivery.status, Delivery.attempts, Delivery.error, Member.user_id)
        .join(Member, Member.id == Delivery.member_id)
        .where(Delivery.pulse_id == pulse_id)
    ).all()
    untried = [user for status, attempts, _, user in rows if status == "pending" and attempts == 0]
    sent = sum(1 for status, _, _, _ in rows if status == "sent")
    failed = {user: error or "" for status, _, error, user in rows if status == "failed"}
    retrying = {
        user: error or "unrecorded"
        for status, attempts, error, user in rows
        if (status == "pending" and attempts > 0) or (status == "sending" and error is not None)
    }
    return PassState(untried, sent, failed, retrying)
