"""Queries on pulses, their deliveries and responses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from storage.models import Delivery, Member, Pulse, Response


def open_pulse(session: Session, engagement_id: int) -> Pulse | None:
    stmt = select(Pulse).where(Pulse.engagement_id == engagement_id, Pulse.status == "open")
    return session.scalars(stmt).first()


def last_closed(session: Session, engagement_id: int) -> Pulse | None:
    stmt = (
        select(Pulse)
        .where(Pulse.engagement_id == engagement_id, Pulse.status == "closed")
        .order_by(Pulse.closed_at.desc())
    )
    return session.scalars(stmt).first()


def delivery_for(session: Session, pulse_id: int, team_id: str, user_id: str) -> Delivery | None:
    stmt = (
        select(Delivery)
        .join(Member, Member.id == Delivery.member_id)
        .where(Delivery.pulse_id == pulse_id, Member.team_id == team_id, Member.user_id == user_id)
    )
    return session.scalars(stmt).first()


def response_of(session: Session, pulse_id: int, member_id: int) -> Response | None:
    stmt = select(Response).where(Response.pulse_id == pulse_id, Response.member_id == member_id)
    return session.scalars(stmt).first()


def claim_next_pending(session: Session, pulse_id: int) -> Delivery | None:
    """Take one pending delivery and mark it `sending`, so no other sender takes it too.

    On PostgreSQL concurrent senders skip each other's locked rows; on SQLite the
    IMMEDIATE transaction already serialises them.
    """
    stmt = (
        select(Delivery)
        .where(Delivery.pulse_id == pulse_id, Delivery.status == "pending")
        .order_by(Delivery.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    delivery = session.scalars(stmt).first()
    if delivery is not None:
        delivery.status = "sending"
        delivery.attempts += 1
    return delivery


def mark_sent(session: Session, delivery_id: int, channel: str, ts: str, when: datetime) -> None:
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(status="sent", channel_id=channel, message_ts=ts, sent_at=when, error=None)
    )


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


@dataclass(frozen=True, slots=True)
class SideCounts:
    """How many on a side were asked, answered, and pressed "away" — counts only."""

    asked: int = 0
    answered: int = 0
    away: int = 0


def side_counts(session: Session, pulse_id: int) -> dict[str, SideCounts]:
    """Per-side counts for a pulse, aggregated in SQL."""
    answered = case((Response.rating.is_not(None), 1), else_=0)
    away = case((Delivery.away_at.is_not(None), 1), else_=0)
    stmt = (
        select(
            Member.side,
            func.count(Delivery.id),
            func.coalesce(func.sum(answered), 0),
            func.coalesce(func.sum(away), 0),
        )
        .join(Member, Member.id == Delivery.member_id)
        .outerjoin(
            Response,
            (Response.pulse_id == Delivery.pulse_id) & (Response.member_id == Delivery.member_id),
        )
        .where(Delivery.pulse_id == pulse_id, Delivery.status != "skipped")
        .group_by(Member.side)
    )
    counts = {side: SideCounts() for side in ("client", "provider")}
    for side, asked, answered_n, away_n in session.execute(stmt):
        counts[side] = SideCounts(int(asked), int(answered_n), int(away_n))
    return counts


def deliveries_with_status(session: Session, pulse_id: int, status: str) -> Sequence[Delivery]:
    stmt = select(Delivery).where(Delivery.pulse_id == pulse_id, Delivery.status == status)
    return session.scalars(stmt.order_by(Delivery.id)).all()
