"""The portfolio in App Home: one row per engagement, most urgent first, each opening its view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from bot.domain import portfolio_text as text
from bot.domain.portfolio import EngagementState
from bot.views import kit

OPEN_BUTTON: Final = "home.open_engagement"
ROWS_SHOWN: Final = 20
"""A Home tab holds 100 blocks; the rest of the portfolio is one command away."""


def portfolio_blocks(states: Sequence[EngagementState]) -> list[dict[str, Any]]:
    """The heading, then one row per engagement with an *Open* button, in portfolio order."""
    blocks = [kit.section(text.heading(states))]
    for number, state in enumerate(states[:ROWS_SHOWN], 1):
        blocks.append(
            kit.section(
                f"{number}. {text.line(state)}"[:3000],
                accessory=kit.button(
                    text.OPEN, action_id=OPEN_BUTTON, value=str(state.engagement_id)
                ),
            )
        )
    if len(states) > ROWS_SHOWN:
        more = text.HOME_MORE.format(count=len(states) - ROWS_SHOWN)
        blocks.append(kit.context(more))
    return blocks


def engagement_modal(name: str, body: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One engagement's view, opened from its portfolio row."""
    title = name if len(name) <= 24 else name[:23] + "…"
    blocks = [kit.header(name[:150]), *body]
    return kit.modal(title=title, close=text.CLOSE, blocks=blocks)
