"""Queries behind the portfolio digest: who gets one, their chosen time, its weekly claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session, aliased

from storage import digest_claims as claims
from storage.models import DigestTime, Engagement, Member, PortfolioDigest

Person = tuple[str, str]
"""A sponsor across engagements: (workspace, user)."""


def sponsors_of_several() -> ColumnElement[bool]:
    """True for a sponsor row whose person actively sponsors two or more live engagements."""
    other, live = aliased(Member), aliased(Engagement)
    count = (
        select(func.count(other.id))
        .join(live, live.id == other.engagement_id)
        .where(
            other.team_id == Member.team_id,
            other.user_id == Member.user_id,
            other.role == "sponsor",
            other.status == "active",
            live.archived_at.is_(None),
        )
        .scalar_subquery()
    )
    return count >= 2


def portfolio_sponsors(session: Session) -> dict[Person, list[Engagement]]:
    """Each person who actively sponsors several live engagements, with those engagements."""
    stmt = (
        select(Member.team_id, Member.user_id, Engagement)
        .join(Engagement, Engagement.id == Member.engagement_id)
        .where(
            Member.role == "sponsor",
            Member.status == "active",
            Engagement.archived_at.is_(None),
            sponsors_of_several(),
        )
        .order_by(Member.team_id, Member.user_id, Engagement.id)
    )
    found: dict[Person, list[Engagement]] = defaultdict(list)
    for team_id, user_id, engagement in session.execute(stmt):
        found[(team_id, user_id)].append(engagement)
    return dict(found)


def digest_time(session: Session, person: Person) -> DigestTime | None:
    return session.get(DigestTime, person)


def set_digest_time(
    session: Session, person: Person, day_time: str | None, timezone: str, now: datetime
) -> None:
    """Keep a sponsor's own digest day and time; None forgets it."""
    session.execute(
        delete(DigestTime).where(DigestTime.team_id == person[0], DigestTime.user_id == person[1])
    )
    if day_time is not None:
        session.add(
            DigestTime(
                team_id=person[0],
                user_id=person[1],
                day_time=day_time,
                timezone=timezone,
                set_at=now,
            )
        )


def claimed(session: Session, person: Person, week: date) -> bool:
    stmt = select(PortfolioDigest.id).where(
        PortfolioDigest.team_id == person[0],
        PortfolioDigest.user_id == person[1],
        PortfolioDigest.week == week,
    )
    return session.scalar(stmt) is not None


def claim_week(
    session: Session,
    person: Person,
    week: tuple[date, datetime],
    now: datetime,
    check_at: datetime,
    *,
    attempts: int = 1,
) -> int | None:
    """Record that this person's portfolio digest for the week is being sent; None if taken.

    The unique (workspace, user, week) row is the claim, as for one engagement's digest
    (`attempts` as there: 0 for a claim no process has tried yet).
    """
    if claimed(session, person, week[0]):
        return None
    claim = PortfolioDigest(
        team_id=person[0],
        user_id=person[1],
        week=week[0],
        week_ends_at=week[1],
        claimed_at=now,
        next_attempt_at=check_at,
        attempts=attempts,
    )
    return claims.insert(session, claim)


def due(session: Session, now: datetime) -> Sequence[PortfolioDigest]:
    """Claims still `sending` whose check time has come."""
    stmt = select(PortfolioDigest).where(
        PortfolioDigest.status == "sending",
        PortfolioDigest.next_attempt_at.is_not(None),
        PortfolioDigest.next_attempt_at <= now,
    )
    return session.scalars(stmt.order_by(PortfolioDigest.id)).all()


def forget_person(session: Session, person: Person) -> None:
    """Once a person is on no engagement any more, drop their digest claims and chosen time."""
    still_on = session.scalar(
        select(Member.id).where(Member.team_id == person[0], Member.user_id == person[1]).limit(1)
    )
    if still_on is not None:
        return
    session.execute(
        delete(PortfolioDigest).where(
            PortfolioDigest.team_id == person[0], PortfolioDigest.user_id == person[1]
        )
    )
    session.execute(
        delete(DigestTime).where(DigestTime.team_id == person[0], DigestTime.user_id == person[1])
    )
