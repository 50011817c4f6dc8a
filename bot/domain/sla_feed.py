"""SLA facts fed in by a system: reading a JSON body, and the colour a metric earns.

A body is either ``{"status": "green"|"amber"|"red", "note": "…"}`` or
``{"metric": "P1 resolution", "value": 97.1, "target": 99.5, "higher_is_better": true}``,
each optionally with ``"period": "YYYY-MM-DD"``. A metric is green when it meets its
target, amber when it misses by no more than ``AMBER_BAND`` of the target, red beyond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.domain import reply_text
from bot.domain.vocabulary import SlaStatus, is_sla_status

AMBER_BAND: Final = 0.05
"""A metric that misses its target by at most this share of the target is amber."""
NOTE_MAX: Final = 300
METRIC_MAX: Final = 80
_STATUS_KEYS: Final = frozenset({"status", "note", "period"})
_METRIC_KEYS: Final = frozenset({"metric", "value", "target", "higher_is_better", "note", "period"})


class FactError(ValueError):
    """A body that is not an SLA fact; ``field`` names the part that is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class SlaFact:
    """One SLA fact: the status (given, or derived from a metric), and where it came from."""

    status: SlaStatus
    note: str | None = None
    period: date | None = None
    metric: str | None = None
    value: float | None = None
    target: float | None = None
    higher_is_better: bool | None = None


def colour_of(value: float, target: float, higher_is_better: bool) -> SlaStatus:
    """Green when the target is met, amber within ``AMBER_BAND`` of it, red beyond."""
    miss = (target - value) if higher_is_better else (value - target)
    if miss <= 0:
        return "green"
    # A hair of tolerance, so 4.2 against a target of 4 is at the band's edge, as written.
    return "amber" if miss <= abs(target) * AMBER_BAND + 1e-9 else "red"


def _number(data: dict[str, object], key: str) -> float:
    found = data.get(key)
    if isinstance(found, bool) or not isinstance(found, int | float) or not math.isfinite(found):
        raise FactError(key, reply_text.SLA_FEED_NUMBER.format(field=key))
    return float(found)


def _text(data: dict[str, object], key: str, limit: int, required: bool) -> str | None:
    found = data.get(key)
    if found is None and not required:
        return None
    if not isinstance(found, str) or not found.strip() or len(found) > limit:
        raise FactError(key, reply_text.SLA_FEED_TEXT.format(field=key, limit=limit))
    if any(ord(c) < 32 and c not in "\t" for c in found):
        raise FactError(key, reply_text.SLA_FEED_TEXT.format(field=key, limit=limit))
    return found.strip()


def read_period(raw: object, today: date) -> date | None:
    """The optional period: an ISO date, not in the future."""
    if raw is None:
        return None
    try:
        found = date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
    except ValueError:
        found = None
    if found is None or found > today:
        raise FactError("period", reply_text.SLA_FEED_PERIOD)
    return found


def read_fact(data: object, today: date) -> SlaFact:
    """The SLA fact in a decoded JSON body; raises `FactError` naming the first bad field."""
    if not isinstance(data, dict):
        raise FactError("body", reply_text.SLA_FEED_SHAPE)
    period = read_period(data.get("period"), today)
    note = _text(data, "note", NOTE_MAX, required=False)
    if "status" in data and "metric" not in data:
        unknown = sorted(set(data) - _STATUS_KEYS)
        if unknown:
            raise FactError(unknown[0], reply_text.SLA_FEED_UNKNOWN.format(field=unknown[0]))
        status = data["status"]
        if not isinstance(status, str) or not is_sla_status(status):
            raise FactError("status", reply_text.SLA_FEED_STATUS)
        return SlaFact(status, note, period)
    if "metric" not in data:
        raise FactError("status", reply_text.SLA_FEED_SHAPE)
    unknown = sorted(set(data) - _METRIC_KEYS)
    if unknown:
        raise FactError(unknown[0], reply_text.SLA_FEED_UNKNOWN.format(field=unknown[0]))
    metric = _text(data, "metric", METRIC_MAX, required=True)
    value, target = _number(data, "value"), _number(data, "target")
    higher = data.get("higher_is_better")
    if not isinstance(higher, bool):
        raise FactError("higher_is_better", reply_text.SLA_FEED_BOOLEAN)
    status = colour_of(value, target, higher)
    return SlaFact(status, note, period, metric, value, target, higher)
