"""The portfolio digest's content: the portfolio on top, a short section per engagement that
needs the sponsor, and one chart with a panel per engagement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain.dates import day_month
from bot.domain.digest.model import DigestInput
from bot.domain.digest.portfolio_chart import render_portfolio_chart
from bot.domain.portfolio import EngagementState
from bot.domain.portfolio_text import FOOTER, count_words, heading, line
from bot.services.digest.assemble import assemble
from bot.services.portfolio import portfolio
from bot.slack.digest_text import SECTION_LIMIT, digest_sections
from storage.models import Engagement

DETAILED: Final = 10
"""At most this many engagements get a section of their own; the rest are in the list."""
NEEDS_YOU: Final = "*Needs you* — the engagements above that need attention, most urgent first:"
MORE_NEED_YOU: Final = (
    "{count} more need attention: see `/rapport portfolio` or each `/rapport digest`."
)
ALL_WELL: Final = "None of your engagements needs your attention this week."


@dataclass(frozen=True, slots=True)
class PortfolioDigestContent:
    """A sponsor's portfolio digest, ready to send."""

    summary: str
    blocks: list[dict[str, Any]]
    chart: bytes
    filename: str
    title: str
    engagements: int

    @property
    def chart_alt(self) -> str:
        return (
            f"One small chart per engagement ({self.engagements}), most in need of attention "
            "first: both sides' index over the last pulses, with each side's tolerance line."
        )


def _chunks(lines: list[str]) -> list[str]:
    """Lines joined into sections that each fit Slack's limit."""
    sections: list[str] = []
    current = ""
    for text in lines:
        text = text if len(text) < SECTION_LIMIT else text[: SECTION_LIMIT - 2] + "…"
        if current and len(current) + 1 + len(text) > SECTION_LIMIT:
            sections.append(current)
            current = text
        else:
            current = f"{current}\n{text}" if current else text
    return [*sections, current] if current else sections


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _blocks(states: list[EngagementState], digests: dict[int, DigestInput]) -> list[dict[str, Any]]:
    numbered = [f"{n}. {line(state)}" for n, state in enumerate(states, 1)]
    blocks = [_section(text) for text in _chunks([heading(states), *numbered])]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"_{FOOTER}_"}]})
    blocks.append({"type": "divider"})
    needing = [state for state in states if state.needs_attention]
    if not needing:
        return [*blocks, _section(ALL_WELL)]
    blocks.append(_section(NEEDS_YOU))
    for state in needing[:DETAILED]:
        state_text, alerts_text, *_ = digest_sections(digests[state.engagement_id])
        blocks.append(_section(_chunks([state_text, alerts_text])[0]))
    if len(needing) > DETAILED:
        blocks.append(_section(MORE_NEED_YOU.format(count=len(needing) - DETAILED)))
    return blocks


def portfolio_digest(
    session: Session, person: tuple[str, str], now: datetime, tz: str
) -> PortfolioDigestContent:
    """Everything this person's portfolio digest shows, read in one session."""
    states = portfolio(session, person[0], person[1], now)
    digests = {
        state.engagement_id: assemble(
            session, session.get_one(Engagement, state.engagement_id), now, themes=False
        )
        for state in states
    }
    needing = sum(1 for state in states if state.needs_attention)
    summary = (
        f"Your portfolio this week: {count_words(len(states), 'engagement', 'engagements')}, "
        f"{needing} need attention."
    )
    local = now.astimezone(ZoneInfo(tz))
    return PortfolioDigestContent(
        summary=summary,
        blocks=_blocks(states, digests),
        chart=render_portfolio_chart([digests[state.engagement_id] for state in states]),
        filename=f"rapport-portfolio-{local:%Y-%m-%d}.png",
        title=f"Your portfolio — week of {day_month(now, ZoneInfo(tz))}",
        engagements=len(states),
    )
