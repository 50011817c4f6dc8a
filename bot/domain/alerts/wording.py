"""How findings put numbers into words."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

from bot.domain.alerts.model import Severity, Trend
from bot.domain.i18n import deferred as _

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


SCORE_TREND: Final[Mapping[Trend, str]] = {
    "worse": _("Worse: the {side} side fell from {before} to {now}."),
    "better": _("Better: the {side} side rose from {before} to {now}."),
    "same": _("No change: the {side} side is at {now}, as before."),
}
"""The trend of a rule that follows a side's score (lower is worse)."""
