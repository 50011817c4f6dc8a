"""Queries on pulses, their deliveries and responses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from storage.models import Delivery, Engagement, Member, Pulse, Response


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


def response_of(
    session: Session, pulse_id: int, member_id: int, *, refresh: bool = False
) -> Response | None:
    stmt = select(Response).where(Response.pulse_id == pulse_id, Response.member_id == member_id)
    if refresh:
        stmt = stmt.execution_options(populate_existing=True)
    return session.scalars(stmt).first()


def upsert_response(
    session: Session, pulse_id: int, member_id: int, values: dict[str, object], when: datetime
) -> Response:
    """Create or update a person's one response in one statement, whoever writes at once.

    `INSERT … ON CONFLICT DO UPDATE` on both backends: two first answers arriving
    together (a rating and a guess) both land, and the row stays locked until the
    caller's commit. Only the columns in `values` change; the row is returned fresh.
    """
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    row = {"pulse_id": pulse_id, "member_id": member_id, "created_at": when, "updated_at": when}
    stmt = insert(Response).values(**row, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["pulse_id", "member_id"],
        set_={**{key: stmt.excluded[key] for key in values}, "updated_at": when},
    )
    session.execute(stmt)
    found = response_of(session, pulse_id, member_id, refresh=True)
    assert found is not None  # it was just written, in this transaction
    return found


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
            Delivery.side,
            func.count(Delivery.id),
            func.coalesce(func.sum(answered), 0),
            func.coalesce(func.sum(away), 0),
        )
        .outerjoin(
            Response,
            (Response.pulse_id == Delivery.pulse_id) & (Response.member_id == Delivery.member_id),
        )
        .where(Delivery.pulse_id == pulse_id, Delivery.status != "skipped")
        .group_by(Delivery.side)
    )
    counts = {side: SideCounts() for side in ("client", "provider")}
    for side, asked, answered_n, away_n in session.execute(stmt):
        counts[side] = SideCounts(int(asked), int(answered_n), int(away_n))
    return counts


def deliveries_with_status(session: Session, pulse_id: int, status: str) -> Sequence[Delivery]:
    stmt = select(Delivery).where(Delivery.pulse_id == pulse_id, Delivery.status == status)
    return session.scalars(stmt.order_by(Delivery.id)).all()


def open_pulses(session: Session) -> Sequence[Pulse]:
    return session.scalars(select(Pulse).where(Pulse.status == "open").order_by(Pulse.id)).all()


def latest_scheduled(session: Session, engagement_id: int) -> datetime | None:
    """When the last scheduled pulse of an engagement was due, if any."""
    stmt = select(func.max(Pulse.scheduled_for)).where(Pulse.engagement_id == engagement_id)
    return session.scalar(stmt)


def slot_taken(session: Session, engagement_id: int, due: datetime) -> bool:
    stmt = select(Pulse.id).where(Pulse.engagement_id == engagement_id, Pulse.scheduled_for == due)
    return session.scalar(stmt) is not None


def mark_closed(session: Session, pulse_id: int, when: datetime) -> bool:
    """Close a pulse if it is still open; True only for the one caller that closed it."""
    result = session.execute(
        update(Pulse)
        .where(Pulse.id == pulse_id, Pulse.status == "open")
        .values(status="closed", closed_at=when)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def mark_closed_many(session: Session, pulse_ids: Sequence[int], when: datetime) -> set[int]:
    """Close those of these pulses still open, in one statement; the ids this caller closed."""
    if not pulse_ids:
        return set()
    result = session.execute(
        update(Pulse)
        .where(Pulse.id.in_(list(pulse_ids)), Pulse.status == "open")
        .values(status="closed", closed_at=when)
        .returning(Pulse.id)
        .execution_options(synchronize_session=False)
    )
    return {int(pulse_id) for pulse_id in result.scalars()}


def mark_evaluated(session: Session, pulse_ids: Sequence[int], when: datetime) -> None:
    """Record when these pulses were last evaluated, in one statement."""
    if pulse_ids:
        session.execute(
            update(Pulse)
            .where(Pulse.id.in_(list(pulse_ids)))
            .values(evaluated_at=when)
            .execution_options(synchronize_session=False)
        )


def reopen(session: Session, pulse_id: int) -> None:
    """Open again a pulse this transaction closed but could not evaluate, for a later try."""
    session.execute(
        update(Pulse)
        .where(Pulse.id == pulse_id, Pulse.status == "closed")
        .values(status="open", closed_at=None)
        .execution_options(synchronize_session=False)
    )


def closed_ids_before(
    session: Session, pulses: Sequence[Pulse], limit: int
) -> dict[int, list[int]]:
    """For each pulse, the ids of the last `limit` closed pulses of its engagement before it.

    Oldest first, as `storage.alerts.closed_pulse_ids_before` gives them, for all the
    pulses in one statement: each reads only its own engagement's pulses.
    """
    if not pulses:
        return {}
    target = aliased(Pulse)
    rank = (
        func.row_number()
        .over(partition_by=target.id, order_by=(Pulse.opened_at.desc(), Pulse.id.desc()))
        .label("rank")
    )
    ranked = (
        select(target.id.label("pulse_id"), Pulse.id.label("earlier_id"), rank)
        .join(
            Pulse,
            and_(
                Pulse.engagement_id == target.engagement_id,
                Pulse.status == "closed",
                Pulse.id != target.id,
                Pulse.opened_at <= target.opened_at,
            ),
        )
        .where(target.id.in_([pulse.id for pulse in pulses]))
        .subquery()
    )
    stmt = (
        select(ranked.c.pulse_id, ranked.c.earlier_id)
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.pulse_id, ranked.c.rank.desc())
    )
    found: dict[int, list[int]] = {pulse.id: [] for pulse in pulses}
    for pulse_id, earlier_id in session.execute(stmt):
        found[int(pulse_id)].append(int(earlier_id))
    return found


@dataclass(frozen=True, slots=True)
class Status:
    """An engagement's pulse right now: the open one with its counts, or the last closed."""

    engagement: Engagement
    pulse: Pulse | None
    last_closed: Pulse | None
    counts: dict[str, SideCounts]


def status(session: Session, engagement: Engagement) -> Status:
    pulse = open_pulse(session, engagement.id)
    counts = side_counts(session, pulse.id) if pulse else {}
    last = None if pulse else last_closed(session, engagement.id)
    return Status(engagement, pulse, last, counts)
