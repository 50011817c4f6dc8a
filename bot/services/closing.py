"""Closing a pulse end to end: close, evaluate, then tell the shared channel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from slack_sdk import WebClient

from bot.domain import catalogue
from bot.domain.alerts import Change
from bot.domain.errors import Refused
from bot.domain.people import Caller
from bot.services.container import Container
from bot.services.engagements import choose, require_lead
from bot.services.evaluation import Evaluation, close_pulses, thresholds_of
from bot.slack.alert_publisher import publish
from bot.slack.alert_view import figures_line
from storage import pulses as pulse_queries
from storage.db import Database


def close_and_publish(
    database: Database, client: WebClient, pulse_id: int, now: Callable[[], datetime]
) -> tuple[Evaluation, str] | None:
    """Close the pulse (once, whoever asks first) and publish what changed.

    Returns the evaluation and a one-line summary of both sides' figures, or None
    when the pulse was already closed.
    """
    closed = close_many_and_publish(database, client, [pulse_id], now)
    return closed[0] if closed else None


def close_many_and_publish(
    database: Database, client: WebClient, pulse_ids: Sequence[int], now: Callable[[], datetime]
) -> list[tuple[Evaluation, str]]:
    """Close and evaluate pulses in one transaction, then tell each shared channel."""
    with database.unit_of_work() as session:
        results = [
            (
                evaluation,
                figures_line(evaluation.figures, thresholds_of(evaluation.pulse)),
            )
            for evaluation in close_pulses(session, pulse_ids, now())
        ]
    for evaluation, summary in results:
        publish(database, client, evaluation.changes, summary)
    return results


@dataclass(frozen=True, slots=True)
class CloseReport:
    """What closing a pulse now did, for the lead who asked."""

    engagement: str
    figures: str
    alert_changes: dict[Change, int]
    """How many alerts each kind of change touched: opened, worse, better, same, resolved."""


def close_now(container: Container, caller: Caller, engagement_name: str | None) -> CloseReport:
    """Close the caller's open pulse now (leads only), evaluate it and post what changed.

    Raises:
        Refused: when no pulse is open (or someone else closed it first).
    """
    with container.database.reading() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        pulse = pulse_queries.open_pulse(session, engagement.id)
        name = engagement.name
    closed = (
        None
        if pulse is None
        else close_and_publish(container.database, container.client, pulse.id, container.now)
    )
    if closed is None:
        raise Refused(catalogue.NO_OPEN_PULSE.format(engagement=name))
    evaluation, figures = closed
    return CloseReport(name, figures, dict(Counter(c.change for c in evaluation.changes)))
