"""What a worker's job runs, and how the clock hands items to the workers
(`JOB_QUEUE=postgres`; the adapter is `bot/wiring/job_queue.py`).

Each job goes through the same code the clock runs without workers: one outbox item
(a reminder, a ladder post, an alert message, one sponsor's weekly digest) through the
outbox's loop step, or one batch of closes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from bot.domain.retries import Timing
from bot.services.closing import CLOSE_BATCH, close_many_and_publish
from bot.services.delivery import outbox
from bot.services.delivery.alert_posts import ALERT_MESSAGES
from bot.services.delivery.ladder_posts import LADDER_POSTS
from bot.services.delivery.reminders import REMINDERS
from bot.services.digest import portfolio_weekly, weekly
from bot.services.job_queue import JobQueue
from bot.services.runtime import Runtime
from storage.db import Database

# The outbox kinds a worker delivers one item at a time, by the name its jobs carry.
OUTBOX: Mapping[str, outbox.OutboxKind[Any]] = {
    "reminder": REMINDERS,
    "ladder": LADDER_POSTS,
    "alert": ALERT_MESSAGES,
}
# The kinds whose items are drawn when they are taken (a weekly digest, in its reader's
# language, as of the moment it is sent): built for the process and moment that runs them.
DRAWN: Mapping[str, Callable[[Database, datetime], outbox.OutboxKind[Any]]] = {
    "digest": weekly.outbox_kind,
    "portfolio_digest": portfolio_weekly.outbox_kind,
}


def outbox_kind(container: Runtime, kind: str, now: datetime) -> outbox.OutboxKind[Any]:
    """The outbox kind a job or the clock names, as this process delivers it at `now`."""
    if kind in DRAWN:
        return DRAWN[kind](container.database, now)
    return OUTBOX[kind]


def enqueue_outbox(container: Runtime, queue: JobQueue, kind: str) -> int:
    """Hand every due item of one outbox kind to the workers, one job per item (none for
    an item whose job still waits). Returns how many jobs were enqueued."""
    now = container.now()
    due = outbox.due_items(container.database, outbox_kind(container, kind, now), now)
    return queue.deliver(kind, due)


def deliver_item(container: Runtime, kind: str, item_id: int, seen: datetime | None) -> bool:
    """The queue's job: claim one outbox item and deliver it, through the outbox's loop
    step (`outbox.deliver_one`). Whether this job delivered it (False when another
    process has it, or it was settled meanwhile)."""
    item, now = (item_id, seen), container.now()
    result = outbox.deliver_one(
        container.database,
        container.messenger,
        outbox_kind(container, kind, now),
        item,
        now,
        timing(container),
    )
    return result is not None


def enqueue_closes(queue: JobQueue, due: list[int]) -> int:
    """Hand the pulses whose window has ended to the workers, `CLOSE_BATCH` per job,
    leaving out those a close job already holds. Returns how many pulses were handed."""
    held = queue.waiting_closes()
    left = [pulse_id for pulse_id in due if pulse_id not in held]
    for start in range(0, len(left), CLOSE_BATCH):
        queue.close_pulses(left[start : start + CLOSE_BATCH])
    return len(left)


def close_batch(container: Runtime, pulse_ids: list[int]) -> int:
    """The queue's job: close and evaluate a batch of pulses (each only once, whoever asks
    first). It makes no Slack call: the alert messages and thread posts the close queued
    are enqueued, one job each."""
    follow_up = None
    if container.queue is not None:
        follow_up = partial(_enqueue_after_close, container, container.queue)
    closed = close_many_and_publish(
        container.database,
        container.messenger,
        pulse_ids,
        container.now,
        retry_base(container),
        follow_up,
    )
    return len(closed)


def enqueue_digests(container: Runtime, queue: JobQueue) -> int:
    """Claim the weekly digests that are due and hand each claim to the workers, one job
    per sponsor's digest (none for a claim whose job still waits). Returns how many."""
    weekly.claim_due_digests(container.database, container.now())
    return sum(enqueue_outbox(container, queue, kind) for kind in DRAWN)


def _enqueue_after_close(container: Runtime, queue: JobQueue) -> int:
    return sum(enqueue_outbox(container, queue, kind) for kind in ("alert", "ladder"))


def send_digests_now(container: Runtime) -> int:
    """Claim and send here the weekly digests that are due (the clock's step without
    workers), through the same outbox kinds the workers' jobs use."""
    return weekly.send_due_digests(
        container.database, container.messenger, container.now(), timing(container)
    )


def retry_base(container: Runtime) -> timedelta:
    return timedelta(seconds=container.settings.retry_base_seconds)


def timing(container: Runtime) -> Timing:
    """How this process tries its outbox items: its settings' retry base and lease."""
    return Timing(
        retry_base(container), timedelta(seconds=container.settings.stale_sending_seconds)
    )
