"""Themes per pulse and side: found once at close from the comments, stored, and read back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.alerts import SIDES, PulseFigures, Side
from bot.domain.themes import Comment, Theme, side_themes
from storage.figures import rated_answers
from storage.models import Delivery, PublishedTheme, Response

PulseThemes = dict[Side, list[Theme]]


def _comments_statement(*, without_removed: bool) -> Any:
    """The rated answers' comments of some pulses, built once: only the pulse ids change."""
    return (
        rated_answers(
            Response.pulse_id,
            Delivery.side,
            Response.member_id,
            Response.comment,
            Response.polarity,
            Response.language,
            without_removed=without_removed,
        )
        .where(Response.comment.is_not(None))
        .order_by(Response.id)
    )


_COMMENTS = _comments_statement(without_removed=False)
_COMMENTS_PRESENT = _comments_statement(without_removed=True)


def _comments(
    session: Session, pulse_ids: Sequence[int], *, without_removed: bool
) -> dict[int, dict[str, list[Comment]]]:
    """The rated answers' comments of each pulse by the side each was sent to."""
    statement = _COMMENTS_PRESENT if without_removed else _COMMENTS
    by_pulse: dict[int, dict[str, list[Comment]]] = {
        pulse_id: {side: [] for side in SIDES} for pulse_id in pulse_ids
    }
    for pulse_id, side, member_id, text, polarity, language in session.execute(
        statement, {"pulse_ids": list(pulse_ids)}
    ):
        by_pulse[pulse_id][side].append(
            Comment(str(member_id), text or "", polarity or 0.0, language or "en")
        )
    return by_pulse


def find_themes(
    session: Session,
    pulses: Mapping[int, tuple[PulseFigures, int]],
    *,
    without_removed: bool = True,
) -> dict[int, PulseThemes]:
    """Find just-closed pulses' themes per side, reading their comments in one statement.

    ``pulses`` gives each pulse's figures and anonymity minimum; a side whose figures
    are withheld gets none. Nothing is stored.
    """
    if not pulses:
        return {}
    comments = _comments(session, list(pulses), without_removed=without_removed)
    return {
        pulse_id: {
            side: side_themes(
                comments[pulse_id][side],
                respondents=figures.of(side).answered,
                anonymity_min=minimum,
            )
            for side in SIDES
        }
        for pulse_id, (figures, minimum) in pulses.items()
    }


def theme_rows(pulse_id: int, themes: PulseThemes) -> list[PublishedTheme]:
    """The rows that store one pulse's themes, in rank order per side."""
    return [
        PublishedTheme(
            pulse_id=pulse_id,
            side=side,
            rank=rank,
            phrase=theme.phrase,
            people=theme.people,
            mentions=theme.mentions,
            polarity=theme.polarity,
        )
        for side, found in themes.items()
        for rank, theme in enumerate(found)
    ]


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
    found = find_themes(session, {pulse_id: (figures, minimum)}, without_removed=without_removed)
    session.add_all(theme_rows(pulse_id, found[pulse_id]))
    session.flush()
    return found[pulse_id]


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
