"""Rules that compare the two sides of one closed pulse: divergence, gap, both below, watermelon.

Every rule has the same signature, ``(current, history, sla_status, thresholds)``, and
returns at most one ``Finding``. A rule never fires on a withheld index, so a withheld
side's ratings cannot reach any sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import catalogue_alerts as text
from bot.domain.alerts.model import (
    SIDES,
    Finding,
    PulseFigures,
    Side,
    SlaStatus,
    Thresholds,
    other_side,
)
from bot.domain.alerts.wording import setting, severity_past, shown


def divergence(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> Finding | None:
    """One side below its tolerance while the other is at or above its own.

    ``side`` is the unhappy side; magnitude is how far it is below its tolerance;
    critical at 15 points or more below.
    """
    client, provider = current.client.index, current.provider.index
    if client is None or provider is None:
        return None
    indices: dict[Side, float] = {"client": client, "provider": provider}
    for low in SIDES:
        high = other_side(low)
        low_tolerance, high_tolerance = thresholds.tolerance(low), thresholds.tolerance(high)
        if indices[low] < low_tolerance and indices[high] >= high_tolerance:
            shortfall = low_tolerance - indices[low]
            at = shown(indices[high]) == high_tolerance
            words = text.FINDING_DIVERGENCE_AT if at else text.FINDING_DIVERGENCE_ABOVE
            sentence = words.format(
                side=low,
                index=shown(indices[low]),
                tolerance=setting(low_tolerance),
                other=high,
                other_index=shown(indices[high]),
                other_tolerance=setting(high_tolerance),
            )
            severity = severity_past(shortfall)
            return Finding("divergence", low, severity, sentence, shortfall, indices[low])
    return None


def gap(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> Finding | None:
    """The two indices differ by at least the gap threshold.

    ``side`` is the lower side; magnitude is the gap in points; critical at 15 points
    or more over the threshold.
    """
    client, provider = current.client.index, current.provider.index
    if client is None or provider is None:
        return None
    size = abs(client - provider)
    if size < thresholds.gap:
        return None
    low: Side = "client" if client < provider else "provider"
    high = other_side(low)
    low_index, high_index = shown(min(client, provider)), shown(max(client, provider))
    sentence = text.FINDING_GAP.format(
        side=low,
        index=low_index,
        points=high_index - low_index,
        other=high,
        other_index=high_index,
        threshold=setting(thresholds.gap),
    )
    severity = severity_past(size - thresholds.gap)
    # Trends compare the gap as the sentence shows it, so the words match the numbers.
    return Finding("gap", low, severity, sentence, size, measure=high_index - low_index)


def both_below(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> Finding | None:
    """Both sides below their tolerance; always critical.

    Magnitude is the two shortfalls added up, so either side recovering shows.
    """
    client, provider = current.client.index, current.provider.index
    if client is None or provider is None:
        return None
    client_tolerance = thresholds.client_tolerance
    provider_tolerance = thresholds.provider_tolerance
    if client >= client_tolerance or provider >= provider_tolerance:
        return None
    sentence = text.FINDING_BOTH_BELOW.format(
        client=shown(client),
        client_tolerance=setting(client_tolerance),
        provider=shown(provider),
        provider_tolerance=setting(provider_tolerance),
    )
    shortfall = (client_tolerance - client) + (provider_tolerance - provider)
    return Finding("both_below", None, "critical", sentence, shortfall)


def watermelon(
    current: PulseFigures,
    history: Sequence[PulseFigures],
    sla_status: SlaStatus | None,
    thresholds: Thresholds,
) -> Finding | None:
    """The latest SLA status is green while the client side is below its tolerance.

    Always critical: the contract's figures say all is well and the client does not
    agree. ``side`` is "client"; magnitude is how far it is below its tolerance.
    """
    client = current.client.index
    tolerance = thresholds.client_tolerance
    if sla_status != "green" or client is None or client >= tolerance:
        return None
    sentence = text.FINDING_WATERMELON.format(index=shown(client), tolerance=setting(tolerance))
    return Finding("watermelon", "client", "critical", sentence, tolerance - client, client)
