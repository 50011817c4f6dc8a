"""Closing a pulse end to end: close, evaluate, then tell the shared channel.

The close itself posts nothing: it queues its alert messages (a post, or an update in
place) and thread posts in the outbox, in its own transaction. Without workers they are
posted right after it; with workers (`JOB_QUEUE=postgres`) each is a job of its own.
`/rapport close` then enqueues the close for a worker, waits (on web's background pool,
holding no worker) until that job is done and its messages' first posts were tried, and
tells the lead what the workers recorded: the figures stored at the close, each alert's
step at this pulse, and whether its channel message is there, queued, waiting, or refused.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.alerts.lifecycle import Change
from bot.domain.errors import Refused
from bot.domain.people import Caller
from bot.domain.retries import BASE, Timing
from bot.services import job_queue
from bot.services.delivery.alert_posts import PublishReport, publish, queue_for_channel
from bot.services.delivery.ladder_posts import send_ladder_posts
from bot.services.engagements import choose, require_lead
from bot.services.evaluation import Evaluation, close_pulses, pulse_figures, thresholds_of
from bot.services.job_queue import JobQueue
from bot.services.messenger import Messenger
from bot.services.runtime import Runtime
from bot.views.alert_finding import figures_line
from storage import alert_posts
from storage import pulses as pulse_queries
from storage.db import Database
from storage.models import Alert, AlertMessage, AlertStep, Pulse

logger = logging.getLogger(__name__)
# Pulses closed in one transaction: the commit is shared, each keeps its own savepoint.
CLOSE_BATCH = 50
# With workers: how often `/rapport close` looks whether its close job is done.
CLOSE_POLL_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class Closed:
    """One closed pulse: its evaluation, both sides' figures in a line, and what was posted."""

    evaluation: Evaluation
    figures: str
    published: PublishReport


def close_and_publish(
    database: Database,
    messenger: Messenger,
    pulse_id: int,
    now: Callable[[], datetime],
    retry_base: timedelta = BASE,
) -> Closed | None:
    """Close the pulse (once, whoever asks first) and publish what changed.

    None when the pulse was already closed.
    """
    closed = close_many_and_publish(database, messenger, [pulse_id], now, retry_base)
    return closed[0] if closed else None


def close_many_and_publish(
    database: Database,
    messenger: Messenger,
    pulse_ids: Sequence[int],
    now: Callable[[], datetime],
    retry_base: timedelta = BASE,
    follow_up: Callable[[], object] | None = None,
) -> list[Closed]:
    """Close and evaluate pulses in one transaction, queueing what the shared channels
    are to show (`queue_for_channel`); then hand that on.

    `follow_up` hands on the alert messages and thread posts the close queued (with
    workers, it enqueues them, one job each, and nothing is posted here); by default
    they are posted here, and what became of each message is in `Closed.published`.
    """
    at = now()
    with database.unit_of_work() as session:
        results = []
        for evaluation in close_pulses(session, pulse_ids, at):
            queue_for_channel(session, evaluation.message_ids, evaluation.changes, at)
            summary = figures_line(evaluation.figures, thresholds_of(evaluation.pulse))
            results.append((evaluation, summary))
    if follow_up is not None:
        try:
            follow_up()
        except Exception:
            logger.exception("posts after a close not handed on; the clock enqueues them")
        return [Closed(evaluation, summary, PublishReport()) for evaluation, summary in results]
    timing = Timing(retry_base)
    closed = [
        Closed(
            evaluation,
            summary,
            publish(database, messenger, evaluation.message_ids, now(), timing),
        )
        for evaluation, summary in results
    ]
    try:
        # The resolutions just queued go now; any that fail are retried by the clock.
        send_ladder_posts(database, messenger, now(), timing)
    except Exception:
        logger.exception("follow-up posts after a close failed; the clock retries them")
    return closed


@dataclass(frozen=True, slots=True)
class CloseReport:
    """What closing a pulse now did, for the lead who asked."""

    engagement: str
    figures: str
    alert_changes: dict[Change, int]
    """How many alerts each kind of change touched: opened, worse, better, same, resolved."""
    published: PublishReport


