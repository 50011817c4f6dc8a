"""A lead's or sponsor's portfolio: each engagement's state, and the order of need of attention.

The order, most urgent first: escalated findings; then open findings by their worst
severity and the age of the oldest; a side below its tolerance; a gap wider than at the
pulse before; a side going quiet (fewer than half answered); overdue actions. Ties keep
the engagements in name order. Figures are the published ones, in whole points rounded
down, as `close` reports them; a withheld side has no number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

from bot.domain.alerts import SIDES, PulseFigures, Side, SideFigures, Thresholds
from bot.domain.alerts.rules.silence import SILENCE_RATE
from bot.domain.alerts.wording import shown

SEVERITY_RANK: Final = {"critical": 2, "warning": 1}
QUIET_BELOW: Final = SILENCE_RATE
"""A side whose response rate is under this share is going quiet (the silence rule's bar)."""

Reason = Literal["escalated", "findings", "below_tolerance", "gap_widening", "quiet", "overdue"]
REASONS: Final[tuple[Reason, ...]] = (
    "escalated",
    "findings",
    "below_tolerance",
    "gap_widening",
    "quiet",
    "overdue",
)
"""Why an engagement needs attention, in the order they rank."""


@dataclass(frozen=True, slots=True)
class OpenFinding:
    """One finding not yet resolved: how severe, since when, and whether it went to sponsors."""

    severity: str
    opened_at: datetime
    escalated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class EngagementState:
    """What a portfolio line says about one engagement; plain values, read from published rows.

    Attributes:
        engagement_id: its id, so a view can open it.
        name: its name.
        role: the reader's role on it, "lead" or "sponsor".
        thresholds: its tolerances and gap threshold.
        latest: the figures of its latest closed pulse, None before the first.
        previous: the figures of the pulse before that, None when there is none.
        findings: its findings not yet resolved.
        overdue_actions: its actions past their due date and not done.
        next_pulse: when its next pulse goes out, if its schedule says.
        tz: its time zone, for the dates on the line.
    """

    engagement_id: int
    name: str
    role: str
    thresholds: Thresholds
    latest: PulseFigures | None = None
    previous: PulseFigures | None = None
    findings: Sequence[OpenFinding] = ()
    overdue_actions: int = 0
    next_pulse: datetime | None = None
    tz: str = "UTC"

    def index(self, side: Side) -> int | None:
        """The side's latest index in whole points, None when withheld or before any pulse."""
        if self.latest is None:
            return None
        found = self.latest.of(side).index
        return None if found is None else shown(found)

    @property
    def gap(self) -> int | None:
        """The difference of the two shown indices, None while a side has no number."""
        return _gap(self.latest)

    @property
    def gap_change(self) -> int | None:
        """How much the gap moved since the pulse before: positive when it widened."""
        now, before = _gap(self.latest), _gap(self.previous)
        return None if now is None or before is None else now - before

    @property
    def escalated(self) -> int:
        return sum(1 for finding in self.findings if finding.escalated)

    @property
    def worst_severity(self) -> int:
        return max((SEVERITY_RANK.get(f.severity, 0) for f in self.findings), default=0)

    @property
    def oldest_finding(self) -> datetime | None:
        return min((f.opened_at for f in self.findings), default=None)

    def below_tolerance(self) -> list[Side]:
        """The sides whose latest index is under their tolerance."""
        return self._sides_where(
            lambda figures: (
                figures.index is not None
                and figures.index < self.thresholds.tolerance(figures.side)
            )
        )

    def quiet(self) -> list[Side]:
        """The sides where fewer than half of those asked answered the latest pulse."""
        return self._sides_where(
            lambda figures: (
                bool(figures.eligible) and figures.answered < QUIET_BELOW * figures.eligible
            )
        )

    def _sides_where(self, test: Callable[[SideFigures], bool]) -> list[Side]:
        """The sides whose latest figures pass ``test``; none before the first pulse."""
        if self.latest is None:
            return []
        return [side for side in SIDES if test(self.latest.of(side))]

    def reasons(self) -> list[Reason]:
        """Why this engagement needs attention, most urgent first; empty when it doesn't."""
        found: dict[Reason, bool] = {
            "escalated": self.escalated > 0,
            "findings": bool(self.findings),
            "below_tolerance": bool(self.below_tolerance()),
            "gap_widening": (self.gap_change or 0) > 0,
            "quiet": bool(self.quiet()),
            "overdue": self.overdue_actions > 0,
        }
        return [reason for reason in REASONS if found[reason]]

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons())


def _gap(figures: PulseFigures | None) -> int | None:
    if figures is None or figures.client.index is None or figures.provider.index is None:
        return None
    return abs(shown(figures.client.index) - shown(figures.provider.index))


def _shortfall(state: EngagementState, below: Sequence[Side]) -> float:
    """How far the furthest side below its tolerance is under it."""
    if state.latest is None:
        return 0.0
    return max(
        (state.thresholds.tolerance(side) - (state.latest.of(side).index or 0.0) for side in below),
        default=0.0,
    )


def attention_key(state: EngagementState, now: datetime) -> tuple[float, ...]:
    """Sorts most urgent first: every part is negated so that more need sorts lower."""
    oldest = state.oldest_finding
    age = (now - oldest).total_seconds() if oldest is not None else -1.0
    below = state.below_tolerance()
    return (
        -state.escalated,
        -state.worst_severity,
        -age,
        -len(below),
        -_shortfall(state, below),
        -max(state.gap_change or 0, 0),
        -len(state.quiet()),
        -state.overdue_actions,
    )


def rank(states: Iterable[EngagementState], now: datetime) -> list[EngagementState]:
    """The engagements in order of need of attention; ties by name, then id."""
    by_name = sorted(states, key=lambda s: (s.name.lower(), s.engagement_id))
    return sorted(by_name, key=lambda s: attention_key(s, now))
