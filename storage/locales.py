"""Each person's Slack locale, kept on every member row of theirs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import Member


def remember(
    session: Session, team_id: str, user_id: str, locale: str | None, when: datetime
) -> None:
    """Record what Slack said the person's locale is (None: Slack did not say)."""
    values: dict[str, object] = {"locale_checked_at": when}
    if locale:
        values["locale"] = locale[:16]
    session.execute(
        update(Member).where(Member.team_id == team_id, Member.user_id == user_id).values(**values)
    )


def locale_of(session: Session, team_id: str, user_id: str) -> str | None:
    """The person's last known Slack locale, or None if Rapport never learnt it."""
    return session.scalar(
        select(Member.locale)
        .where(Member.team_id == team_id, Member.user_id == user_id, Member.locale.is_not(None))
        .order_by(Member.locale_checked_at.desc().nulls_last(), Member.id.desc())
        .limit(1)
    )


def locale_on(session: Session, engagement_id: int, user_id: str) -> str | None:
    """The locale of the person with this user id on an engagement (None if unknown)."""
    return session.scalar(
        select(Member.locale)
        .where(Member.engagement_id == engagement_id, Member.user_id == user_id)
        .limit(1)
    )


def due_for_refresh(
    session: Session, checked_before: datetime, limit: int
) -> list[tuple[str, str]]:
    """People (team id, user id) whose locale was last asked before `checked_before`."""
    last = func.max(func.coalesce(Member.locale_checked_at, Member.added_at))
    rows = session.execute(
        select(Member.team_id, Member.user_id)
        .where(Member.status == "active")
        .group_by(Member.team_id, Member.user_id)
        .having(last < checked_before)
        .order_by(last)
        .limit(limit)
    ).all()
    return [(str(team), str(user)) for team, user in rows]
