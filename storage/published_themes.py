"""Themes per pulse and side: found once at close from the comments, stored, and read back."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from bot.domain.alerts import SIDES, PulseFigures, Side
from bot.domain.themes import Comment, Theme, side_themes
from storage.figures import still_on_engagement
from storage.models import Delivery, PublishedTheme, Response

PulseThemes = dict[Side, list[Theme]]


def _comments(
    session: Session, pulse_id: int, *, without_removed: bool
) -> dict[str, list[Comment]]:
    """The rated answers' comments of a pulse by the side each was sent to."""
    stmt = (
        select(
            Delivery.side,
            Response.member_id,
            Response.comment,
            Response.polarity,
            Response.language,
        )
        .join(
            Delivery,
            and_(Delivery.pulse_id == Response.pulse_id, Delivery.member_id == Response.member_id),
        )
        .where(
            Response.pulse_id == pulse_id,
            Response.comment.is_not(None),
            Response.rating.is_not(None),
        )
        .order_by(Response.id)
    )
    if without_removed:
        stmt = stmt.where(still_on_engagement())
    by_side: dict[str, list[Comment]] = {side: [] for side in SIDES}
    for side, member_id, text, polarity, language in session.execute(stmt):
        by_side[side].append(Comment(str(member_id), text or "", polarity or 0.0, language or "en"))
    return by_side


def publish_themes(
    session: Session,
    pulse_id: int,
    figures: PulseFigures,
    minimum: int,
    *,
    without_removed: bool = True,
) -> PulseThemes:
    """Find a just-closed pulse's themes per side and store them, once.

    A side whose figures are withheld gets none. Themes already stored for the pulse are
    returned as they are: nothing recomputes them from the comments left later.
    """
    existing = published_themes(session, [pulse_id])
    if pulse_id in existing:
        return existing[pulse_id]
    comments = _comments(session, pulse_id, without_removed=without_removed)
    found: PulseThemes = {}
    for side in SIDES:
        themes = side_themes(
            comments[side], respondents=figures.of(side).answered, anonymity_min=minimum
        )
        found[side] = themes
        session.add_all(
            PublishedTheme(
                pulse_id=pulse_id,
                side=side,
                rank=rank,
                phrase=theme.phrase,
                people=theme.people,
                mentions=theme.mentions,
                polarity=theme.polarity,
            )
            for rank, theme in enumerate(themes)
        )
    session.flush()
    return found


def published_themes(session: Session, pulse_ids: Sequence[int]) -> dict[int, PulseThemes]:
    """The stored themes of these pulses, in their order; a pulse with none is left out."""
    if not pulse_ids:
        return {}
    stmt = (
        select(PublishedTheme)
        .where(PublishedTheme.pulse_id.in_(list(pulse_ids)))
        .order_by(PublishedTheme.pulse_id, PublishedTheme.side, PublishedTheme.rank)
    )
    found: dict[int, PulseThemes] = {}
    for row in session.scalars(stmt):
        side: Side = "client" if row.side == "client" else "provider"
        found.setdefault(row.pulse_id, {}).setdefault(side, []).append(
            Theme(row.phrase, row.people, row.mentions, row.polarity)
        )
    return found
