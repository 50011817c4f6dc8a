"""What the grouped alert message leads with and ends on, chosen from its live findings.

One channel message carries every finding of an engagement's pulse close: a headline,
both sides' figures, the findings, and one suggested next step. The headline and the
step come from the rules' records, in the order their priorities give; the figures and
findings are laid out in `bot/views/alert_finding.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from bot.domain import alert_text as text
from bot.domain.alerts.registry import RULES

PRIORITY: Final = tuple(sorted(RULES, key=lambda name: RULES[name].priority))
"""Rules from the most pressing; the headline speaks of the first found."""
STEP_PRIORITY: Final = tuple(sorted(RULES, key=lambda name: RULES[name].step_priority))
"""Which finding chooses the next step: the feeling against the facts first."""


@dataclass(frozen=True, slots=True)
class Found:
    """A live finding as the headline needs it."""

    rule: str
    side: str | None
    direction: str | None = None


def _by_rule(findings: Sequence[Found]) -> dict[str, list[Found]]:
    """The findings grouped by rule; a rule no record has is an error, never left out."""
    by_rule: dict[str, list[Found]] = {}
    for found in findings:
        if found.rule not in RULES:
            raise KeyError(f"no alert rule is called {found.rule!r}")
        by_rule.setdefault(found.rule, []).append(found)
    return by_rule


def headline(findings: Sequence[Found]) -> str:
    """The message's first line, in the users' words; all resolved says so."""
    by_rule = _by_rule(findings)
    for rule in PRIORITY:
        if rule in by_rule:
            return RULES[rule].headline(by_rule[rule], findings)
    return text.HEADLINE_ALL_RESOLVED


def side_title(rule: str, side: str | None) -> str:
    """A finding's title naming the side it is about, so that each side's finding of one
    rule (a decline, say) reads as its own; the plain title when it is about no side."""
    record = RULES[rule]
    if side is None:
        return record.title
    return record.side_title.format(title=record.title, side=side)


def next_step(findings: Sequence[Found]) -> str | None:
    """One suggested next step, from the most telling live finding; None when all resolved."""
    rules = _by_rule(findings)
    for rule in STEP_PRIORITY:
        if rule in rules:
            return RULES[rule].next_step
    return None
