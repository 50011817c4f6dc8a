"""The rule registry and ``evaluate``, which runs every rule on a closed pulse in a fixed order."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from bot.domain.alerts import rules, side_rules
from bot.domain.alerts.model import Finding, PulseFigures, SlaStatus, Thresholds

Check = Callable[
    [PulseFigures, Sequence[PulseFigures], SlaStatus | None, Thresholds],
    Finding | list[Finding] | None,
]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's name, the sentence that explains it in help and docs, and its check."""

    name: str
    description: str
    check: Check


RULES: Final[Mapping[str, Rule]] = MappingProxyType(
    {
        rule.name: rule
        for rule in (
            Rule(
                "divergence",
                "One side is below its tolerance while the other is at or above its own.",
                rules.divergence,
            ),
            Rule(
                "gap",
                "The two sides' scores are at least the gap threshold apart.",
                rules.gap,
            ),
            Rule("both_below", "Both sides are below their tolerance.", rules.both_below),
            Rule(
                "decline",
                "A side's score fell by 10 points or more over its last three pulses.",
                side_rules.decline,
            ),
            Rule(
                "silence",
                "Fewer than half of a side's eligible members answered the pulse.",
                side_rules.silence,
            ),
            Rule(
                "blind_spot",
                "A side's guess of how the other side rates is off by the gap threshold or more.",
                side_rules.blind_spot,
            ),
            Rule(
                "watermelon",
                "The SLA status is green while the client side is below its tolerance.",
                rules.watermelon,
            ),
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
    findings: list[Finding] = []
    for rule in RULES.values():
        found = rule.check(current, history, sla_status, thresholds)
        if isinstance(found, Finding):
            findings.append(found)
        elif found:
            findings.extend(found)
    return findings
