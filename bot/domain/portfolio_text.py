"""The portfolio in words: one line per engagement, the heading, and the replies around them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from bot.domain.alerts import SIDES
from bot.domain.dates import weekday_day_month
from bot.domain.i18n import N_, counted, gettext, localised, moment
from bot.domain.i18n import deferred as _
from bot.domain.portfolio import EngagementState, Reason

NOTHING: Final = _(
    "You don't lead or sponsor any engagement, so you have no portfolio. "
    "A lead can add you as a sponsor with `/rapport add @you client sponsor`."
)
HEADING: Final = _("*Your portfolio* — {count}, most in need of attention first ({needing}):")
HEADING_CALM: Final = _("*Your portfolio* — {count}; none needs your attention this week:")
FOOTER: Final = _(
    "Figures are each side's latest published index; a side with too few answers is withheld."
)
CSV_SENT: Final = _("Sent the portfolio ({count}) to our DM as a CSV.")
CSV_NOT_SENT: Final = _(
    "I couldn't send you the portfolio CSV ({error}). Nothing was sent; try again."
)
DIGEST_TIME_SET: Final = _(
    "Your weekly digest will come on {when} ({tz}) from now on, as one DM for all your engagements."
)
DIGEST_TIME_DEFAULT: Final = _(
    "Your weekly digest will come at the earliest of your engagements' digest times again."
)
DIGEST_TIME_NOW: Final = _("Your weekly digest comes {when}. {how}")
DIGEST_TIME_HOW: Final = _("Change it with `/rapport digest-time mon 08:00`; `default` goes back.")
DIGEST_TIME_OWN: Final = _("on {when} ({tz}), the time you chose")
DIGEST_TIME_SLOTS: Final = _("at the earliest of your engagements' digest times")
DIGEST_TIME_USAGE: Final = _(
    "Say a day and a time, like `/rapport digest-time mon 08:00` (in your Slack time zone; "
    "add `tz:Europe/Berlin` for another), `default` to go back, or nothing to see it."
)
PORTFOLIO_USAGE: Final = _(
    "Say `/rapport portfolio` for the list, or `/rapport portfolio csv` for a CSV in our DM."
)
DIGEST_TIME_NO_ZONE: Final = _(
    "I couldn't read your time zone from Slack ({error}), so I kept your digest time as it was."
)
DIGEST_TIME_ONE: Final = _(
    "You sponsor one engagement, so its own digest comes at the time its leads set; "
    "the time you choose applies once you sponsor several and get one digest for all."
)
DIGEST_TIME_NOT_SPONSOR: Final = _(
    "Only sponsors get the weekly digest, and you sponsor no engagement."
)

DIGEST_SUMMARY: Final = _("Your portfolio this week: {count}, {needing}.")
NEEDS_YOU: Final = _("*Needs you* — the engagements above that need attention, most urgent first:")
MORE_NEED_YOU: Final = _("…and {more}: see `/rapport portfolio`, or `/rapport digest` for each.")
ALL_WELL: Final = _("None of your engagements needs your attention this week.")
CHART_ALT: Final = _(
    "One small chart for each of your {count}, most in need of attention first: both sides' "
    "index over the last pulses, with each side's tolerance line."
)

REASON_WORDS: Final[dict[Reason, str]] = {
    "escalated": _("a finding escalated to sponsors"),
    "findings": _("open findings"),
    "below_tolerance": _("a side below its tolerance"),
    "gap_widening": _("the gap widening"),
    "quiet": _("a side going quiet"),
    "overdue": _("overdue actions"),
}
ROLE_WORDS: Final[dict[str, str]] = {"lead": _("lead"), "sponsor": _("sponsor")}
ENGAGEMENTS: Final = N_("{count} engagement", "{count} engagements")
NEEDING: Final = N_("{count} needs attention", "{count} need attention")
MORE_NEEDING: Final = N_("{count} more needs attention", "{count} more need attention")
OPEN_FINDINGS: Final = N_("{count} open finding", "{count} open findings")
OVERDUE_ACTIONS: Final = N_("{count} overdue action", "{count} overdue actions")
NO_FINDINGS: Final = _("no open findings")
ESCALATED: Final = _("{findings} ({escalated} escalated)")
WITHHELD: Final = _("{side} _withheld_")
GAP: Final = _("gap {gap}")
GAP_LOWER: Final = _("gap {gap} ({side} lower)")
GAP_HIDDEN: Final = _("gap not shown")
GAP_MOVING: Final[dict[str, str]] = {
    "widening": _("{gap}, widening"),
    "narrowing": _("{gap}, narrowing"),
    "unchanged": _("{gap}, unchanged"),
}
NO_PULSE: Final = _("no pulse scheduled")
NEXT_PULSE: Final = _("next pulse {when}")
NOTHING_CLOSED: Final = _("no pulse has closed yet")
NEEDS_ATTENTION: Final = _("needs attention: {reasons}")
# TRANSLATORS: a Babel (CLDR) pattern for "Mon 7 Dec 08:00".
WHEN: Final = _("EEE d MMM HH:mm")


def needing_words(count: int) -> str:
    """ "1 needs attention", "3 need attention"."""
    return counted(NEEDING, count)


def engagements_words(count: int) -> str:
    """ "1 engagement", "3 engagements"."""
    return counted(ENGAGEMENTS, count)


def reasons_words(state: EngagementState) -> str:
    """Why an engagement needs attention, in the reader's language, comma-separated."""
    return ", ".join(gettext(REASON_WORDS[reason]) for reason in state.reasons())


