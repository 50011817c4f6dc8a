"""Drivers: what a side says the feeling comes from, picked in the pulse DM or read in comments.

Seven fixed choices, one or two picks per person. Comments are tagged with the drivers
their words name (a short phrase list per driver, below: no corpus, no model), and a
person counts once per driver whether they picked it, wrote about it, or both.

Privacy: a side's driver counts are published only when at least the anonymity minimum
(never fewer than three) of its people named a driver; otherwise nothing of them is
shown. Counts say how many people, never who.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from bot.domain import follow_up_text
from bot.domain.alerts.model import MIN_ANONYMITY, Side

DRIVERS: Final = tuple(follow_up_text.DRIVER_LABELS)
"""The keys, in the order the pulse DM lists them."""
MAX_PICKS: Final = 2

_PHRASES: Final[dict[str, str]] = {
    "delivery": r"quality|bugs?|defects?|rework|broken|outages?|incidents?|releases?|"
    r"deliverables?|deliver(?:y|ed|ing|s)?|testing|regressions?|sla|slas|errors?",
    "responsiveness": r"slow to (?:respond|reply|answer|react)|"
    r"respon(?:d|ds|ded|ding|sive|siveness)|no response|response times?|repl(?:y|ies|ied)|"
    r"waiting|waited|wait for|chas(?:e|ed|ing)|"
    r"turnaround|unanswered|(?:nobody|no one|never) answers|no answer|ignored|get back to|"
    r"got back to|took (?:days|weeks)",
    "communication": r"communicat\w*|updates?|status reports?|kept informed|informed|"
    r"in the loop|out of the loop|transparen\w*|visibility|surprised?|heads[- ]up|told us",
    "expectations": r"expect\w*|promis\w*|overpromis\w*|scope|contract(?:ed|ual)?|agreed|"
    r"commitments?|committed|what was sold|sold to us|statement of work|sow",
    "people": r"turnover|attrition|new people|new faces|key people|left the (?:team|account)|"
    r"leavers?|handovers?|hand-overs?|continuity|staffing|churn|replaced|rotat(?:e|ed|ion)|"
    r"onboarding|knowledge (?:loss|transfer)|seniority|juniors?|the team keeps changing",
    "value": r"costs?|costly|price[sd]?|pricing|invoices?|invoicing|billing|billed|budget|"
    r"expensive|value for money|fees?|day rates?|rates?|charged?|charges|commercial\w*|overruns?",
    "ways_of_working": r"process(?:es)?|tool(?:s|ing)?|jira|agile|sprints?|ceremonies|"
    r"governance|approvals?|bureaucra\w*|red tape|workflows?|hand-?offs?|ways of working|"
    r"working together|collaborat\w*|meetings?",
}
_PATTERNS: Final = {
    key: re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)
    for key, phrases in _PHRASES.items()
}


def drivers_in(text: str) -> tuple[str, ...]:
    """The drivers a comment's words name, in the fixed order; empty when none."""
    return tuple(key for key in DRIVERS if _PATTERNS[key].search(text))


def read_picks(values: Iterable[str]) -> tuple[str, ...]:
    """A person's picks in the fixed order, or ValueError for an unknown key or too many."""
    picked = set(values)
    if not picked <= set(DRIVERS):
        raise ValueError("unknown driver")
    if len(picked) > MAX_PICKS:
        raise ValueError(f"at most {MAX_PICKS} drivers")
    return tuple(key for key in DRIVERS if key in picked)


def joined(keys: Sequence[str]) -> str | None:
    """Stored form of a set of drivers: "communication,responsiveness", or None for none."""
    return ",".join(keys) or None


def split(stored: str | None) -> tuple[str, ...]:
    """The drivers of a stored value, in the fixed order; unknown words are dropped."""
    found = set((stored or "").split(","))
    return tuple(key for key in DRIVERS if key in found)


@dataclass(frozen=True, slots=True)
class SideDrivers:
    """One side's published driver counts: `named` people named at least one driver."""

    side: Side
    named: int
    counts: Mapping[str, int]

    def top(self) -> tuple[str, ...]:
        """The most named drivers (several when tied), in the fixed order; none when no counts."""
        most = max(self.counts.values(), default=0)
        return tuple(key for key in DRIVERS if most and self.counts.get(key, 0) == most)


@dataclass(frozen=True, slots=True)
class PulseDrivers:
    """Both sides' published driver counts for one pulse; None where nothing may be shown."""

    client: SideDrivers | None = None
    provider: SideDrivers | None = None

    def of(self, side: Side) -> SideDrivers | None:
        return self.client if side == "client" else self.provider


def publishable_drivers(
    side: Side, named: int, counts: Mapping[str, int], minimum: int
) -> SideDrivers | None:
    """One side's counts as they may be published: None below the anonymity minimum."""
    if named < max(minimum, MIN_ANONYMITY):
        return None
    return SideDrivers(side, named, {key: int(counts.get(key, 0)) for key in DRIVERS})


def _side_part(side: Side, figures: SideDrivers | None, minimum: int) -> str:
    if figures is None or not figures.top():
        return follow_up_text.DRIVERS_WITHHELD.format(
            side=side, minimum=max(minimum, MIN_ANONYMITY)
        )
    top = figures.top()
    names = " tied with ".join(follow_up_text.DRIVER_SHORT[key] for key in top)
    template = follow_up_text.DRIVERS_SIDE if len(top) == 1 else follow_up_text.DRIVERS_SIDE_TIED
    people = figures.counts[top[0]]
    return template.format(side=side, drivers=names, people=people, of=figures.named)


def drivers_line(drivers: PulseDrivers | None, minimum: int) -> str | None:
    """The sentence that names each side's top drivers and whether the sides agree on them.

    The alert and the digest both show this sentence, so they never say different things.
    None when neither side's drivers may be shown; a side below the minimum shows no
    driver at all, only that too few named one.
    """
    if drivers is None or (drivers.client is None and drivers.provider is None):
        return None
    parts = "; ".join(
        _side_part(side, drivers.of(side), minimum) for side in ("client", "provider")
    )
    verdict = ""
    if drivers.client is not None and drivers.provider is not None:
        client_top, provider_top = set(drivers.client.top()), set(drivers.provider.top())
        if client_top and provider_top:
            shared = [
                follow_up_text.DRIVER_SHORT[key]
                for key in DRIVERS
                if key in client_top & provider_top
            ]
            verdict = (
                follow_up_text.DRIVERS_SAME.format(drivers=" and ".join(shared))
                if shared
                else follow_up_text.DRIVERS_SPLIT
            )
    return follow_up_text.DRIVERS_LINE.format(parts=parts, verdict=verdict)
