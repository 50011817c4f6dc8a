"""Silence: fewer than half of a side's eligible members answered the pulse.

This rule counts answers, not ratings, so it runs for a withheld side too: "few people
answered" is exactly why a side is withheld, and says nothing about how they rated.
"""

from __future__ import annotations

from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.model import ClosedPulse, Finding, Severity, Side
from bot.domain.alerts.record import AlertRule, on_each_side, sided_headline
from bot.domain.alerts.wording import setting, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "silence"

SILENCE_RATE: Final = 0.5
"""A response rate under this is silence."""
CRITICAL_SILENCE_RATE: Final = 0.25
"""A response rate under this is critical silence."""

FINDING_SILENT: Final = _("Nobody on the {side} side answered this pulse ({eligible} eligible).")
FINDING_QUIET: Final = _(
    "Only {answered} of {eligible} eligible members of the {side} side answered this pulse "
    "({rate}%), under the {needed}% needed to speak for the side."
)
WHY_ENDED: Final = _(
    "{answered} of {eligible} on the {side} side answered ({rate}%), at least half"
)


def check_side(side: Side, pulse: ClosedPulse) -> Finding | None:
    """A side's response rate is under 50%.

    Magnitude is the percentage of eligible members who did not answer; critical under
    a 25% response rate.
    """
    figures = pulse.figures.of(side)
    rate = figures.response_rate
    if rate is None or rate >= SILENCE_RATE:
        return None
    if figures.answered == 0:
        sentence = gettext(FINDING_SILENT).format(side=side, eligible=figures.eligible)
    else:
        sentence = gettext(FINDING_QUIET).format(
            answered=figures.answered,
            eligible=figures.eligible,
            side=side,
            rate=shown(rate * 100),
            needed=setting(SILENCE_RATE * 100),
        )
    severity: Severity = "critical" if rate < CRITICAL_SILENCE_RATE else "warning"
    return Finding(NAME, side, severity, sentence, (1 - rate) * 100)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """How many of the side answered now; said even when its score is withheld."""
    if side is None:
        return text.WHY_NOT_FOUND
    own = pulse.figures.of(side)
    rate = shown((own.response_rate or 0) * 100)
    return gettext(WHY_ENDED).format(
        answered=own.answered, eligible=own.eligible, side=side, rate=rate
    )


RULE: Final = AlertRule(
    name=NAME,
    description="Fewer than half of a side's eligible members answered the pulse.",
    check=on_each_side(check_side),
    title=_("A side is going quiet"),
    side_title=_("The {side} side is going quiet"),
    label=_("Silence"),
    headline=sided_headline(_("The {side} side has gone quiet"), _("Both sides have gone quiet")),
    priority=7,
    next_step=_(
        "Each lead asks their quiet side one question in person: what would make "
        "the pulse worth answering?"
    ),
    step_priority=7,
    trend={
        "worse": _("Worse: {now}% of the {side} side did not answer, {before}% before."),
        "better": _("Better: {now}% of the {side} side did not answer, {before}% before."),
        "same": _("No change: {now}% of the {side} side did not answer, as before."),
    },
    resolution=resolution,
    worse="higher",
)
