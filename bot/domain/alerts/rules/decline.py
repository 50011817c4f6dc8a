"""Decline: a side's score fell by 10 points or more over its last three pulses.

Each side that declines has a finding of its own, with its own trend and lifecycle: the
provider starting to decline too is a new finding, never a change to the client's.
"""

from __future__ import annotations

from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.model import ClosedPulse, Finding, Severity, Side
from bot.domain.alerts.reasons import withheld
from bot.domain.alerts.record import AlertRule, on_each_side, sided_headline
from bot.domain.alerts.wording import SCORE_TREND, setting, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "decline"

DECLINE_POINTS: Final = 10.0
"""A fall of this many points over a side's last three pulses is a decline."""
CRITICAL_DECLINE_POINTS: Final = 20.0
"""A fall of this many points is a critical decline."""

FINDING: Final = _(
    "The {side} side fell from {start} to {now} over its last three pulses, {points} points down."
)
WHY_ENDED: Final = _(
    "the {side} side is at {now}, {change} against {start} two pulses back: less than the "
    "{line}-point fall that counts as a decline"
)


def check_side(side: Side, pulse: ClosedPulse) -> Finding | None:
    """A side fell by 10 points or more over its last three pulses.

    The three pulses are the current one and the two before it where the side's index
    was shown (withheld pulses are skipped); ``pulse.history`` runs oldest to newest and does
    not include the current one. Nothing fires while the current index is withheld.
    Magnitude is the fall in points; critical at 20 or more.
    """
    now = pulse.figures.of(side).index
    if now is None:
        return None
    shown_pulses = [p.of(side).index for p in pulse.history]
    series = [index for index in shown_pulses if index is not None] + [now]
    if len(series) < 3:
        return None
    start = series[-3]
    fall = start - now
    if fall < DECLINE_POINTS:
        return None
    sentence = gettext(FINDING).format(
        side=side, start=shown(start), now=shown(now), points=shown(start) - shown(now)
    )
    severity: Severity = "critical" if fall >= CRITICAL_DECLINE_POINTS else "warning"
    return Finding(NAME, side, severity, sentence, fall, measure=now)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """The side's score now against two shown pulses back: less than a decline's fall."""
    if (reason := withheld(side, pulse)) is not None:
        return reason
    if side is None:
        return text.WHY_NOT_FOUND
    now = pulse.figures.of(side).index
    series = [i for p in pulse.history if (i := p.of(side).index) is not None]
    if now is None or len(series) < 2:
        return text.WHY_NOT_FOUND
    start = series[-2]
    change = shown(now) - shown(start)
    moved = f"{-change} points down" if change < 0 else f"{change} points up" if change else "level"
    return gettext(WHY_ENDED).format(
        side=side, now=shown(now), change=moved, start=shown(start), line=setting(DECLINE_POINTS)
    )


RULE: Final = AlertRule(
    name=NAME,
    description="A side's score fell by 10 points or more over its last three pulses.",
    check=on_each_side(check_side),
    title=_("Satisfaction is falling"),
    side_title=_("Satisfaction is falling on the {side} side"),
    label=_("Decline"),
    headline=sided_headline(_("The {side} side is sliding"), _("Both sides are sliding")),
    priority=5,
    next_step=_(
        "Each lead asks their side one question before the next pulse: what has "
        "changed since a month ago?"
    ),
    step_priority=6,
    trend=SCORE_TREND,
    resolution=resolution,
    worse="lower",
)
