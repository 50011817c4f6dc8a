"""Rules that look at each side on its own: decline, silence and blind spot.

Either side can trip these, and each side that does gets a finding of its own, so each
has its own trend and lifecycle: the provider starting to decline too is a new finding,
never a change to the client's. Same arguments as the rules in ``rules``; each returns a
list (empty when nothing was found).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bot.domain import catalogue_alerts as text
from bot.domain.alerts.indices import blind_spot as blind_spot_of
from bot.domain.alerts.model import (
    SIDES,
    Finding,
    PulseFigures,
    Severity,
    Side,
    SlaStatus,
    Thresholds,
    other_side,
)
from bot.domain.alerts.wording import setting, severity_past, shown

DECLINE_POINTS: Final = 10.0
"""A fall of this many points over a side's last three pulses is a decline."""
CRITICAL_DECLINE_POINTS: Final = 20.0
"""A fall of this many points is a critical decline."""
SILENCE_RATE: Final = 0.5
"""A response rate under this is silence."""
CRITICAL_SILENCE_RATE: Final = 0.25
"""A response rate under this is critical silence."""


def _decline_of(
    side: Side, current: PulseFigures, history: Sequence[PulseFigures]
) -> Finding | None:
    now = current.of(side).index
    if now is None:
        return None
    shown_pulses = [p.of(side).index for p in history]
    series = [index for index in shown_pulses if index is not None] + [now]
    if len(series) < 3:
        return None
    start = series[-3]
    fall = start - now
    if fall < DECLINE_POINTS:
        return None
    sentence = text.FINDING_DECLINE.format(
        side=side, start=shown(start), now=shown(now), points=shown(start) - shown(now)
    )
    severity: Severity = "critical" if fall >= CRITICAL_DECLINE_POINTS else "warning"
    return Finding("decline", side, severity, sentence, fall, measure=now)


def decline(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> list[Finding]:
    """A side fell by 10 points or more over its last three pulses.

    The three pulses are the current one and the two before it where the side's index
    was shown (withheld pulses are skipped); ``history`` runs oldest to newest and does
    not include ``current``. Nothing fires while the current index is withheld.
    Magnitude is the fall in points; critical at 20 or more.
    """
    return [f for s in SIDES if (f := _decline_of(s, current, history))]


def _silence_of(side: Side, current: PulseFigures) -> Finding | None:
    figures = current.of(side)
    rate = figures.response_rate
    if rate is None or rate >= SILENCE_RATE:
        return None
    if figures.answered == 0:
        sentence = text.FINDING_SILENT.format(side=side, eligible=figures.eligible)
    else:
        sentence = text.FINDING_QUIET.format(
            answered=figures.answered,
            eligible=figures.eligible,
            side=side,
            rate=shown(rate * 100),
            needed=setting(SILENCE_RATE * 100),
        )
    severity: Severity = "critical" if rate < CRITICAL_SILENCE_RATE else "warning"
    return Finding("silence", side, severity, sentence, (1 - rate) * 100)


def silence(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> list[Finding]:
    """A side's response rate is under 50%.

    This rule looks at counts, not ratings, so it fires for a withheld side too: "few
    people answered" is exactly why a side is withheld, and says nothing about how
    they rated. Magnitude is the percentage of eligible members who did not answer;
    critical under a 25% response rate.
    """
    return [f for s in SIDES if (f := _silence_of(s, current))]


def _blind_spot_of(side: Side, current: PulseFigures, thresholds: Thresholds) -> Finding | None:
    figures, other = current.of(side), current.of(other_side(side))
    miss = blind_spot_of(figures, other)
    if miss is None or other.index is None or figures.guess_index is None:
        return None
    if abs(miss) < thresholds.gap:
        return None
    guessed, actual = shown(figures.guess_index), shown(other.index)
    words = text.FINDING_BLIND_SPOT_LOWER if miss > 0 else text.FINDING_BLIND_SPOT_HIGHER
    sentence = words.format(
        side=side, other=other.side, guess=guessed, index=actual, points=abs(guessed - actual)
    )
    severity = severity_past(abs(miss) - thresholds.gap)
    return Finding(
        "blind_spot",
        side,
        severity,
        sentence,
        abs(miss),
        measure=abs(guessed - actual),  # as the sentence shows it
        direction=blind_direction(miss),
    )


def blind_spot(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> list[Finding]:
    """A side misjudges the other side's rating by the gap threshold or more.

    ``side`` is the side that misjudges and ``direction`` whether it guessed too high or
    too low: a side that turns from one to the other is a new finding. Magnitude is the
    size of the miss in points; critical at 15 points or more over the gap threshold.
    """
    return [f for s in SIDES if (f := _blind_spot_of(s, current, thresholds))]


def blind_direction(miss: float) -> str:
    """ "high" when a side guessed the other side higher than it is, "low" when lower."""
    return "high" if miss > 0 else "low"
