"""What a worker's job runs, and how the clock hands items to the workers
(`JOB_QUEUE=postgres`; the adapter is `bot/wiring/job_queue.py`).

Each job goes through the same code the clock runs without workers: one outbox item
through the outbox's loop step, one batch of closes, the weekly digests due.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from bot.services.closing import CLOSE_BATCH, close_many_and_publish
from bot.services.delivery import outbox
from bot.services.delivery.alert_posts import ALERT_MESSAGES
from bot.services.delivery.ladder_posts import LADDER_POSTS
from bot.services.delivery.reminders import REMINDERS
from bot.services.digest.weekly import send_due_digests
from bot.services.job_queue import JobQueue
from bot.services.runtime import Runtime

# The outbox kinds a worker delivers one item at a time, by the name its jobs carry.
OUTBOX: Mapping[str, outbox.OutboxKind[Any]] = {
    "reminder": REMINDERS,
    "ladder": LADDER_POSTS,
    "alert": ALERT_MESSAGES,
}


def enqueue_outbox(container: Runtime, queue: JobQueue, kind: str) -> int:
    """Hand every due item of one outbox kind to the workers, one job per item (none for
    an item whose job still waits). Returns how many jobs were enqueued."""
    due = outbox.due_items(container.database, OUTBOX[kind], container.now())
    return queue.deliver(kind, due)


def deliver_item(container: Runtime, kind: str, item_id: int, seen: datetime | None) -> bool:
    """The queue's job: claim one outbox item and deliver it, through the outbox's loop
    step (`outbox.deliver_one`). Whether this job delivered it (False when another
    process has it, or it was settled meanwhile)."""
    item = (item_id, seen)
    result = outbox.deliver_one(
        container.database,
        container.messenger,
        OUTBOX[kind],
        item,
        container.now(),
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
    """The queue's job: close, evaluate and publish a batch of pulses (each only once,
    whoever asks first); the ladder posts that queued are enqueued, not sent here."""
    follow_up = None
    if container.queue is not None:
        follow_up = partial(enqueue_outbox, container, container.queue, "ladder")
    closed = close_many_and_publish(
        container.database,
        container.messenger,
        pulse_ids,
        container.now,
        retry_base(container),
        follow_up,
    )
    return len(closed)


def send_digests_now(container: Runtime) -> int:
    """Send the weekly digests that are due, here (the worker's job, or the clock's step
    without workers); each sponsor's digest is claimed once, whoever runs this."""
    return send_due_digests(
        container.database,
        container.messenger,
        container.now(),
        retry_base(container),
        timedelta(seconds=container.settings.stale_sending_seconds),
    )


def retry_base(container: Runtime) -> timedelta:
    return timedelta(seconds=container.settings.retry_base_seconds)


def timing(container: Runtime) -> tuple[timedelta, timedelta]:
    """(the retry base, the lease a claim holds)."""
    return retry_base(container), timedelta(seconds=container.settings.stale_sending_seconds)
