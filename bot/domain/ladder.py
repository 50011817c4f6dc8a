"""The escalation ladder, as pure rules: when a finding is re-raised, escalated, or counted.

A finding nobody acknowledges within `ack_within` is re-raised once in its message's
thread to the leads of both sides. One still live `escalate_after` after it opened, or
after `escalate_pulses` closes in a row without improving, is escalated once to the
sponsors of both sides. One resolved before it was escalated is fixed at account level.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Final

from bot.domain import alert_text as text
from bot.domain.i18n import counted

DEFAULT_ACK_WITHIN: Final = timedelta(days=3)
DEFAULT_ESCALATE_AFTER: Final = timedelta(days=14)
DEFAULT_ESCALATE_PULSES: Final = 3


@dataclass(frozen=True, slots=True)
class Ladder:
    """An engagement's ladder settings."""

    ack_within: timedelta = DEFAULT_ACK_WITHIN
    escalate_after: timedelta = DEFAULT_ESCALATE_AFTER
    escalate_pulses: int = DEFAULT_ESCALATE_PULSES


@dataclass(frozen=True, slots=True)
class Rung:
    """Where one live finding stands on the ladder."""

    opened_at: datetime
    acknowledged: bool
    reraised: bool
    escalated: bool
    pulses_without_improving: int


def reraise_due(rung: Rung, ladder: Ladder, now: datetime) -> bool:
    """Unacknowledged for `ack_within` and not re-raised yet."""
    return not (rung.acknowledged or rung.reraised) and now - rung.opened_at >= ladder.ack_within


def escalation_due(rung: Rung, ladder: Ladder, now: datetime) -> bool:
    """Live for `escalate_after`, or `escalate_pulses` closes without improving; once."""
    if rung.escalated:
        return False
    too_long = now - rung.opened_at >= ladder.escalate_after
    return too_long or rung.pulses_without_improving >= ladder.escalate_pulses


def pulses_without_improving(previous: int, change: str) -> int:
    """Closes in a row without improving: "better" starts the count again."""
    return 0 if change == "better" else previous + 1


@dataclass(frozen=True, slots=True)
class Outcome:
    """One finding as the quarter's figures need it."""

    opened_at: datetime
    resolved_at: datetime | None
    escalated_at: datetime | None


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    """Per quarter: findings opened, fixed at account level, escalated, median days to resolve."""

    year: int
    quarter: int
    opened: int
    fixed_at_account: int
    escalated: int
    median_days_to_resolve: float | None

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year}"


def quarter_of(moment: datetime) -> tuple[int, int]:
    return moment.year, (moment.month - 1) // 3 + 1


def quarters(outcomes: Sequence[Outcome], zone: tzinfo = UTC) -> list[QuarterFigures]:
    """Each quarter in which something happened, oldest first.

    A finding counts as opened in the quarter it opened, as fixed at account level or
    escalated in the quarter that happened, and its days to resolve in the quarter it
    was resolved; quarters are the engagement's own (`zone`).
    """
    tally: dict[tuple[int, int], dict[str, list[float]]] = {}

    def bucket(moment: datetime) -> dict[str, list[float]]:
        return tally.setdefault(
            quarter_of(moment.astimezone(zone)),
            {"opened": [], "fixed": [], "escalated": [], "days": []},
        )

    for outcome in outcomes:
        bucket(outcome.opened_at)["opened"].append(1)
        if outcome.escalated_at is not None:
            bucket(outcome.escalated_at)["escalated"].append(1)
        if outcome.resolved_at is not None:
            days = (outcome.resolved_at - outcome.opened_at).total_seconds() / 86400
            bucket(outcome.resolved_at)["days"].append(days)
            if outcome.escalated_at is None:
                bucket(outcome.resolved_at)["fixed"].append(1)
    return [
        QuarterFigures(
            year,
            quarter,
            len(found["opened"]),
            len(found["fixed"]),
            len(found["escalated"]),
            statistics.median(found["days"]) if found["days"] else None,
        )
        for (year, quarter), found in sorted(tally.items())
    ]


def quarter_lines(quarters: Sequence[QuarterFigures], last: int) -> list[str]:
    """The digest's lines for the last `last` quarters: opened, fixed at account level,
    escalated, and the median days to resolve; nothing when there is no quarter."""
    lines = []
    for quarter in quarters[-last:]:
        days = quarter.median_days_to_resolve
        shown = None if days is None else math.floor(days * 10) / 10
        median = (
            text.LADDER_NO_MEDIAN
            if shown is None
            else text.LADDER_MEDIAN_ONE_DAY
            if shown == 1
            else text.LADDER_MEDIAN.format(days=f"{shown:g}")
        )
        lines.append(
            text.LADDER_QUARTER.format(
                quarter=quarter.label,
                opened=counted(text.LADDER_FINDINGS, quarter.opened),
                fixed=quarter.fixed_at_account,
                escalated=quarter.escalated,
                median=median,
            )
        )
    return [text.LADDER_HEADER, *lines] if lines else []
