"""How findings put numbers into words, and how per-side parts become one finding."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from bot.domain.divergence.model import Finding, Severity, Side

CRITICAL_MARGIN: Final = 15.0
"""Points past a tolerance or threshold at which a warning becomes critical."""


def shown(points: float) -> int:
    """Whole points, rounded down, so a sentence never calls a side at 69.6 "70, below 70"."""
    return math.floor(points + 1e-9)


def setting(value: float) -> str:
    """A threshold as configured: 70, or 62.5."""
    return f"{value:g}"


def severity_past(points_past_line: float) -> Severity:
    """Critical once a figure is ``CRITICAL_MARGIN`` points or more past its line."""
    return "critical" if points_past_line >= CRITICAL_MARGIN else "warning"


@dataclass(frozen=True, slots=True)
class SidePart:
    """What a per-side rule found about one side, before the sides are combined."""

    side: Side
    severity: Severity
    sentence: str
    magnitude: float


def combine(rule: str, parts: Sequence[SidePart]) -> Finding | None:
    """One finding from per-side parts, so each rule keeps a single open alert.

    With one part the finding names that side; with both, ``side`` is None, the
    sentences are joined, the severity is the worse one and the magnitude the larger.
    """
    if not parts:
        return None
    if len(parts) == 1:
        part = parts[0]
        return Finding(rule, part.side, part.severity, part.sentence, part.magnitude)
    severity: Severity = "critical" if any(p.severity == "critical" for p in parts) else "warning"
    sentence = " ".join(p.sentence for p in parts)
    return Finding(rule, None, severity, sentence, max(p.magnitude for p in parts))
