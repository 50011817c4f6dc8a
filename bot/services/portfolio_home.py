"""The portfolio in App Home: who sees it, its rows, and one engagement's view from a row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.domain.people import Caller
from bot.domain.portfolio import EngagementState
from bot.services.digest.access import require_reader
from bot.services.digest.assemble import assemble
from bot.services.engagements import by_id
from bot.services.home_state import open_pulse
from bot.services.portfolio import portfolio
from bot.services.runtime import Runtime
from bot.views import home_view, kit, portfolio_view


def shows_portfolio(states: Sequence[EngagementState]) -> bool:
    """A sponsor of any engagement, or a lead of several, sees the portfolio first."""
    return any(s.role == "sponsor" for s in states) or len(states) > 1


def portfolio_first(
    session: Session, team_id: str, user_id: str, now: datetime
) -> tuple[list[dict[str, Any]], list[int]]:
    """The portfolio's blocks for the top of Home (none for others), and its engagement order."""
    states = portfolio(session, team_id, user_id, now)
    if not shows_portfolio(states):
        return [], []
    blocks = [*portfolio_view.portfolio_blocks(states), kit.divider()]
    return blocks, [state.engagement_id for state in states]


def engagement_view(
    session: Session, caller: Caller, engagement_id: int, now: datetime
) -> dict[str, Any]:
    """The modal a portfolio row opens: that engagement's state, for its leads and sponsors.

    Raises ``NotFound`` for an engagement of another workspace or one gone, and
    ``NotPermitted`` for someone who does not lead or sponsor it.
    """
    engagement = by_id(session, engagement_id)
    require_reader(session, engagement, caller)
    body = home_view.state_blocks(
        engagement.id,
        assemble(session, engagement, now, themes=False),
        open_pulse(session, engagement.id),
    )
    return portfolio_view.engagement_modal(engagement.name, body)


def engagement_view_of(container: Runtime, caller: Caller, engagement_id: int) -> dict[str, Any]:
    """A portfolio row's modal, drawn from one read (refusals as `engagement_view`)."""
    with container.database.reading() as session:
        return engagement_view(session, caller, engagement_id, container.now())