def _side(state: EngagementState) -> str:
    parts = []
    for side in SIDES:
        index = state.index(side)
        parts.append(
            f"{side} {index}" if index is not None else gettext(WITHHELD).format(side=side)
        )
    return " · ".join(parts)


def _gap(state: EngagementState) -> str:
    gap = state.gap
    if gap is None:
        return gettext(GAP_HIDDEN)
    client, provider = state.index("client"), state.index("provider")
    if gap == 0 or client is None or provider is None:
        text = gettext(GAP).format(gap=gap)
    else:
        lower = "client" if client < provider else "provider"
        text = gettext(GAP_LOWER).format(gap=gap, side=lower)
    change = state.gap_change
    if change is None:
        return text
    moving = "widening" if change > 0 else "narrowing" if change < 0 else "unchanged"
    return gettext(GAP_MOVING[moving]).format(gap=text)


def _findings(state: EngagementState) -> str:
    if not state.findings:
        return gettext(NO_FINDINGS)
    text = counted(OPEN_FINDINGS, len(state.findings))
    if state.escalated:
        text = gettext(ESCALATED).format(findings=text, escalated=state.escalated)
    return text


def _next(state: EngagementState) -> str:
    if state.next_pulse is None:
        return gettext(NO_PULSE)
    return gettext(NEXT_PULSE).format(when=weekday_day_month(state.next_pulse, ZoneInfo(state.tz)))


def line(state: EngagementState) -> str:
    """One engagement as a portfolio line, in Slack mrkdwn (its name escaped)."""
    name = state.name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    role = gettext(ROLE_WORDS[state.role]) if state.role in ROLE_WORDS else state.role
    head = f"*{name}* ({role})"
    figures = gettext(NOTHING_CLOSED) if state.latest is None else f"{_side(state)} · {_gap(state)}"
    parts = [figures, _findings(state)]
    if state.overdue_actions:
        parts.append(counted(OVERDUE_ACTIONS, state.overdue_actions))
    parts.append(_next(state))
    text = f"{head} — {' · '.join(parts)}"
    if state.reasons():
        text += "\n      " + gettext(NEEDS_ATTENTION).format(reasons=reasons_words(state))
    return text


def heading(states: Sequence[EngagementState]) -> str:
    count = engagements_words(len(states))
    needing = sum(1 for state in states if state.needs_attention)
    if not needing:
        return gettext(HEADING_CALM).format(count=count)
    return gettext(HEADING).format(count=count, needing=needing_words(needing))


def portfolio_text(states: Sequence[EngagementState]) -> str:
    """The whole portfolio reply: a heading, then one numbered line per engagement."""
    if not states:
        return gettext(NOTHING)
    lines = [f"{number}. {line(state)}" for number, state in enumerate(states, 1)]
    return "\n".join([heading(states), *lines, f"_{gettext(FOOTER)}_"])


def when_text(at: datetime, tz: str) -> str:
    """ "Mon 7 Dec 08:00" in ``tz``, as the reader's language writes it."""
    return moment(at.astimezone(ZoneInfo(tz)), gettext(WHEN))


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


FILE_TITLE: Final = _("Your portfolio — week of {day}")
CSV_TITLE: Final = _("Your portfolio")
OPEN: Final = _("Open")
CLOSE: Final = _("Close")
HOME_MORE: Final = _("…and {count} more: `/rapport portfolio` lists them all.")
NO_PORTFOLIO_FOR: Final = (
    "{user} leads or sponsors no live engagement, so there is no portfolio to export."
)
PORTFOLIO_IN_SEVERAL: Final = (
    "{user} has a portfolio in several workspaces ({teams}): add --team to choose one."
)
PORTFOLIO_FORMATS: Final = "the portfolio exports as csv or json"

localised(__name__)
