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
from storage.models import Alert, Engagement, Pulse
from storage.published import Publication, latest_sla_statuses, prepare, published, store

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

    One conditional UPDATE closes them, so two closers (a lead and the clock, or two
    clocks) cannot both close, evaluate and post the same alerts. Each pulse is
    evaluated in its own savepoint: one whose evaluation fails is rolled back alone,
    opened again, and tried again at the next tick, while the others are kept.
    """
    pulses = load_pulses(session, pulse_ids)
    closed = pulse_queries.mark_closed_many(session, [pulse.id for pulse in pulses], now)
    mine = [pulse for pulse in pulses if pulse.id in closed]
    for pulse in mine:
        set_committed_value(pulse, "status", "closed")
        set_committed_value(pulse, "closed_at", now)
    return _evaluate(session, mine, now, reopen_failed=True)


def evaluate_pulses(session: Session, pulses: Sequence[Pulse], now: datetime) -> list[Evaluation]:
    """Evaluate closed pulses again (after a change of settings, say), a savepoint each."""
    return _evaluate(session, pulses, now, reopen_failed=False)


def close_pulse(session: Session, pulse: Pulse, now: datetime) -> Evaluation | None:
    """Close one open pulse and evaluate it; None if someone else closed it first."""
    found = close_pulses(session, [pulse.id], now)
    return found[0] if found else None


def evaluate_pulse(session: Session, pulse: Pulse, now: datetime) -> Evaluation:
    """Run every rule on a closed pulse and open, update or resolve alerts to match.

    The pulse's figures are published here, once, with the settings it opened with;
    the earlier pulses' figures are read as they were published.
    """
    return _evaluate(session, [pulse], now, reopen_failed=False)[0]


def _prepare(session: Session, minimums: dict[int, int]) -> dict[int, Publication]:
    """What the batch's fresh closes publish, read together; {} if that fails.

    A pulse left out is then prepared alone in its own savepoint, so one bad pulse
    cannot hold back the others' closes.
    """
    if not minimums:
        return {}
    try:
        with session.begin_nested():
            return prepare(session, minimums)
    except Exception:
        logger.exception(
            "pulses %s: publishing together failed; each is tried alone", sorted(minimums)
        )
        return {}


@dataclass(slots=True)
class _Batch:
    """What a batch of closes reads together, before any pulse is evaluated."""

    earlier: dict[int, list[int]]
    """Each pulse's look-back: the ids of the closed pulses before it, oldest first."""
    figures: dict[int, PulseFigures]
    """Published figures: the look-backs', then each pulse's once evaluated."""
    fresh: dict[int, int]
    """The pulses still to publish, with their anonymity minimum."""
    prepared: dict[int, Publication]
    sla: dict[int, str | None]
    """The latest SLA status of each engagement."""
    live: dict[int, list[Alert]] | None = None
    """Each engagement's unresolved alerts, kept current close by close; None once a
    failed batch was rolled back (each close then reads its own)."""


def _evaluate(
    session: Session, pulses: Sequence[Pulse], now: datetime, *, reopen_failed: bool
) -> list[Evaluation]:
    """Evaluate closed pulses, reading what they need a statement per kind for all of them.

    The look-back ids, the earlier figures, the SLA statuses and what each fresh close
    publishes are read once for the batch; the rules and alerts then run pulse by pulse,
    and the publications of those evaluated are stored together. A close therefore
    costs its own rows and a share of a few statements, however many engagements there
    are. With ``reopen_failed``, a pulse whose evaluation fails is rolled back alone and
    opened again; otherwise the failure is raised.
    """
    if not pulses:
        return []
    earlier = pulse_queries.closed_ids_before(session, pulses, HISTORY)
    figures = published(
        session, sorted({i for ids in earlier.values() for i in ids} | {p.id for p in pulses})
    )
    fresh = {pulse.id: pulse.anonymity_min for pulse in pulses if pulse.id not in figures}
    batch = _Batch(
        earlier,
        figures,
        fresh,
        _prepare(session, fresh),
        latest_sla_statuses(session, sorted({pulse.engagement_id for pulse in pulses})),
        alert_queries.live_of(session, sorted({pulse.engagement_id for pulse in pulses})),
    )
    kept = dict(figures)
    try:
        # Almost every tick has no failing close: one savepoint for the batch spares each
        # close two round trips. If one fails, the batch is rolled back and each is tried
        # in its own savepoint, so only the failing one is left out.
        with session.begin_nested():
            results = [_evaluate_one(session, pulse, batch, now) for pulse in pulses]
    except Exception:
        if not reopen_failed:
            raise
        batch.figures = kept
        batch.live = None
        results = [
            result
            for pulse in pulses
            if (result := _evaluate_alone(session, pulse, batch, now)) is not None
        ]
    store(session, [publication for _, publication in results if publication is not None])
    evaluations = [evaluation for evaluation, _ in results]
    pulse_queries.mark_evaluated(session, [e.pulse.id for e in evaluations], now)
    for evaluation in evaluations:
        set_committed_value(evaluation.pulse, "evaluated_at", now)
    return evaluations


def _evaluate_alone(
    session: Session, pulse: Pulse, batch: _Batch, now: datetime
) -> tuple[Evaluation, Publication | None] | None:
    """One close in its own savepoint; None, and the pulse opened again, if it fails."""
    try:
        with session.begin_nested():
            return _evaluate_one(session, pulse, batch, now)
    except Exception:
        logger.exception("pulse %s: evaluation failed; it stays open and is retried", pulse.id)
    pulse_queries.reopen(session, pulse.id)
    set_committed_value(pulse, "status", "open")
    set_committed_value(pulse, "closed_at", None)
    return None


def _evaluate_one(
    session: Session, pulse: Pulse, batch: _Batch, now: datetime
) -> tuple[Evaluation, Publication | None]:
    """Run every rule on one closed pulse and open, update or resolve alerts to match.

    Returns the evaluation and, for a pulse not yet published, what it publishes: the
    caller stores it.
    """
    publication: Publication | None = None
    if pulse.id in batch.fresh:
        publication = (
            batch.prepared.get(pulse.id)
            or prepare(session, {pulse.id: pulse.anonymity_min})[pulse.id]
        )
    figures = publication.figures if publication is not None else batch.figures[pulse.id]
    history = [batch.figures[i] for i in batch.earlier[pulse.id] if i in batch.figures]
    engagement = pulse.engagement
    thresholds = thresholds_of(pulse)
    stored = batch.sla.get(engagement.id)
    status: SlaStatus | None = stored if stored in ("green", "amber", "red") else None  # type: ignore[assignment]
    # What is stored for the shared channel (figures line, trends, reasons) is written
    # in the engagement's language, whoever closes the pulse.
    with reading_as(engagement.language):
        findings = evaluate(figures, history, status, thresholds)
        previous = history[-1] if history else None
        details = details_text(figures, previous)
        close = Close(figures, history, status, thresholds, details)
        live = None if batch.live is None else batch.live[engagement.id]
        done = reconcile(session, engagement, pulse, findings, now, close, live)
    if batch.live is not None:
        batch.live[engagement.id] = done.live
    # A later pulse of the same engagement in this batch looks back on this one.
    batch.figures[pulse.id] = figures
    evaluation = Evaluation(pulse, figures, previous, findings, done.changes, done.message_ids)
    return evaluation, publication
