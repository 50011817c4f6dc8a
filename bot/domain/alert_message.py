"""What the grouped alert message leads with and ends on, chosen from its live findings.

One channel message carries every finding of an engagement's pulse close: a headline,
both sides' figures, the findings, and one suggested next step. The headline and the
step come from here; the figures and findings are laid out in `bot/views/alert_finding.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from bot.domain import catalogue
from bot.domain import catalogue_alerts as text

PRIORITY: Final = (
    "divergence",
    "both_below",
    "watermelon",
    "gap",
    "decline",
    "blind_spot",
    "silence",
)
"""Rules from the most pressing; the headline speaks of the first found."""
STEP_PRIORITY: Final = (
    "watermelon",
    "divergence",
    "both_below",
    "blind_spot",
    "gap",
    "decline",
    "silence",
)
"""Which finding chooses the next step: the feeling against the facts first."""


@dataclass(frozen=True, slots=True)
class Found:
    """A live finding as the headline needs it."""

    rule: str
    side: str | None
    direction: str | None = None


def _other(side: str | None) -> str:
    return "provider" if side == "client" else "client"


def headline(findings: Sequence[Found]) -> str:
    """The message's first line, in the users' words; all resolved says so."""
    by_rule: dict[str, list[Found]] = {}
    for found in findings:
        by_rule.setdefault(found.rule, []).append(found)
    for rule in PRIORITY:
        if rule in by_rule:
            return _headline_of(rule, by_rule[rule], findings)
    return text.HEADLINE_ALL_RESOLVED


def _headline_of(rule: str, these: Sequence[Found], findings: Sequence[Found]) -> str:
    side = these[0].side
    other = _other(side)
    if rule == "divergence":
        # "doesn't know it": the other side guesses the unhappy side happier than it is.
        unaware = any(
            f.rule == "blind_spot" and f.side == other and f.direction == "high" for f in findings
        )
        template = text.HEADLINE_UNAWARE if unaware else text.HEADLINE_UNHAPPY
        return template.format(side=side, other=other)
    both = {"decline": text.HEADLINE_DECLINE_BOTH, "silence": text.HEADLINE_SILENCE_BOTH}
    both["blind_spot"] = text.HEADLINE_BLIND_SPOT_BOTH
    if rule in both and len({f.side for f in these}) > 1:
        return both[rule]
    templates = {
        "both_below": text.HEADLINE_BOTH_BELOW,
        "watermelon": text.HEADLINE_WATERMELON,
        "gap": text.HEADLINE_GAP,
        "decline": text.HEADLINE_DECLINE,
        "blind_spot": text.HEADLINE_BLIND_SPOT,
        "silence": text.HEADLINE_SILENCE,
    }
    return templates[rule].format(side=side, other=other)


def side_title(rule: str, side: str | None) -> str:
    """A finding's title naming the side it is about, so that each side's finding of one
    rule (a decline, say) reads as its own; the plain title when it is about no side."""
    title = catalogue.ALERT_TITLES.get(rule, rule)
    if side is None:
        return title
    template = text.SIDE_TITLES.get(rule, text.SIDE_TITLE)
    return template.format(title=title, side=side)


def next_step(findings: Sequence[Found]) -> str | None:
    """One suggested next step, from the most telling live finding; None when all resolved."""
    rules = {found.rule for found in findings}
    for rule in STEP_PRIORITY:
        if rule in rules:
            return text.NEXT_STEPS[rule]
    return None
