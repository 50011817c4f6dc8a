"""Words that match the numbers: a finding's trend between pulses, and why it was resolved.

A trend compares the *same* quantity in the same direction: the unhappy or sliding
side's score (lower is worse), the gap, the shortfalls added up, the share who did not
answer, or a misreading's size in its own direction. The figures are compared as they
are shown (whole points, rounded down), so "worse" never sits beside two equal numbers.
The alert message, its thread, the digest and `rapport simulate` all take their
sentences from here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from bot.domain import catalogue_alerts as text
from bot.domain import digest_words as words
from bot.domain.alerts.model import (
    LOWER_IS_WORSE,
    PulseFigures,
    Side,
    SlaStatus,
    Thresholds,
    other_side,
)
from bot.domain.alerts.side_rules import DECLINE_POINTS
from bot.domain.alerts.wording import setting, shown

Trend = Literal["worse", "better", "same"]


def trend_of(rule: str, before: float, now: float) -> Trend:
    """How a finding's compared quantity moved, judged on the figures as shown."""
    was, is_now = shown(before), shown(now)
    if was == is_now:
        return "same"
    rose = is_now > was
    return "better" if rose == (rule in LOWER_IS_WORSE) else "worse"


def trend_sentence(
    rule: str, side: Side | None, direction: str | None, before: float, now: float
) -> str:
    """The trend of a finding still found, in one sentence with both figures."""
    change = trend_of(rule, before, now)
    numbers = {"before": shown(before), "now": shown(now), "side": side or "both"}
    if rule in LOWER_IS_WORSE:
        return text.TREND_SCORE[change].format(**numbers)
    if rule == "gap":
        return text.TREND_GAP[change].format(**numbers)
    if rule == "both_below":
        return text.TREND_BOTH_BELOW[change].format(**numbers)
    if rule == "silence":
        return text.TREND_SILENCE[change].format(**numbers)
    return text.TREND_BLIND_SPOT[change].format(direction=direction or "far off", **numbers)


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
    minimum = thresholds.anonymity_min
    if side is not None and rule != "silence" and figures.of(side).index is None:
        return text.WHY_WITHHELD.format(side=side, minimum=minimum)
    if rule == "watermelon":
        return _why_watermelon(figures, sla_status, thresholds)
    if rule in ("divergence", "gap", "both_below"):
        return _why_pair(rule, side, figures, thresholds)
    if rule == "decline" and side is not None:
        return _why_decline(side, figures, history)
    if rule == "silence" and side is not None:
        own = figures.of(side)
        rate = shown((own.response_rate or 0) * 100)
        return text.WHY_SILENCE_ENDED.format(
            answered=own.answered, eligible=own.eligible, side=side, rate=rate
        )
    if rule == "blind_spot" and side is not None:
        return _why_blind_spot(side, direction, figures, thresholds)
    return text.WHY_NOT_FOUND


def _why_watermelon(
    figures: PulseFigures, sla_status: SlaStatus | None, thresholds: Thresholds
) -> str:
    client, tolerance = figures.client.index, thresholds.client_tolerance
    if client is None:
        return text.WHY_WITHHELD.format(side="client", minimum=thresholds.anonymity_min)
    if client >= tolerance:
        return text.WHY_BACK_ABOVE.format(
            side="client", index=shown(client), tolerance=setting(tolerance)
        )
    numbers = {"index": shown(client), "tolerance": setting(tolerance)}
    if sla_status is None:
        return text.WHY_SLA_NONE.format(**numbers)
    return text.WHY_SLA_NOT_GREEN.format(status=sla_status, **numbers)


def _why_pair(rule: str, side: Side | None, figures: PulseFigures, thresholds: Thresholds) -> str:
    client, provider = figures.client.index, figures.provider.index
    for name, index in (("client", client), ("provider", provider)):
        if index is None:
            return text.WHY_WITHHELD.format(side=name, minimum=thresholds.anonymity_min)
    assert client is not None and provider is not None
    indices: dict[Side, float] = {"client": client, "provider": provider}
    if rule == "gap":
        gap = abs(client - provider)
        if gap < thresholds.gap or side is None:
            return text.WHY_GAP_CLOSED.format(
                gap=_gap_text(client, provider, thresholds.gap), threshold=setting(thresholds.gap)
            )
        other = other_side(side)
        return text.WHY_GAP_FLIPPED.format(
            side=side, other=other, index=shown(indices[side]), other_index=shown(indices[other])
        )
    sides: tuple[Side, ...] = (side,) if side is not None else ("client", "provider")
    for name in sides:
        tolerance = thresholds.tolerance(name)
        if indices[name] >= tolerance:
            return text.WHY_BACK_ABOVE.format(
                side=name, index=shown(indices[name]), tolerance=setting(tolerance)
            )
    if side is not None:  # divergence: the other side fell below its own line too
        other = other_side(side)
        return text.WHY_OTHER_BELOW.format(
            side=side,
            other=other,
            index=shown(indices[side]),
            own=setting(thresholds.tolerance(side)),
            other_index=shown(indices[other]),
            tolerance=setting(thresholds.tolerance(other)),
        )
    return text.WHY_NOT_FOUND


def _gap_text(client: float, provider: float, threshold: float) -> str:
    """The gap in whole points as the two shown scores give it, unless that would read as
    at or over the threshold it is under (57.4 against 72.0): then to a tenth."""
    whole = shown(max(client, provider)) - shown(min(client, provider))
    if whole < threshold:
        return str(whole)
    return f"{math.floor(abs(client - provider) * 10) / 10:g}"


def _why_decline(side: Side, figures: PulseFigures, history: Sequence[PulseFigures]) -> str:
    now = figures.of(side).index
    series = [i for p in history if (i := p.of(side).index) is not None]
    if now is None or len(series) < 2:
        return text.WHY_NOT_FOUND
    start = series[-2]
    change = shown(now) - shown(start)
    moved = f"{-change} points down" if change < 0 else f"{change} points up" if change else "level"
    return text.WHY_DECLINE_ENDED.format(
        side=side, now=shown(now), change=moved, start=shown(start), line=setting(DECLINE_POINTS)
    )


def _why_blind_spot(
    side: Side, direction: str | None, figures: PulseFigures, thresholds: Thresholds
) -> str:
    own, other = figures.of(side), figures.of(other_side(side))
    if own.guess_index is None or other.index is None:
        return text.WHY_BLIND_SPOT_NO_GUESS.format(side=side, other=other.side)
    guess, index = shown(own.guess_index), shown(other.index)
    now_direction = "high" if own.guess_index > other.index else "low"
    if abs(own.guess_index - other.index) >= thresholds.gap and now_direction != direction:
        return text.WHY_BLIND_SPOT_FLIPPED.format(
            side=side, other=other.side, direction=now_direction, guess=guess, index=index
        )
    return text.WHY_BLIND_SPOT_CLOSED.format(
        side=side, other=other.side, guess=guess, index=index, threshold=setting(thresholds.gap)
    )
