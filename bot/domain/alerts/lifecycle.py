"""The alert lifecycle, as pure rules: how a pulse's findings change the live alerts.

One live alert per finding key (rule, side and, for a blind spot, direction) and
engagement. At each close a finding whose key has no live alert opens one; a finding
whose key has one updates it (worse, better or the same, comparing the rule's own
quantity as shown: see `alerts.trends`); a live alert with no finding of its key is
resolved. So a finding whose side or direction changes resolves the old alert and opens
a new one: it is never relabelled. Acknowledging and assigning an owner change who
follows it up, never this.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.domain.alerts.trends import trend_of

Change = Literal["opened", "worse", "better", "same", "resolved"]


@dataclass(frozen=True, slots=True)
class AlertChange:
    """What a close did to one stored alert."""

    alert_id: int
    change: Change


def change_of(rule: str, previous: float, current: float) -> Change:
    """How a live alert's finding moved between two closes."""
    return trend_of(rule, previous, current)


def plan(
    live: Mapping[str, tuple[str, float]], findings: Iterable[tuple[str, str, float]]
) -> dict[str, Change]:
    """The change for every finding key touched by a close.

    Args:
        live: key → (rule, compared quantity) of each live alert before the close.
        findings: (key, rule, compared quantity) of each finding of the closed pulse.

    Returns:
        key → change; keys with a live alert and no finding are "resolved".
    """
    changes: dict[str, Change] = {}
    for key, rule, measure in findings:
        changes[key] = "opened" if key not in live else change_of(rule, live[key][1], measure)
    for key in live:
        changes.setdefault(key, "resolved")
    return changes
