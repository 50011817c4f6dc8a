"""Value types of the alert rules: answers, thresholds, side figures and findings."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

Side = Literal["client", "provider"]
Severity = Literal["warning", "critical"]
SlaStatus = Literal["green", "amber", "red"]
Trend = Literal["worse", "better", "same"]
"""How a finding's compared quantity moved between two pulses."""

SIDES: Final[tuple[Side, Side]] = ("client", "provider")
MIN_ANONYMITY: Final = 3
"""The anonymity minimum is never below this, whatever is configured (see docs/privacy.md)."""


def other_side(side: Side) -> Side:
    """The side across the table from ``side``."""
    return "provider" if side == "client" else "client"


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise ValueError(f"side must be 'client' or 'provider', not {side!r}")


def _check_points(name: str, value: float | None) -> None:
    if value is not None and not (math.isfinite(value) and 0 <= value <= 100):
        raise ValueError(f"{name} must be within 0..100, not {value!r}")


@dataclass(frozen=True, slots=True)
class Answer:
    """One member's response to a closed pulse, as the index needs it.

    Attributes:
        weight: the member's stake weight; positive.
        score: the response's score on the 0..100 scale.
        guess: how the member thinks the other side would rate, 1..5, or None.
    """

    weight: float
    score: float
    guess: int | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.weight) and self.weight > 0):
            raise ValueError(f"weight must be a positive number, not {self.weight!r}")
        _check_points("score", self.score)
        if self.guess is not None and (
            isinstance(self.guess, bool) or self.guess not in (1, 2, 3, 4, 5)
        ):
            raise ValueError(f"guess must be 1..5 or None, not {self.guess!r}")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """An engagement's alert settings.

    ``anonymity_min`` below 3 is raised to 3: with two answers, either person can
    subtract their own and read the other's.
    """

    client_tolerance: float = 70
    provider_tolerance: float = 60
    gap: float = 15
    anonymity_min: int = 3

    def __post_init__(self) -> None:
        _check_points("client_tolerance", self.client_tolerance)
        _check_points("provider_tolerance", self.provider_tolerance)
        if not (math.isfinite(self.gap) and 0 < self.gap <= 100):
            raise ValueError(f"gap must be above 0 and at most 100, not {self.gap!r}")
        if self.anonymity_min < MIN_ANONYMITY:
            object.__setattr__(self, "anonymity_min", MIN_ANONYMITY)

    def tolerance(self, side: Side) -> float:
        """The tolerance of ``side``."""
        return self.client_tolerance if side == "client" else self.provider_tolerance


@dataclass(frozen=True, slots=True)
class SideFigures:
    """One side's figures for one closed pulse.

    Attributes:
        side: which side these figures belong to.
        index: 0..100 satisfaction, or None when withheld (too few answers).
        answered: how many members of the side answered.
        eligible: how many could have answered (members away this week excluded).
        response_rate: answered / eligible in 0..1, or None when nobody was eligible.
        guess_index: 0..100 weighted mean of how the side guessed the other side would
            rate, or None when too few members guessed.
    """

    side: Side
    index: float | None
    answered: int
    eligible: int
    response_rate: float | None
    guess_index: float | None = None

    def __post_init__(self) -> None:
        _check_side(self.side)
        _check_points("index", self.index)
        _check_points("guess_index", self.guess_index)
        if self.answered < 0 or self.eligible < 0:
            raise ValueError("answered and eligible cannot be negative")
        rate = self.response_rate
        if rate is not None and not (math.isfinite(rate) and 0 <= rate <= 1):
            raise ValueError(f"response_rate must be within 0..1, not {rate!r}")

    @property
    def withheld(self) -> bool:
        """True when the index is withheld for anonymity."""
        return self.index is None


@dataclass(frozen=True, slots=True)
class PulseFigures:
    """Both sides' figures for one closed pulse."""

    client: SideFigures
    provider: SideFigures

    def __post_init__(self) -> None:
        if self.client.side != "client" or self.provider.side != "provider":
            raise ValueError("PulseFigures needs the client's figures first, then the provider's")

    def of(self, side: Side) -> SideFigures:
        """The figures of ``side``."""
        return self.client if side == "client" else self.provider


@dataclass(frozen=True, slots=True)
class ClosedPulse:
    """What a rule reads when a pulse closes: the rule's check and resolution both take it.

    Attributes:
        figures: both sides' figures for the pulse that just closed.
        history: earlier closed pulses, oldest first, not including ``figures``.
        sla_status: the latest recorded SLA status, or None if none was recorded.
        thresholds: the engagement's tolerances, gap threshold and anonymity minimum.
    """

    figures: PulseFigures
    history: Sequence[PulseFigures]
    sla_status: SlaStatus | None
    thresholds: Thresholds


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired on a closed pulse.

    Attributes:
        rule: the rule's name, a key of ``registry.RULES``.
        side: the side the finding is about, or None when it is about both.
        severity: "warning" or "critical".
        sentence: the finding in plain words, with the numbers behind it.
        magnitude: how bad it is on the rule's own scale; bigger is worse.
        measure: the quantity a later pulse's finding is compared with to say worse or
            better (its rule's record says whether lower or higher is worse); None when
            that is the magnitude.
        direction: for a blind spot, "high" when the side guesses the other too high and
            "low" when too low; None for the other rules.
    """

    rule: str
    side: Side | None
    severity: Severity
    sentence: str
    magnitude: float
    measure: float | None = None
    direction: str | None = None

    @property
    def key(self) -> str:
        """What the finding is about: its rule, side and direction. A finding whose key
        changes is a new finding, never the old one relabelled."""
        return finding_key(self.rule, self.side, self.direction)

    @property
    def compared(self) -> float:
        """The quantity trends compare (see ``measure``)."""
        return self.magnitude if self.measure is None else self.measure


def finding_key(rule: str, side: str | None, direction: str | None) -> str:
    """``rule:side`` (``both`` when about both sides), plus ``:direction`` for a blind spot."""
    key = f"{rule}:{side or 'both'}"
    return f"{key}:{direction}" if direction else key
