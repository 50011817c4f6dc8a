"""Queries behind a portfolio: the engagements a person leads or sponsors, with their role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Engagement, Member

READER_ROLES = ("lead", "sponsor")


def led_or_sponsored(session: Session, team_id: str, user_id: str) -> list[tuple[Engagement, str]]:
    """Each live engagement the person leads or sponsors now, with that role, by name.

    A person removed from an engagement is no longer its lead or sponsor: it drops out
    at once.
    """
    stmt = (
        select(Engagement, Member.role)
        .join(Member, Member.engagement_id == Engagement.id)
        .where(
            Member.team_id == team_id,
            Member.user_id == user_id,
            Member.status != "removed",
            Member.role.in_(READER_ROLES),
            Engagement.archived_at.is_(None),
        )
        .order_by(Engagement.name, Engagement.id)
    )
    return [(engagement, str(role)) for engagement, role in session.execute(stmt)]


def reader_workspaces(session: Session, user_id: str) -> list[str]:
    """The workspaces in which this user id leads or sponsors a live engagement."""
    stmt = (
        select(Member.team_id)
        .join(Engagement, Engagement.id == Member.engagement_id)
        .where(
            Member.user_id == user_id,
            Member.status != "removed",
            Member.role.in_(READER_ROLES),
            Engagement.archived_at.is_(None),
        )
        .distinct()
        .order_by(Member.team_id)
    )
    return list(session.scalars(stmt).all())
