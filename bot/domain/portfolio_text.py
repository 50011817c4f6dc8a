"""The portfolio in words: one line per engagement, the heading, and the replies around them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from bot.domain.dates import weekday_day_month
from bot.domain.divergence import SIDES
from bot.domain.portfolio import EngagementState, Reason

NOTHING: Final = (
    "You don't lead or sponsor any engagement, so you have no portfolio. "
    "A lead can add you as a sponsor with `/rapport add @you client sponsor`."
)
HEADING: Final = "*Your portfolio* — {count}, most in need of attention first ({needing}):"
HEADING_CALM: Final = "*Your portfolio* — {count}; none needs your attention this week:"
FOOTER: Final = (
    "Figures are each side's latest published index; a side with too few answers is withheld."
)
CSV_SENT: Final = "Sent the portfolio ({count}) to our DM as a CSV."
CSV_NOT_SENT: Final = (
    "I couldn't send you the portfolio CSV ({error}). Nothing was sent; try again."
)
DIGEST_TIME_SET: Final = (
    "Your weekly digest will come on {when} ({tz}) from now on, as one DM for all your engagements."
)
DIGEST_TIME_DEFAULT: Final = (
    "Your weekly digest will come at the earliest of your engagements' digest times again."
)
DIGEST_TIME_NOW: Final = "Your weekly digest comes {when}. {how}"
DIGEST_TIME_HOW: Final = "Change it with `/rapport digest-time mon 08:00`; `default` goes back."
DIGEST_TIME_OWN: Final = "on {when} ({tz}), the time you chose"
DIGEST_TIME_SLOTS: Final = "at the earliest of your engagements' digest times"
DIGEST_TIME_USAGE: Final = (
    "Say a day and a time, like `/rapport digest-time mon 08:00` (in your Slack time zone; "
    "add `tz:Europe/Berlin` for another), `default` to go back, or nothing to see it."
)
PORTFOLIO_USAGE: Final = (
    "Say `/rapport portfolio` for the list, or `/rapport portfolio csv` for a CSV in our DM."
)
DIGEST_TIME_NO_ZONE: Final = (
    "I couldn't read your time zone from Slack ({error}), so I kept your digest time as it was."
)
DIGEST_TIME_ONE: Final = (
    "You sponsor one engagement, so its own digest comes at the time its leads set; "
    "the time you choose applies once you sponsor several and get one digest for all."
)
DIGEST_TIME_NOT_SPONSOR: Final = (
    "Only sponsors get the weekly digest, and you sponsor no engagement."
)

DIGEST_SUMMARY: Final = "Your portfolio this week: {count}, {needing}."
NEEDS_YOU: Final = "*Needs you* — the engagements above that need attention, most urgent first:"
MORE_NEED_YOU: Final = "…and {more}: see `/rapport portfolio`, or `/rapport digest` for each."
ALL_WELL: Final = "None of your engagements needs your attention this week."
CHART_ALT: Final = (
    "One small chart for each of your {count}, most in need of attention first: both sides' "
    "index over the last pulses, with each side's tolerance line."
)

REASON_WORDS: Final[dict[Reason, str]] = {
    "escalated": "a finding escalated to sponsors",
    "findings": "open findings",
    "below_tolerance": "a side below its tolerance",
    "gap_widening": "the gap widening",
    "silence": "a side going quiet",
    "overdue": "overdue actions",
}


def needing_words(count: int) -> str:
    """ "1 needs attention", "3 need attention"."""
    return f"{count} {'needs' if count == 1 else 'need'} attention"


def count_words(count: int, one: str, many: str) -> str:
    """ "1 engagement", "3 engagements"."""
    return f"{count} {one if count == 1 else many}"


def _side(state: EngagementState) -> str:
    parts = []
    for side in SIDES:
        index = state.index(side)
        parts.append(f"{side} {index}" if index is not None else f"{side} _withheld_")
    return " · ".join(parts)


def _gap(state: EngagementState) -> str:
    gap = state.gap
    if gap is None:
        return "gap not shown"
    client, provider = state.index("client"), state.index("provider")
    lower = (
        ""
        if gap == 0 or client is None or provider is None
        else (" (client lower)" if client < provider else " (provider lower)")
    )
    change = state.gap_change
    moving = (
        ""
        if change is None
        else ", widening"
        if change > 0
        else ", narrowing"
        if change < 0
        else ", unchanged"
    )
    return f"gap {gap}{lower}{moving}"


def _findings(state: EngagementState) -> str:
    if not state.findings:
        return "no open findings"
    text = count_words(len(state.findings), "open finding", "open findings")
    if state.escalated:
        text += f" ({state.escalated} escalated)"
    return text


def _next(state: EngagementState) -> str:
    if state.next_pulse is None:
        return "no pulse scheduled"
    return f"next pulse {weekday_day_month(state.next_pulse, ZoneInfo(state.tz))}"


def line(state: EngagementState) -> str:
    """One engagement as a portfolio line, in Slack mrkdwn (its name escaped)."""
    name = state.name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    head = f"*{name}* ({state.role})"
    if state.latest is None:
        figures = "no pulse has closed yet"
    else:
        figures = f"{_side(state)} · {_gap(state)}"
    parts = [figures, _findings(state)]
    if state.overdue_actions:
        parts.append(count_words(state.overdue_actions, "overdue action", "overdue actions"))
    parts.append(_next(state))
    text = f"{head} — {' · '.join(parts)}"
    reasons = state.reasons()
    if reasons:
        text += f"\n      needs attention: {', '.join(REASON_WORDS[r] for r in reasons)}"
    return text


def heading(states: Sequence[EngagementState]) -> str:
    count = count_words(len(states), "engagement", "engagements")
    needing = sum(1 for state in states if state.needs_attention)
    if not needing:
        return HEADING_CALM.format(count=count)
    return HEADING.format(count=count, needing=needing_words(needing))


def portfolio_text(states: Sequence[EngagementState]) -> str:
    """The whole portfolio reply: a heading, then one numbered line per engagement."""
    if not states:
        return NOTHING
    lines = [f"{number}. {line(state)}" for number, state in enumerate(states, 1)]
    return "\n".join([heading(states), *lines, f"_{FOOTER}_"])


def when_text(moment: datetime, tz: str) -> str:
    """ "Mon 7 Dec 08:00" in ``tz``."""
    local = moment.astimezone(ZoneInfo(tz))
    return f"{weekday_day_month(moment, ZoneInfo(tz))} {local:%H:%M}"


CSV_COLUMNS: Final = (
    "rank",
    "engagement",
    "role",
    "needs_attention",
    "client_index",
    "provider_index",
    "gap",
    "gap_change",
    "open_findings",
    "escalated_findings",
    "overdue_actions",
    "next_pulse",
)


def _plain_cell(text: str) -> str:
    """A name a spreadsheet would read as a formula is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(states: Sequence[EngagementState]) -> list[dict[str, str]]:
    """The portfolio as CSV rows: the same order and figures as the reply; empty where withheld."""

    def cell(value: int | None) -> str:
        return "" if value is None else str(value)

    return [
        {
            "rank": str(number),
            "engagement": _plain_cell(state.name),
            "role": state.role,
            "needs_attention": " / ".join(REASON_WORDS[r] for r in state.reasons()),
            "client_index": cell(state.index("client")),
            "provider_index": cell(state.index("provider")),
            "gap": cell(state.gap),
            "gap_change": cell(state.gap_change),
            "open_findings": str(len(state.findings)),
            "escalated_findings": str(state.escalated),
            "overdue_actions": str(state.overdue_actions),
            "next_pulse": "" if state.next_pulse is None else state.next_pulse.isoformat(),
        }
        for number, state in enumerate(states, 1)
    ]


OPEN: Final = "Open"
CLOSE: Final = "Close"
HOME_MORE: Final = "…and {count} more: `/rapport portfolio` lists them all."
NO_PORTFOLIO_FOR: Final = (
    "{user} leads or sponsors no live engagement, so there is no portfolio to export."
)
PORTFOLIO_IN_SEVERAL: Final = (
    "{user} has a portfolio in several workspaces ({teams}): add --team to choose one."
)
PORTFOLIO_FORMATS: Final = "the portfolio exports as csv or json"
