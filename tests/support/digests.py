"""Digest inputs for tests: a side's figures, a run of pulses, a digest with overrides."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.domain.alerts import (
    Answer,
    PulseFigures,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    compute_side_figures,
)
from bot.domain.digest import DigestInput, PulsePoint

START = datetime(2025, 3, 3, 16, 0, tzinfo=UTC)  # a Monday
THRESHOLDS = Thresholds()  # client 70, provider 60, gap 15, anonymity minimum 3


def side(name: Side, index: float | None, guess: float | None = None) -> SideFigures:
    """Seven of nine answered; a None index is a side withheld because only two did."""
    answered = 2 if index is None else 7
    return SideFigures(name, index, answered, 9, answered / 9, None if index is None else guess)


def points(
    clients: Sequence[float | None],
    providers: Sequence[float | None],
    sla: SlaStatus | None = "green",
) -> list[PulsePoint]:
    return [
        PulsePoint(
            START + timedelta(weeks=i), PulseFigures(side("client", c), side("provider", p)), sla
        )
        for i, (c, p) in enumerate(zip(clients, providers, strict=True))
    ]


def digest(history: Sequence[PulsePoint], /, **overrides: object) -> DigestInput:
    now = history[-1].closed_at + timedelta(days=2) if history else START
    fields: dict[str, object] = {
        "engagement": "Acme deal",
        "client_org": "Acme",
        "provider_org": "Globex",
        "thresholds": THRESHOLDS,
        "history": history,
        "now": now,
        "sla_status": "green",
        "tz": "Europe/Paris",
    }
    fields.update(overrides)
    return DigestInput(**fields)  # type: ignore[arg-type]


CLIENT = [80, 78, 75, 70, 60, 54]
PROVIDER = [70, 72, 74, 76, 78, 81]
WOULD_BE = [Answer(1, 25.0, guess=5), Answer(1, 0.0, guess=5)]  # two answers: an index of 12


def withheld_now() -> DigestInput:
    figures = compute_side_figures("client", WOULD_BE, 9, THRESHOLDS)
    assert figures.withheld
    latest = PulsePoint(START + timedelta(weeks=6), PulseFigures(figures, side("provider", 81, 50)))
    history = [*points(CLIENT, PROVIDER), latest]
    return digest(history)
