"""What several rules' resolutions say alike: a side withheld, or back at its tolerance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.domain import alert_text as text
from bot.domain.alerts.model import SIDES, ClosedPulse, Side, Thresholds
from bot.domain.alerts.wording import setting, shown


def withheld(side: Side | None, pulse: ClosedPulse) -> str | None:
    """Why nothing can be said about ``side`` this pulse, or None when its score is shown."""
    if side is not None and pulse.figures.of(side).index is None:
        return text.WHY_WITHHELD.format(side=side, minimum=pulse.thresholds.anonymity_min)
    return None


def scores(side: Side | None, pulse: ClosedPulse) -> dict[Side, float] | str:
    """Both sides' scores, or why nothing can be said: ``side`` withheld, or else the first
    side withheld."""
    for each in (side, *SIDES):
        if (reason := withheld(each, pulse)) is not None:
            return reason
    return {each: index for each in SIDES if (index := pulse.figures.of(each).index) is not None}


def back_above(side: Side, index: float, tolerance: float) -> str:
    """The side is back at or above its tolerance."""
    return text.WHY_BACK_ABOVE.format(side=side, index=shown(index), tolerance=setting(tolerance))


def first_back_above(
    sides: Iterable[Side], indices: Mapping[Side, float], thresholds: Thresholds
) -> str | None:
    """The first of ``sides`` back at or above its tolerance, said; None when none is."""
    for side in sides:
        if indices[side] >= thresholds.tolerance(side):
            return back_above(side, indices[side], thresholds.tolerance(side))
    return None
