"""Divergence: one side below its tolerance while the other is at or above its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.model import SIDES, ClosedPulse, Finding, Side, other_side
from bot.domain.alerts.reasons import back_above, first_back_above, scores
from bot.domain.alerts.record import AlertRule, Live, other_of
from bot.domain.alerts.rules import blind_spot
from bot.domain.alerts.wording import SCORE_TREND, setting, severity_past, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "divergence"

FINDING_ABOVE: Final = _(
    "The {side} side is at {index}, below its tolerance of {tolerance}, while the {other} side "
    "is at {other_index}, above its own {other_tolerance}."
)
FINDING_AT: Final = _(
    "The {side} side is at {index}, below its tolerance of {tolerance}, while the {other} side "
    "is at {other_index}, at its own {other_tolerance}."
)
HEADLINE_UNAWARE: Final = _("The {side} side is unhappy and the {other} side doesn't know it")
HEADLINE_UNHAPPY: Final = _("The {side} side is unhappy while the {other} side is content")
WHY_OTHER_BELOW: Final = _(
    "the {other} side is now below its {tolerance} too (at {other_index}): both sides are "
    "unhappy, while the {side} side is still at {index}, below its {own}"
)


def check(pulse: ClosedPulse) -> Finding | None:
    """One side below its tolerance while the other is at or above its own.

    ``side`` is the unhappy side; magnitude is how far it is below its tolerance;
    critical at 15 points or more below. A withheld index never fires it.
    """
    client, provider = pulse.figures.client.index, pulse.figures.provider.index
    if client is None or provider is None:
        return None
    indices: dict[Side, float] = {"client": client, "provider": provider}
    thresholds = pulse.thresholds
    for low in SIDES:
        high = other_side(low)
        low_tolerance, high_tolerance = thresholds.tolerance(low), thresholds.tolerance(high)
        if indices[low] < low_tolerance and indices[high] >= high_tolerance:
            shortfall = low_tolerance - indices[low]
            at = shown(indices[high]) == high_tolerance
            words = FINDING_AT if at else FINDING_ABOVE
            sentence = gettext(words).format(
                side=low,
                index=shown(indices[low]),
                tolerance=setting(low_tolerance),
                other=high,
                other_index=shown(indices[high]),
                other_tolerance=setting(high_tolerance),
            )
            severity = severity_past(shortfall)
            return Finding(NAME, low, severity, sentence, shortfall, indices[low])
    return None


def headline(these: Sequence[Live], findings: Sequence[Live]) -> str:
    """The unhappy side, and whether the other side knows: "doesn't know it" when the other
    side guesses the unhappy side happier than it is."""
    side = these[0].side
    other = other_of(side)
    unaware = any(
        f.rule == blind_spot.NAME and f.side == other and f.direction == blind_spot.TOO_HIGH
        for f in findings
    )
    template = HEADLINE_UNAWARE if unaware else HEADLINE_UNHAPPY
    return gettext(template).format(side=side, other=other)


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """The unhappy side is back at its tolerance, or the other side fell below its own."""
    indices = scores(side, pulse)
    if isinstance(indices, str):
        return indices
    if side is None:
        return first_back_above(SIDES, indices, pulse.thresholds) or text.WHY_NOT_FOUND
    tolerance = pulse.thresholds.tolerance(side)
    if indices[side] >= tolerance:
        return back_above(side, indices[side], tolerance)
    other = other_side(side)
    return gettext(WHY_OTHER_BELOW).format(
        side=side,
        other=other,
        index=shown(indices[side]),
        own=setting(tolerance),
        other_index=shown(indices[other]),
        tolerance=setting(pulse.thresholds.tolerance(other)),
    )


RULE: Final = AlertRule(
    name=NAME,
    description="One side is below its tolerance while the other is at or above its own.",
    check=check,
    title=_("The two sides see the relationship differently"),
    side_title=_("The two sides see the relationship differently (the {side} side unhappy)"),
    label=_("Divergence"),
    headline=headline,
    priority=1,
    next_step=_(
        "Hold a joint 30-minute review with both leads this week: each side says "
        "what is driving its score, and you agree one change before the next pulse."
    ),
    step_priority=2,
    trend=SCORE_TREND,
    resolution=resolution,
    worse="lower",
)