def close_now(container: Runtime, caller: Caller, engagement_name: str | None) -> CloseReport:
    """Close the caller's open pulse now (leads only), evaluate it and post what changed.

    Raises:
        Refused: when no pulse is open (or someone else closed it first).
    """
    with container.database.reading() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        pulse = pulse_queries.open_pulse(session, engagement.id)
        name = engagement.name
    if container.queue is not None and pulse is not None:
        return _closed_by_workers(container, container.queue, pulse.id, name)
    retry_base = timedelta(seconds=container.settings.retry_base_seconds)
    closed = (
        None
        if pulse is None
        else close_and_publish(
            container.database, container.messenger, pulse.id, container.now, retry_base
        )
    )
    if closed is None:
        raise Refused(reply_text.NO_OPEN_PULSE.format(engagement=name))
    changes = dict(Counter(c.change for c in closed.evaluation.changes))
    return CloseReport(name, closed.figures, changes, closed.published)


def _closed_by_workers(
    container: Runtime, queue: JobQueue, pulse_id: int, engagement: str
) -> CloseReport:
    """With workers: enqueue the close, wait until no close job holds the pulse any more,
    and report what was recorded (a pulse that is still open was not closed: say so).

    Raises:
        Refused: telling the lead the close is queued, when no worker took it within
            `WORKERS_WAIT_SECONDS` (it runs once one does).
    """
    queue.close_pulses([pulse_id])
    give_up = time.monotonic() + job_queue.WORKERS_WAIT_SECONDS
    while pulse_id in queue.waiting_closes():
        if time.monotonic() > give_up:
            minutes = max(1, round(job_queue.WORKERS_WAIT_SECONDS / 60))
            raise Refused(reply_text.CLOSE_QUEUED.format(engagement=engagement, minutes=minutes))
        if container.stopping.wait(CLOSE_POLL_SECONDS):
            break
    # Each alert message's post is a job of its own: give the workers the same while to
    # try it, and say "queued" of one still waiting then.
    while time.monotonic() <= give_up and _posts_queued(container.database, pulse_id):
        if container.stopping.wait(CLOSE_POLL_SECONDS):
            break
    with container.database.reading() as session:
        pulse = session.get_one(Pulse, pulse_id)
        figures = pulse_figures(session, [pulse]).get(pulse_id)
        if pulse.status == "open" or figures is None:
            raise RuntimeError(f"pulse {pulse_id} was not closed by its job")
        summary = figures_line(figures, thresholds_of(pulse))
        changes, published = _recorded(session, pulse_id)
    return CloseReport(engagement, summary, changes, published)


def _recorded(session: Session, pulse_id: int) -> tuple[dict[Change, int], PublishReport]:
    """What a close recorded: each alert's change at this pulse, and where each of their
    channel messages stands (posted, queued for its first post, waiting for a retry, or
    refused and DMed to the leads)."""
    steps = session.execute(
        select(AlertStep.change, Alert.message_id)
        .join(Alert, Alert.id == AlertStep.alert_id)
        .where(AlertStep.pulse_id == pulse_id)
        .order_by(AlertStep.id)
    ).all()
    changes: Counter[Change] = Counter(cast("Change", change) for change, _ in steps)
    report = PublishReport()
    for message_id in sorted({m for _, m in steps if m is not None}):
        message = session.get_one(AlertMessage, message_id)
        if message.message_ts is not None:
            report.posted += 1
        elif message.post_error is None and message.next_post_at is not None:
            report.queued += 1
        elif message.post_error is None:
            continue  # nothing to post (every finding resolved before it was)
        elif message.next_post_at is not None:
            report.waiting[message_id] = message.post_error
        else:
            report.refused[message_id] = message.post_error
    return dict(changes), report


def _message_ids(session: Session, pulse_id: int) -> list[int]:
    """The messages holding the alerts this pulse's close stepped."""
    found = session.scalars(
        select(Alert.message_id)
        .join(AlertStep, AlertStep.alert_id == Alert.id)
        .where(AlertStep.pulse_id == pulse_id, Alert.message_id.is_not(None))
    )
    return sorted({m for m in found if m is not None})


def _posts_queued(database: Database, pulse_id: int) -> bool:
    """Whether a message of this close still waits for its first post (or is being made)."""
    with database.reading() as session:
        return alert_posts.queued_posts(session, _message_ids(session, pulse_id)) > 0
