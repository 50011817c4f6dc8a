"""Closing a pulse end to end: close, evaluate, then tell the shared channel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from slack_sdk import WebClient

from bot.alert_blocks import figures_line
from bot.alert_publisher import publish
from bot.evaluation import Evaluation, close_pulse, thresholds_of
from storage.db import Database
from storage.models import Pulse


def close_and_publish(
    database: Database, client: WebClient, pulse_id: int, now: Callable[[], datetime]
) -> tuple[Evaluation, str] | None:
    """Close the pulse (once, whoever asks first) and publish what changed.

    Returns the evaluation and a one-line summary of both sides' figures, or None
    when the pulse was already closed.
    """
    with database.unit_of_work() as session:
        pulse = session.get_one(Pulse, pulse_id)
        evaluation = close_pulse(session, pulse, now())
        if evaluation is None:
            return None
        summary = figures_line(evaluation.figures, thresholds_of(pulse.engagement))
    publish(database, client, evaluation.changes, summary)
    return evaluation, summary
