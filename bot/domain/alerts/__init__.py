"""Alerts: side indices from answers, the rules that find in them, and the alert lifecycle."""

from bot.domain.alerts.indices import (
    blind_spot,
    compute_side_figures,
    effective_weights,
    guess_index,
    guess_to_score,
    side_index,
    trend,
    weighted_mean,
)
from bot.domain.alerts.model import (
    MIN_ANONYMITY,
    SIDES,
    Answer,
    ClosedPulse,
    Finding,
    PulseFigures,
    Severity,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    other_side,
)
from bot.domain.alerts.publishing import publishable, published_side
from bot.domain.alerts.record import AlertRule, Check
from bot.domain.alerts.registry import DEFAULT_THRESHOLDS, RULES, evaluate

__all__ = [
    "DEFAULT_THRESHOLDS",
    "MIN_ANONYMITY",
    "RULES",
    "SIDES",
    "AlertRule",
    "Answer",
    "Check",
    "ClosedPulse",
    "Finding",
    "PulseFigures",
    "Severity",
    "Side",
    "SideFigures",
    "SlaStatus",
    "Thresholds",
    "blind_spot",
    "compute_side_figures",
    "effective_weights",
    "evaluate",
    "guess_index",
    "guess_to_score",
    "other_side",
    "publishable",
    "published_side",
    "side_index",
    "trend",
    "weighted_mean",
]
