"""Words that match the numbers: a finding's trend between pulses, and why it was resolved.

A trend compares the *same* quantity in the same direction: the unhappy or sliding
side's score (lower is worse), the gap, the shortfalls added up, the share who did not
answer, or a misreading's size in its own direction. The figures are compared as they
are shown (whole points, rounded down), so "worse" never sits beside two equal numbers.
The alert message, its thread, the digest and `rapport simulate` all take their
sentences from here; each rule's own wording is on its record (`registry.RULES`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import digest_text as words
from bot.domain.alerts.model import ClosedPulse, PulseFigures, Side, SlaStatus, Thresholds, Trend
from bot.domain.alerts.registry import RULES
from bot.domain.alerts.wording import shown


def trend_of(rule: str, before: float, now: float) -> Trend:
    """How a finding's compared quantity moved, judged on the figures as shown."""
    was, is_now = shown(before), shown(now)
    if was == is_now:
        return "same"
    rose = is_now > was
    return "better" if rose == (RULES[rule].worse == "lower") else "worse"


def trend_sentence(
    rule: str, side: Side | None, direction: str | None, before: float, now: float
) -> str:
    """The trend of a finding still found, in one sentence with both figures."""
    change = trend_of(rule, before, now)
    return (
        RULES[rule]
        .trend[change]
        .format(
            before=shown(before),
            now=shown(now),
            side=side or "both",
            direction=direction or "far off",
        )
    )


def blind_spot_moved(now: float, before: float | None) -> str:
    """A side's misreading now against the pulse before, for the digest's blind-spot line.

    Growing or shrinking only when it is off in the same direction both times; a guess
    that crossed over says what it was, since the two are different findings.
    """
    if before is None:
        return ""
    was, is_now = shown(abs(before)), shown(abs(now))
    if (now > 0) != (before > 0) and was and is_now:
        return (words.WAS_TOO_HIGH if before > 0 else words.WAS_TOO_LOW).format(points=was)
    if is_now > was:
        return words.GROWING
    if is_now < was:
        return words.SHRINKING
    return ""


def why_resolved(
    rule: str,
    side: Side | None,
    direction: str | None,
    figures: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> str:
    """Why a live finding was not found again at this close, with the numbers behind it."""
    pulse = ClosedPulse(figures, history, sla_status, thresholds)
    return RULES[rule].resolution(side, direction, pulse)
