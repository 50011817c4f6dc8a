"""Close a pulse, publish both sides' figures once, and keep alerts in step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from bot.domain.alerts import Finding, PulseFigures, SlaStatus, Thresholds, evaluate
from bot.domain.alerts.lifecycle import AlertChange
from bot.domain.i18n import reading_as
from bot.services.reconcile import Close, reconcile
from bot.views.alert_finding import details_text
from storage import alerts as alert_queries
from storage import pulses as pulse_queries
from storage.models import Engagement, Pulse
from storage.published import publish, published

logger = logging.getLogger(__name__)
HISTORY = 6  # enough closed pulses for the decline rule's look-back


def thresholds_of(engagement: Engagement | Pulse) -> Thresholds:
    """The alert settings of an engagement now, or of a pulse as it opened with them."""
    return Thresholds(
        client_tolerance=engagement.client_tolerance,
        provider_tolerance=engagement.provider_tolerance,
        gap=engagement.gap_threshold,
        anonymity_min=engagement.anonymity_min,
    )


def pulse_figures(session: Session, pulses: Sequence[Pulse]) -> dict[int, PulseFigures]:
    """Both sides' figures for each closed pulse, as stored when it closed; never recomputed."""
    return published(session, [p.id for p in pulses])


@dataclass(frozen=True, slots=True)
class Evaluation:
    pulse: Pulse
    figures: PulseFigures
    previous: PulseFigures | None
    findings: list[Finding]
    changes: list[AlertChange]
    message_ids: list[int] = field(default_factory=list)
    """The grouped channel messages this close changed."""


def load_pulses(session: Session, pulse_ids: Sequence[int]) -> list[Pulse]:
    """Pulses with their engagements, in one statement, in the order asked for."""
    stmt = select(Pulse).options(joinedload(Pulse.engagement)).where(Pulse.id.in_(pulse_ids))
    found = {pulse.id: pulse for pulse in session.scalars(stmt)}
    return [found[pulse_id] for pulse_id in pulse_ids if pulse_id in found]


def close_pulses(session: Session, pulse_ids: Sequence[int], now: datetime) -> list[Evaluation]:
    """Close the pulses still open among these and evaluate each, in the caller's transaction.

    A conditional UPDATE closes each, so two closers (a lead and the clock, or two
    clocks) cannot both close, evaluate and post the same alerts. Each pulse gets its
    own savepoint: one whose evaluation fails is rolled back alone, stays open, and is
    tried again at the next tick, while the others are kept.
    """
    evaluations = []
    for pulse in load_pulses(session, pulse_ids):
        try:
            with session.begin_nested():
                if not pulse_queries.mark_closed(session, pulse.id, now):
                    continue
                set_committed_value(pulse, "status", "closed")
                set_committed_value(pulse, "closed_at", now)
                evaluations.append(evaluate_pulse(session, pulse, now))
        except Exception:
            logger.exception("pulse %s: evaluation failed; it stays open and is retried", pulse.id)
    return evaluations


def evaluate_pulses(session: Session, pulses: Sequence[Pulse], now: datetime) -> list[Evaluation]:
    """Evaluate closed pulses again (after a change of settings, say), a savepoint each."""
    evaluations = []
    for pulse in pulses:
        with session.begin_nested():
            evaluations.append(evaluate_pulse(session, pulse, now))
    return evaluations


def close_pulse(session: Session, pulse: Pulse, now: datetime) -> Evaluation | None:
    """Close one open pulse and evaluate it; None if someone else closed it first."""
    found = close_pulses(session, [pulse.id], now)
    return found[0] if found else None


def evaluate_pulse(session: Session, pulse: Pulse, now: datetime) -> Evaluation:
    """Run every rule on a closed pulse and open, update or resolve alerts to match.

    The pulse's figures are published here, once, with the settings it opened with;
    the earlier pulses' figures are read as they were published.
    """
    engagement = pulse.engagement
    thresholds = thresholds_of(pulse)
    earlier = alert_queries.closed_pulse_ids_before(session, pulse, HISTORY)
    figures = published(session, earlier)
    figures[pulse.id] = publish(session, pulse.id, pulse.anonymity_min)
    history = [figures[pulse_id] for pulse_id in earlier if pulse_id in figures]
    stored = alert_queries.latest_sla_status(session, engagement.id)
    status: SlaStatus | None = stored if stored in ("green", "amber", "red") else None  # type: ignore[assignment]
    # What is stored for the shared channel (figures line, trends, reasons) is written
    # in the engagement's language, whoever closes the pulse.
    with reading_as(engagement.language):
        findings = evaluate(figures[pulse.id], history, status, thresholds)
        previous = history[-1] if history else None
        details = details_text(figures[pulse.id], previous)
        close = Close(figures[pulse.id], history, status, thresholds, details)
        done = reconcile(session, engagement, pulse, findings, now, close)
    pulse.evaluated_at = now
    return Evaluation(pulse, figures[pulse.id], previous, findings, done.changes, done.message_ids)
