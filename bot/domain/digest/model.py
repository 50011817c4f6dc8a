"""The weekly digest's inputs, and the figures computed from them that the text and chart show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.actions import ActionItem
from bot.domain.alerts import (
    MIN_ANONYMITY,
    SIDES,
    PulseFigures,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    blind_spot,
    trend,
)
from bot.domain.digest.standing import Standing
from bot.domain.drivers import PulseDrivers
from bot.domain.ladder import QuarterFigures
from bot.domain.themes import Theme

BASELINE_PULSES: Final = 4
"""The baseline is the mean of a side's shown indices over this many first closed pulses."""
SLA_STATUSES: Final = ("green", "amber", "red")


def _check_aware(name: str, moment: datetime | None) -> None:
    if moment is not None and moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, not {moment!r}")


def _check_sla(status: str | None) -> None:
    if status is not None and status not in SLA_STATUSES:
        raise ValueError(f"SLA status must be green, amber, red or None, not {status!r}")


@dataclass(frozen=True, slots=True)
class PulsePoint:
    """One closed pulse: when it closed, both sides' figures, and the SLA status then."""

    closed_at: datetime
    figures: PulseFigures
    sla_status: SlaStatus | None = None

    def __post_init__(self) -> None:
        _check_aware("closed_at", self.closed_at)
        _check_sla(self.sla_status)


@dataclass(frozen=True, slots=True)
class OpenAlert:
    """An alert still open (or acknowledged but not resolved) at digest time."""

    rule: str
    sentence: str
    opened_at: datetime
    owner_user_id: str | None = None
    acknowledged: bool = False
    trend: str = ""
    """The alert's own trend sentence, the same words its channel message shows."""

    def __post_init__(self) -> None:
        _check_aware("opened_at", self.opened_at)


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestInput:
    """Everything one engagement's digest shows; plain values, no database or Slack.

    Attributes:
        engagement: the engagement's name, e.g. "Acme deal".
        client_org, provider_org: the names of the two parties.
        thresholds: tolerances, gap threshold and anonymity minimum.
        history: every closed pulse, oldest first; the last one is "now".
        now: when the digest is made; alert ages are measured from it.
        open_alerts: alerts not yet resolved.
        themes: the top themes per side; a side may be missing or empty.
        sla_status: the latest recorded SLA status, or None if none was recorded.
        next_pulse: when the next pulse goes out, if one is scheduled.
        tz: the engagement's IANA time zone; dates are shown in it.
        alert_marks: when each alert (open or since resolved) was opened; the chart marks them.
        standing: baselines, last quarter and whether improvements held, from SQL; when
            None the baseline is the mean over the first four pulses of ``history``.
        drivers: the latest pulse's published driver counts, and the minimum it closed with.
        actions: actions not yet done; the digest lists those past their due date.
        ladder: per quarter, findings opened, fixed at account level, escalated and the
            median days to resolve (`bot/domain/ladder.py`), oldest first.
    """

    engagement: str
    client_org: str
    provider_org: str
    thresholds: Thresholds
    history: Sequence[PulsePoint]
    now: datetime
    open_alerts: Sequence[OpenAlert] = ()
    themes: Mapping[Side, Sequence[Theme]] = field(default_factory=lambda: MappingProxyType({}))
    sla_status: SlaStatus | None = None
    next_pulse: datetime | None = None
    tz: str = "UTC"
    standing: Standing | None = None
    alert_marks: Sequence[datetime] = ()
    drivers: PulseDrivers | None = None
    drivers_minimum: int = MIN_ANONYMITY
    actions: Sequence[ActionItem] = ()
    ladder: Sequence[QuarterFigures] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "history", tuple(self.history))
        object.__setattr__(self, "open_alerts", tuple(self.open_alerts))
        closed = [point.closed_at for point in self.history]
        if closed != sorted(closed):
            raise ValueError("history must run oldest first")
        _check_aware("now", self.now)
        _check_aware("next_pulse", self.next_pulse)
        _check_sla(self.sla_status)
        try:
            ZoneInfo(self.tz)  # an unknown zone fails here, not halfway through rendering
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {self.tz!r}") from error

    @property
    def zone(self) -> ZoneInfo:
        """The engagement's time zone."""
        return ZoneInfo(self.tz)

    @property
    def today(self) -> date:
        """The date in the engagement's time zone when the digest is made."""
        return self.now.astimezone(self.zone).date()

    def org(self, side: Side) -> str:
        """The name of the party on ``side``."""
        return self.client_org if side == "client" else self.provider_org


