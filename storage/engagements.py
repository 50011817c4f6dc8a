"""Queries on engagements and their members."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Delivery, Engagement, Member


def by_name(
    session: Session, team_id: str, name: str, *, archived: bool = True
) -> Engagement | None:
    """The engagement of that name in the workspace; archived ones only if `archived`."""
    stmt = select(Engagement).where(
        Engagement.team_id == team_id, func.lower(Engagement.name) == name.lower()
    )
    if not archived:
        stmt = stmt.where(Engagement.archived_at.is_(None))
    return session.scalars(stmt).first()


def in_channel(session: Session, channel_id: str) -> Sequence[Engagement]:
    """The active (not archived) engagements whose alert channel this is."""
    stmt = (
        select(Engagement)
        .where(Engagement.channel_id == channel_id, Engagement.archived_at.is_(None))
        .order_by(Engagement.name)
    )
    return session.scalars(stmt).all()


def active(session: Session) -> Sequence[Engagement]:
    """Every engagement not archived, oldest first."""
    stmt = select(Engagement).where(Engagement.archived_at.is_(None)).order_by(Engagement.id)
    return session.scalars(stmt).all()


def of_person(
    session: Session, team_id: str, user_id: str, roles: Sequence[str] | None = None
) -> Sequence[Engagement]:
    """Engagements a person is on (optionally only in some roles), by name."""
    stmt = (
        select(Engagement)
        .join(Member, Member.engagement_id == Engagement.id)
        .where(Member.team_id == team_id, Member.user_id == user_id, Member.status != "removed")
        .where(Engagement.archived_at.is_(None))
        .order_by(Engagement.name)
    )
    if roles is not None:
        stmt = stmt.where(Member.role.in_(roles))
    return session.scalars(stmt).all()


def member(session: Session, engagement_id: int, team_id: str, user_id: str) -> Member | None:
    stmt = select(Member).where(
        Member.engagement_id == engagement_id,
        Member.team_id == team_id,
        Member.user_id == user_id,
    )
    return session.scalars(stmt).first()


def member_by_user(session: Session, engagement_id: int, user_id: str) -> Member | None:
    """Slack user ids are unique across workspaces, so the id alone finds the person."""
    stmt = select(Member).where(Member.engagement_id == engagement_id, Member.user_id == user_id)
    return session.scalars(stmt).first()


def current_members(session: Session, engagement_id: int) -> Sequence[Member]:
    """Everyone not removed, client side first, leads first within a side."""
    stmt = (
        select(Member)
        .where(Member.engagement_id == engagement_id, Member.status != "removed")
        .order_by(Member.side, Member.role != "lead", Member.added_at, Member.id)
    )
    return session.scalars(stmt).all()


def leads(session: Session, engagement_id: int) -> Sequence[Member]:
    stmt = select(Member).where(
        Member.engagement_id == engagement_id, Member.role == "lead", Member.status != "removed"
    )
    return session.scalars(stmt).all()


def pulse_recipients(session: Session, engagement_id: int) -> Sequence[Member]:
    stmt = select(Member).where(
        Member.engagement_id == engagement_id,
        Member.status == "active",
        Member.role != "sponsor",
    )
    return session.scalars(stmt.order_by(Member.id)).all()


def _teams_of(session: Session, engagement_ids: Sequence[int]) -> list[str]:
    """Each engagement's home workspace, then the workspaces of its people."""
    homes = session.scalars(
        select(Engagement.team_id).where(Engagement.id.in_(engagement_ids)).order_by(Engagement.id)
    ).all()
    others = session.scalars(
        select(Member.team_id)
        .where(Member.engagement_id.in_(engagement_ids), Member.status != "removed")
        .order_by(Member.id)
    ).all()
    return list(dict.fromkeys([*homes, *others]))


def routes_to_person(session: Session, user_id: str) -> list[str]:
    """The workspaces through which a person can be reached, best first: their own, then
    their engagements' home workspaces and the others sharing the channel. Empty for
    someone on no engagement."""
    rows = session.execute(
        select(Member.team_id, Member.engagement_id)
        .where(Member.user_id == user_id, Member.status != "removed")
        .order_by(Member.id)
    ).all()
    if not rows:
        return []
    own = [row[0] for row in rows]
    return list(dict.fromkeys([*own, *_teams_of(session, [row[1] for row in rows])]))


def routes_to_dm(session: Session, channel_id: str) -> list[str]:
    """As `routes_to_person`, for the person whose pulse DM is in this conversation."""
    user = session.scalars(
        select(Member.user_id)
        .join(Delivery, Delivery.member_id == Member.id)
        .where(Delivery.channel_id == channel_id)
        .limit(1)
    ).first()
    return [] if user is None else routes_to_person(session, user)


def routes_to_channel(session: Session, channel_id: str) -> list[str]:
    """The workspaces that may post in an engagement's channel, its home one first."""
    ids = [e.id for e in in_channel(session, channel_id)]
    return _teams_of(session, ids) if ids else []
