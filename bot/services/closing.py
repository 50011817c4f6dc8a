"""Closing a pulse end to end: close, evaluate, then tell the shared channel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_sdk import WebClient

from bot.services.evaluation import Evaluation, close_pulses, thresholds_of
from bot.slack.alert_publisher import publish
from bot.slack.alert_view import figures_line
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
                figures_line(evaluation.figures, thresholds_of(evaluation.pulse.engagement)),
            )
            for evaluation in close_pulses(session, pulse_ids, now())
        ]
    for evaluation, summary in results:
        publish(database, client, evaluation.changes, summary)
    return results
