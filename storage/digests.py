"""Queries behind the digest, App Home and export: history, SLA marks, own answers, claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import digest_claims as claims
from storage.models import DigestDelivery, Engagement, Member, Pulse, Response
from storage.portfolio_digests import sponsors_of_several


def first_closed(session: Session, engagement_id: int, limit: int) -> list[Pulse]:
    """The first `limit` closed pulses of an engagement, oldest first (its baseline)."""
    stmt = (
        select(Pulse)
        .where(Pulse.engagement_id == engagement_id, Pulse.status == "closed")
        .order_by(Pulse.opened_at, Pulse.id)
        .limit(limit)
    )
    return list(session.scalars(stmt).all())


def all_closed(session: Session, engagement_id: int) -> list[Pulse]:
    """Every closed pulse of an engagement, oldest first."""
    stmt = select(Pulse).where(Pulse.engagement_id == engagement_id, Pulse.status == "closed")
    return list(session.scalars(stmt.order_by(Pulse.opened_at, Pulse.id)).all())


def unscored_comment_counts(session: Session, pulse_ids: Sequence[int]) -> dict[int, int]:
    """Per pulse, the rated answers whose comment was stored unscored (no scorer for its
    language); pulses with none are absent."""
    stmt = (
        select(Response.pulse_id, func.count())
        .where(
            Response.pulse_id.in_(pulse_ids),
            Response.comment.is_not(None),
            Response.rating.is_not(None),
            Response.language.is_not(None),
            Response.polarity.is_(None),
        )
        .group_by(Response.pulse_id)
    )
    return {pulse_id: int(count) for pulse_id, count in session.execute(stmt)}


def active_sponsors(session: Session, engagement_id: int) -> Sequence[Member]:
    stmt = select(Member).where(
        Member.engagement_id == engagement_id,
        Member.role == "sponsor",
        Member.status == "active",
    )
    return session.scalars(stmt.order_by(Member.id)).all()


def claim_week(
    session: Session,
    engagement_id: int,
    member_id: int,
    week: date,
    now: datetime,
    check_at: datetime | None = None,
    *,
    attempts: int = 1,
) -> int | None:
    """Record that this sponsor's digest for `week` is being sent; None if already claimed.

    The unique (engagement, member, week) row is the claim (`storage/digest_claims.py`
    takes and settles it). `attempts` is 0 for a claim no process has tried yet (due at
    `check_at`), 1 for one its claimer sends at once.
    """
    existing = session.scalar(
        select(DigestDelivery.id).where(
            DigestDelivery.engagement_id == engagement_id,
            DigestDelivery.member_id == member_id,
            DigestDelivery.week == week,
        )
    )
    if existing is not None:
        return None
    # `check_at`: if this claim is still unsettled then (its sender died, or could not
    # record the outcome), another clock looks for the digest in the DM and settles it.
    return claims.insert(
        session,
        DigestDelivery(
            engagement_id=engagement_id,
            member_id=member_id,
            week=week,
            claimed_at=now,
            next_attempt_at=check_at,
            attempts=attempts,
        ),
    )


@dataclass(frozen=True, slots=True)
class OwnAnswer:
    """One of the viewer's own past answers."""

    closed_at: datetime | None
    rating: int | None
    guess: int | None
    comment: str | None


def own_answers(session: Session, member_id: int, limit: int) -> list[OwnAnswer]:
    """A member's answers to closed pulses, newest first."""
    stmt = (
        select(Pulse.closed_at, Response.rating, Response.guess, Response.comment)
        .join(Pulse, Pulse.id == Response.pulse_id)
        .where(Response.member_id == member_id, Pulse.status == "closed")
        .order_by(Pulse.opened_at.desc(), Pulse.id.desc())
        .limit(limit)
    )
    return [OwnAnswer(*row) for row in session.execute(stmt)]


def engagements_named(session: Session, name: str, team_id: str | None) -> Sequence[Engagement]:
    """Engagements called `name` (any case), in one workspace if `team_id` is given."""
    stmt = select(Engagement).where(func.lower(Engagement.name) == name.lower())
    if team_id is not None:
        stmt = stmt.where(Engagement.team_id == team_id)
    return session.scalars(stmt.order_by(Engagement.team_id)).all()


def engagement_names(session: Session) -> Sequence[tuple[str, str]]:
    """Every engagement's name and workspace, by name."""
    stmt = select(Engagement.name, Engagement.team_id).order_by(
        func.lower(Engagement.name), Engagement.team_id
    )
    return [(name, team) for name, team in session.execute(stmt)]


def engagements_with_sponsors(session: Session) -> Sequence[Engagement]:
    """Engagements that have at least one active sponsor, by id."""
    has_sponsor = (
        select(Member.id)
        .where(
            Member.engagement_id == Engagement.id,
            Member.role == "sponsor",
            Member.status == "active",
        )
        .exists()
    )
    live = Engagement.archived_at.is_(None)
    return session.scalars(
        select(Engagement).where(has_sponsor, live).order_by(Engagement.id)
    ).all()


def sponsors_without_digest(session: Session, engagement_id: int, week: date) -> Sequence[Member]:
    """Active sponsors with no digest row (sent, sending or failed) for `week`.

    A sponsor of several live engagements is left out: they get one portfolio digest a
    week instead (`storage/portfolio_digests.py`).
    """
    claimed = (
        select(DigestDelivery.id)
        .where(
            DigestDelivery.engagement_id == engagement_id,
            DigestDelivery.member_id == Member.id,
            DigestDelivery.week == week,
        )
        .exists()
    )
    stmt = select(Member).where(
        Member.engagement_id == engagement_id,
        Member.role == "sponsor",
        Member.status == "active",
        ~claimed,
        ~sponsors_of_several(),
    )
    return session.scalars(stmt.order_by(Member.id)).all()
