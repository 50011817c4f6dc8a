"""Blind spot: a side's guess of how the other side rates is off by the gap threshold or more.

``side`` is the side that misjudges and ``direction`` whether it guessed too high or too
low: a side that turns from one to the other is a new finding, never the old one
relabelled.
"""

from __future__ import annotations

from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.indices import blind_spot as misreading
from bot.domain.alerts.model import ClosedPulse, Finding, Side, other_side
from bot.domain.alerts.reasons import withheld
from bot.domain.alerts.record import AlertRule, on_each_side, sided_headline
from bot.domain.alerts.wording import setting, severity_past, shown
from bot.domain.i18n import deferred as _
from bot.domain.i18n import gettext

NAME: Final = "blind_spot"
TOO_HIGH: Final = "high"
"""The direction of a side that guesses the other side happier than it is."""
TOO_LOW: Final = "low"
"""The direction of a side that guesses the other side less happy than it is."""

FINDING_LOWER: Final = _(
    "The {side} side expects the {other} side to rate the relationship {guess}, but the {other} "
    "side is at {index}, {points} points lower than expected."
)
FINDING_HIGHER: Final = _(
    "The {side} side expects the {other} side to rate the relationship {guess}, but the {other} "
    "side is at {index}, {points} points higher than expected."
)
WHY_CLOSED: Final = _(
    "the {side} side's guess of the {other} side ({guess}) is now within {threshold} of the "
    "{other} side's score ({index})"
)
WHY_FLIPPED: Final = _(
    "the {side} side now guesses the {other} side too {direction} ({guess} against {index}): "
    "that is a different finding"
)
WHY_NO_GUESS: Final = _(
    "too few guesses from the {side} side, or the {other} side's score is withheld, to "
    "compare this pulse"
)


def direction_of(miss: float) -> str:
    """``TOO_HIGH`` when a side guessed the other side higher than it is, ``TOO_LOW`` when lower."""
    return TOO_HIGH if miss > 0 else TOO_LOW


def check_side(side: Side, pulse: ClosedPulse) -> Finding | None:
    """A side misjudges the other side's rating by the gap threshold or more.

    Magnitude is the size of the miss in points; critical at 15 points or more over the
    gap threshold. Nothing fires while the guesses or the other side's index are withheld.
    """
    figures, other = pulse.figures.of(side), pulse.figures.of(other_side(side))
    miss = misreading(figures, other)
    if miss is None or other.index is None or figures.guess_index is None:
        return None
    gap = pulse.thresholds.gap
    if abs(miss) < gap:
        return None
    guessed, actual = shown(figures.guess_index), shown(other.index)
    words = FINDING_LOWER if miss > 0 else FINDING_HIGHER
    sentence = gettext(words).format(
        side=side, other=other.side, guess=guessed, index=actual, points=abs(guessed - actual)
    )
    severity = severity_past(abs(miss) - gap)
    return Finding(
        NAME,
        side,
        severity,
        sentence,
        abs(miss),
        measure=abs(guessed - actual),  # as the sentence shows it
        direction=direction_of(miss),
    )


def resolution(side: Side | None, direction: str | None, pulse: ClosedPulse) -> str:
    """The guess is now within the threshold, turned the other way, or cannot be compared."""
    if (reason := withheld(side, pulse)) is not None:
        return reason
    if side is None:
        return text.WHY_NOT_FOUND
    own, other = pulse.figures.of(side), pulse.figures.of(other_side(side))
    if own.guess_index is None or other.index is None:
        return gettext(WHY_NO_GUESS).format(side=side, other=other.side)
    guess, index = shown(own.guess_index), shown(other.index)
    threshold = pulse.thresholds.gap
    now_direction = TOO_HIGH if own.guess_index > other.index else TOO_LOW
    if abs(own.guess_index - other.index) >= threshold and now_direction != direction:
        return gettext(WHY_FLIPPED).format(
            side=side, other=other.side, direction=now_direction, guess=guess, index=index
        )
    return gettext(WHY_CLOSED).format(
        side=side, other=other.side, guess=guess, index=index, threshold=setting(threshold)
    )


RULE: Final = AlertRule(
    name=NAME,
    description="A side's guess of how the other side rates is off by the gap threshold or more.",
    check=on_each_side(check_side),
    title=_("A side misjudges how the other feels"),
    side_title=_("The {side} side misjudges how the other feels"),
    label=_("Blind spot"),
    headline=sided_headline(
        _("The {side} side misreads how the {other} side feels"),
        _("Both sides misread how the other feels"),
    ),
    priority=6,
    next_step=_(
        "Each lead asks their side one question this week: how do you think the "
        "other side sees us, and why? Then compare the answers together."
    ),
    step_priority=4,
    trend={
        "worse": _(
            "Worse: the {side} side's guess is {now} points too {direction}, {before} before."
        ),
        "better": _(
            "Better: the {side} side's guess is {now} points too {direction}, {before} before."
        ),
        "same": _("No change: the {side} side's guess is {now} points too {direction}, as before."),
    },
    resolution=resolution,
    worse="higher",
)
