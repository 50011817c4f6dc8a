"""Queries on engagements and their members."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Engagement, Member


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
