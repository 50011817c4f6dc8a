"""The rule registry and ``evaluate``, which runs every rule on a closed pulse in a fixed order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from bot.domain.alerts.model import ClosedPulse, Finding, PulseFigures, SlaStatus, Thresholds
from bot.domain.alerts.record import AlertRule
from bot.domain.alerts.rules import (
    blind_spot,
    both_below,
    decline,
    divergence,
    gap,
    silence,
    watermelon,
)

RULES: Final[Mapping[str, AlertRule]] = MappingProxyType(
    {
        rule.name: rule
        for rule in (
            divergence.RULE,
            gap.RULE,
            both_below.RULE,
            decline.RULE,
            silence.RULE,
            blind_spot.RULE,
            watermelon.RULE,
        )
    }
)
"""Every rule by name, in the order ``evaluate`` runs them."""

DEFAULT_THRESHOLDS: Final = Thresholds()


def evaluate(
    current: PulseFigures,
    history: Sequence[PulseFigures] = (),
    sla_status: SlaStatus | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Finding]:
    """Run every rule on a closed pulse.

    Args:
        current: both sides' figures for the pulse that just closed.
        history: earlier closed pulses, oldest first, not including ``current``.
        sla_status: the latest recorded SLA status, or None if none was recorded.
        thresholds: the engagement's tolerances, gap threshold and anonymity minimum.

    Returns:
        The findings in ``RULES`` order, at most one per rule and side; empty when all
        is well.
    """
    pulse = ClosedPulse(current, history, sla_status, thresholds)
    findings: list[Finding] = []
    for each in RULES.values():
        found = each.check(pulse)
        if isinstance(found, Finding):
            findings.append(found)
        elif found:
            findings.extend(found)
    return findings