@dataclass(frozen=True, slots=True)
class SideNumbers:
    """One side's figures in the digest: the latest pulse's as published, and how they moved.

    Every comparison is None where a figure it needs is withheld or unknown.

    Attributes:
        latest: the side's published figures for the latest pulse (its side, index, counts,
            response rate and guess), the index None when withheld.
        tolerance: the side's tolerance.
        previous_index: the index of the pulse before, None when withheld or none.
        change_since_previous: ``index - previous_index``.
        baseline: the mean of the side's shown indices over the first four closed
            pulses; None when all of them were withheld.
        change_since_baseline: ``index - baseline``.
        blind_spot: the side's guess of the other side minus the other side's index;
            positive when the side thinks the other is happier than it is.
        previous_blind_spot: the same for the pulse before.
    """

    latest: SideFigures
    tolerance: float
    previous_index: float | None
    change_since_previous: float | None
    baseline: float | None
    change_since_baseline: float | None
    blind_spot: float | None
    previous_blind_spot: float | None


@dataclass(frozen=True, slots=True)
class DigestNumbers:
    """The digest's figures for the latest closed pulse; gaps are None when a side is withheld."""

    closed_at: datetime
    pulses: int
    client: SideNumbers
    provider: SideNumbers
    gap: float | None
    previous_gap: float | None
    gap_change: float | None

    def of(self, side: Side) -> SideNumbers:
        """The figures of ``side``."""
        return self.client if side == "client" else self.provider


def _gap(figures: PulseFigures | None) -> float | None:
    if figures is None or figures.client.index is None or figures.provider.index is None:
        return None
    return abs(figures.client.index - figures.provider.index)


def _baseline(history: Sequence[PulsePoint], side: Side) -> float | None:
    shown = [p.figures.of(side).index for p in history[:BASELINE_PULSES]]
    indices = [index for index in shown if index is not None]
    return sum(indices) / len(indices) if indices else None


def _side_numbers(
    side: Side, history: Sequence[PulsePoint], thresholds: Thresholds, standing: Standing | None
) -> SideNumbers:
    current = history[-1].figures
    previous = history[-2].figures if len(history) > 1 else None
    other: Side = "provider" if side == "client" else "client"
    figures = current.of(side)
    baseline = standing.sides[side].baseline if standing else _baseline(history, side)
    return SideNumbers(
        latest=figures,
        tolerance=thresholds.tolerance(side),
        previous_index=previous.of(side).index if previous else None,
        change_since_previous=trend(previous.of(side) if previous else None, figures),
        baseline=baseline,
        change_since_baseline=(
            figures.index - baseline if figures.index is not None and baseline is not None else None
        ),
        blind_spot=blind_spot(figures, current.of(other)),
        previous_blind_spot=blind_spot(previous.of(side), previous.of(other)) if previous else None,
    )


def digest_numbers(digest: DigestInput) -> DigestNumbers | None:
    """The figures of the latest closed pulse, or None when no pulse has closed yet."""
    if not digest.history:
        return None
    client, provider = (
        _side_numbers(s, digest.history, digest.thresholds, digest.standing) for s in SIDES
    )
    gap = _gap(digest.history[-1].figures)
    previous_gap = _gap(digest.history[-2].figures) if len(digest.history) > 1 else None
    return DigestNumbers(
        closed_at=digest.history[-1].closed_at,
        pulses=len(digest.history),
        client=client,
        provider=provider,
        gap=gap,
        previous_gap=previous_gap,
        gap_change=gap - previous_gap if gap is not None and previous_gap is not None else None,
    )
