"""The portfolio digest's content: the portfolio on top, a short section per engagement that
needs the sponsor, and one chart with a panel per engagement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain import portfolio_text as text
from bot.domain.dates import day_month
from bot.domain.digest.model import DigestInput
from bot.domain.digest.portfolio_chart import render_portfolio_chart
from bot.domain.i18n import counted
from bot.domain.portfolio import EngagementState
from bot.domain.portfolio_text import heading, line
from bot.services.digest.assemble import assemble, chart_history
from bot.services.portfolio import portfolio
from bot.views.digest_message import SECTION_LIMIT, digest_sections
from storage.models import Engagement

DETAILED: Final = 10
"""At most this many engagements get a section of their own; the rest are in the list."""


@dataclass(frozen=True, slots=True)
class PortfolioDigestContent:
    """A sponsor's portfolio digest, ready to send."""

    summary: str
    blocks: list[dict[str, Any]]
    chart: bytes
    filename: str
    title: str
    engagements: int
    chart_alt: str
    """What a screen reader says for the chart, in the language it was drawn in."""


def _chunks(lines: list[str]) -> list[str]:
    """Lines joined into sections that each fit Slack's limit."""
    sections: list[str] = []
    current = ""
    for raw in lines:
        part = raw if len(raw) < SECTION_LIMIT else raw[: SECTION_LIMIT - 2] + "…"
        if current and len(current) + 1 + len(part) > SECTION_LIMIT:
            sections.append(current)
            current = part
        else:
            current = f"{current}\n{part}" if current else part
    return [*sections, current] if current else sections


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _blocks(states: list[EngagementState], digests: dict[int, DigestInput]) -> list[dict[str, Any]]:
    numbered = [f"{n}. {line(state)}" for n, state in enumerate(states, 1)]
    blocks = [_section(text) for text in _chunks([heading(states), *numbered])]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"_{text.FOOTER}_"}]})
    blocks.append({"type": "divider"})
    needing = [state for state in states if state.needs_attention]
    if not needing:
        return [*blocks, _section(text.ALL_WELL)]
    blocks.append(_section(text.NEEDS_YOU))
    for state in needing[:DETAILED]:
        state_text, alerts_text, *_ = digest_sections(digests[state.engagement_id])
        blocks.append(_section(_chunks([state_text, alerts_text])[0]))
    if len(needing) > DETAILED:
        more = counted(text.MORE_NEEDING, len(needing) - DETAILED)
        blocks.append(_section(text.MORE_NEED_YOU.format(more=more)))
    return blocks


def _panel_only(session: Session, engagement: Engagement, now: datetime) -> DigestInput:
    return chart_history(session, engagement, now)


def _full(session: Session, engagement: Engagement, now: datetime) -> DigestInput:
    return assemble(session, engagement, now, themes=False)


def portfolio_digest(
    session: Session, person: tuple[str, str], now: datetime, tz: str
) -> PortfolioDigestContent:
    """Everything this person's portfolio digest shows, read in one session."""
    states = portfolio(session, person[0], person[1], now)
    detailed = {s.engagement_id for s in [s for s in states if s.needs_attention][:DETAILED]}
    # Only the engagements with a section of their own need everything the digest reads;
    # the others' panels need only their last pulses.
    digests = {
        state.engagement_id: (_full if state.engagement_id in detailed else _panel_only)(
            session, session.get_one(Engagement, state.engagement_id), now
        )
        for state in states
    }
    needing = sum(1 for state in states if state.needs_attention)
    summary = text.DIGEST_SUMMARY.format(
        count=text.engagements_words(len(states)),
        needing=text.needing_words(needing),
    )
    local = now.astimezone(ZoneInfo(tz))
    return PortfolioDigestContent(
        summary=summary,
        blocks=_blocks(states, digests),
        chart=render_portfolio_chart([digests[state.engagement_id] for state in states]),
        filename=f"rapport-portfolio-{local:%Y-%m-%d}.png",
        title=text.FILE_TITLE.format(day=day_month(now, ZoneInfo(tz))),
        engagements=len(states),
        chart_alt=text.CHART_ALT.format(count=text.engagements_words(len(states))),
    )
