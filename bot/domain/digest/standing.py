"""Where each side stands: against its baseline, against last quarter, and whether it held."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

HELD_PULSES: Final = 3
"""An improvement has held when each of this many last pulses stood above the baseline."""


@dataclass(frozen=True, slots=True)
class SideStanding:
    """One side's baseline (the mean of its shown indices over the baseline pulses), its
    index at the pulse a quarter ago, and whether the last three pulses all stood above
    the baseline (None when a figure is withheld or the pulses overlap the baseline's)."""

    side: str
    baseline: float | None
    quarter_ago: float | None
    held: bool | None


@dataclass(frozen=True, slots=True)
class Standing:
    """Both sides' standing, and which pulses the baseline is made of.

    Attributes:
        sides: the standing of each side, by side.
        baseline_pulses: how many closed pulses the baseline averages (up to four).
        baseline_start: when the first of them closed; None before any closed.
        chosen: the date a lead chose with `/rapport baseline`; None for the default.
    """

    sides: Mapping[str, SideStanding]
    baseline_pulses: int
    baseline_start: datetime | None
    chosen: date | None = None
