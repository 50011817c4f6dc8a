"""Erasure queries: detach a person's answers, delete comments, delete an engagement."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import Delivery, DigestDelivery, Engagement, Member, Pulse, Response
from storage.portfolio_digests import forget_person

FORGOTTEN = "forgotten"
COMMENT_ERASED: Final = {
    "comment": None,
    "polarity": None,
    "subjectivity": None,
    "language": None,
    "comment_drivers": None,
}
"""A response's columns once its comment is erased: the text and all that was read from it
(its sentiment, language and the drivers it named); the rating and picked drivers stay."""


def memberships(session: Session, team_id: str, user_id: str) -> Sequence[Member]:
    """Every membership of a person in a workspace, removed ones included."""
    stmt = select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    return session.scalars(stmt.order_by(Member.engagement_id)).all()


def open_dms(session: Session, member_id: int) -> list[tuple[str, str]]:
    """Where the member's pulse DMs of still-open pulses landed (channel, ts)."""
    stmt = (
        select(Delivery.channel_id, Delivery.message_ts)
        .join(Pulse, Pulse.id == Delivery.pulse_id)
        .where(Delivery.member_id == member_id, Pulse.status == "open")
        .where(Delivery.channel_id.is_not(None), Delivery.message_ts.is_not(None))
    )
    return [(str(c), str(ts)) for c, ts in session.execute(stmt)]


FORGET_TABLES = ("responses", "deliveries", "members", "digest_deliveries")
"""The tables forgetting someone changes: vacuumed after it (`Database.scrub`)."""
RETENTION_TABLES = ("responses",)


def forget_member(session: Session, member: Member) -> tuple[int, int]:
    """Delete the member's comments, hand their answers to a nameless stand-in, drop the row.

    What their comments named as drivers goes with the comments; their own picks stay with
    the answer, like the rating.

    The stand-in keeps the side and weight the figures were computed with, so published
    figures read the same; it carries no Slack id, no team and no link to the person.
    Returns (comments deleted, answers detached).
    """
    comments = session.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.member_id == member.id, Response.comment.is_not(None))
    )
    answers = session.scalar(
        select(func.count()).select_from(Response).where(Response.member_id == member.id)
    )
    stand_in = Member(
        engagement_id=member.engagement_id,
        team_id="",
        user_id=f"~{secrets.token_hex(8)}",
        side=member.side,
        role="member",
        weight=member.weight,
        status="removed",
        status_reason=FORGOTTEN,
        added_at=member.added_at,
    )
    session.add(stand_in)
    session.flush()
    session.execute(
        update(Response)
        .where(Response.member_id == member.id)
        .values(member_id=stand_in.id, **COMMENT_ERASED)
    )
    session.execute(
        update(Delivery)
        .where(Delivery.member_id == member.id)
        .values(
            member_id=stand_in.id, channel_id=None, message_ts=None, reminder_ts=None, error=None
        )
    )
    session.execute(delete(DigestDelivery).where(DigestDelivery.member_id == member.id))
    session.delete(member)
    session.flush()
    forget_person(session, (member.team_id, member.user_id))
    return int(comments or 0), int(answers or 0)


def delete_old_comments(session: Session, engagement: Engagement, before: datetime) -> int:
    """Delete the comments on this engagement's pulses opened before `before`."""
    old_pulses = select(Pulse.id).where(
        Pulse.engagement_id == engagement.id, Pulse.opened_at < before
    )
    result = session.execute(
        update(Response)
        .where(Response.pulse_id.in_(old_pulses), Response.comment.is_not(None))
        .values(**COMMENT_ERASED)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def delete_engagement(session: Session, engagement_id: int) -> bool:
    """Delete an engagement; the database cascades to every row that belongs to it."""
    result = session.execute(delete(Engagement).where(Engagement.id == engagement_id))
    return bool(getattr(result, "rowcount", 0))
