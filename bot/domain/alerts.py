"""The alert lifecycle, as pure rules: how a pulse's findings change the live alerts.

One live alert per rule and engagement. At each close a finding whose rule has no live
alert opens one; a finding whose rule has one updates it (worse, better or the same,
compared by magnitude with a half-point dead band); a live alert with no finding is
resolved. Acknowledging and assigning an owner change who follows it up, never this.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Change = Literal["opened", "worse", "better", "same", "resolved"]
DEAD_BAND = 0.5
"""Magnitude changes within this many points read as "the same"."""


@dataclass(frozen=True, slots=True)
class AlertChange:
    """What a close did to one stored alert."""

    alert_id: int
    change: Change


def change_of(previous: float, current: float) -> Change:
    """How a live alert's finding moved between two closes."""
    if current > previous + DEAD_BAND:
        return "worse"
    if current < previous - DEAD_BAND:
        return "better"
    return "same"


def plan(live: Mapping[str, float], findings: Iterable[tuple[str, float]]) -> dict[str, Change]:
    """The change for every rule touched by a close.

    Args:
        live: magnitude of each rule's live alert before the close.
        findings: (rule, magnitude) of each finding of the closed pulse.

    Returns:
        rule → change; rules with a live alert and no finding are "resolved".
    """
    changes: dict[str, Change] = {}
    for rule, magnitude in findings:
        changes[rule] = "opened" if rule not in live else change_of(live[rule], magnitude)
    for rule in live:
        changes.setdefault(rule, "resolved")
    return changes
