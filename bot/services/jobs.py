"""What the clock does each tick: open due pulses, send, remind, close, send digests.

With workers (`JOB_QUEUE=postgres`) each step that talks to Slack only decides what is
due and enqueues it (`bot/services/job_queue.py`): one job per outbox item (a reminder, a
ladder post, an alert message to post or update, one sponsor's weekly digest), one per
batch of pulses to close; the workers run them through the same code
(`bot/services/worker_jobs.py`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.errors import Refused
from bot.domain.schedule import Schedule, ScheduleError, due_between, parse_schedule
from bot.services.closing import CLOSE_BATCH, close_and_publish, close_many_and_publish
from bot.services.delivery.alert_posts import retry_posts
from bot.services.delivery.ladder_posts import send_ladder_posts
from bot.services.delivery.reminders import send_due_reminders
from bot.services.ladder import raise_due
from bot.services.pulses import open_pulse
from bot.services.runtime import Runtime
from bot.services.sending import deliver_now, enqueue_due
from bot.services.worker_jobs import (
    enqueue_closes,
    enqueue_digests,
    enqueue_outbox,
    retry_base,
    send_digests_now,
    timing,
)
from storage import deliveries as delivery_queries
from storage import pulses as queries
from storage import reminders as reminder_queries
from storage.models import Engagement

logger = logging.getLogger(__name__)


def open_due_pulses(container: Runtime, noted: set[tuple[int, datetime]] | None = None) -> int:
    """Open the pulse of every engagement whose scheduled time has come.

    Only the latest due slot within the grace period is opened (a restart after a
    short outage sends the missed pulse once); slots missed by longer are skipped
    and logged, never sent in a burst. The (engagement, slot) unique constraint makes
    a second clock's attempt a no-op.
    """
    now = container.now()
    grace = timedelta(hours=container.settings.grace_hours)
    seen = noted if noted is not None else set()
    opened = 0
    with container.database.reading() as session:
        engagements = [
            (e.id, e.schedule, e.timezone, e.created_at)
            for e in session.scalars(select(Engagement).where(Engagement.archived_at.is_(None)))
        ]
    for engagement_id, schedule_text, tz, created_at in engagements:
        try:
            schedule = parse_schedule(schedule_text)
            with container.database.reading() as session:
                last = queries.latest_scheduled(session, engagement_id) or created_at
            due = due_between(schedule, tz, max(last, now - grace), now)
            _log_skipped(
                engagement_id,
                schedule,
                tz,
                last,
                now - grace,
                seen,
            )
        except ScheduleError as error:
            logger.error(
                "engagement %s has an unusable schedule %r: %s", engagement_id, schedule_text, error
            )
            continue
        try:
            if due and _open_slot(container, engagement_id, due[-1], now, seen):
                opened += 1
        except Exception:
            # One engagement's trouble (a failed close, a database hiccup) must not keep
            # the others' pulses from opening; the slot is tried again next tick.
            logger.exception("engagement %s: could not open its scheduled pulse", engagement_id)
    return opened


def _log_skipped(
    engagement_id: int,
    schedule: Schedule,
    tz: str,
    last: datetime,
    horizon: datetime,
    noted: set[tuple[int, datetime]],
) -> None:
    """Say once (per process) which slots were missed by more than the grace period."""
    if last >= horizon:
        return
    missed = due_between(schedule, tz, last, horizon)
    if missed and (engagement_id, missed[-1]) not in noted:
        noted.add((engagement_id, missed[-1]))
        logger.warning(
            "engagement %s: %d pulse(s) due between %s and %s were missed by more than the grace "
            "period and are skipped",
            engagement_id,
            len(missed),
            missed[0].isoformat(),
            missed[-1].isoformat(),
        )


def _open_slot(
    container: Runtime,
    engagement_id: int,
    due: datetime,
    now: datetime,
    noted: set[tuple[int, datetime]],
) -> bool:
    with container.database.reading() as session:
        if queries.slot_taken(session, engagement_id, due):
            return False
        previous = queries.open_pulse(session, engagement_id)
    if previous is not None and previous.scheduled_for is not None and previous.scheduled_for < due:
        # The next scheduled pulse is due: the last one's window ends now.
        if container.queue is not None:
            # A worker closes it; this slot opens at a later tick, once it has.
            enqueue_closes(container.queue, [previous.id])
            return False
        close_and_publish(
            container.database,
            container.messenger,
            previous.id,
            container.now,
            retry_base(container),
        )
    with container.database.unit_of_work() as session:
        if queries.slot_taken(session, engagement_id, due):
            return False
        engagement = session.get_one(Engagement, engagement_id)
        try:
            with session.begin_nested():
                pulse = open_pulse(
                    session, engagement, started_by="schedule", now=now, scheduled_for=due
                )
        except Refused as refusal:
            # Nobody to ask, or the last pulse is still open: the slot stays free and is
            # tried again at each tick while it is within the grace period.
            if (engagement_id, due) not in noted:
                noted.add((engagement_id, due))
                logger.info(
                    "engagement %s: pulse due %s not opened yet: %s", engagement_id, due, refusal
                )
            return False
        logger.info(
            "engagement %s: opened pulse %s for %s", engagement_id, pulse.id, due.isoformat()
        )
        return True


def send_pending(container: Runtime) -> int:
    """Send every DM still waiting, including those a crashed sender left behind; with
    workers (`JOB_QUEUE=postgres`), enqueue them for the workers instead."""
    if container.queue is not None:
        return enqueue_due(container, container.queue)
    with container.database.reading() as session:
        pulse_ids = [
            p.id
            for p in queries.open_pulses(session)
            if delivery_queries.has_pending(session, p.id)
        ]
    sent = 0
    for pulse_id in pulse_ids:
        result = deliver_now(container, pulse_id)
        sent += result.sent + result.recovered + len(result.retrying)
    return sent


def send_reminders(container: Runtime) -> int:
    """One thread reply on the pulse DM of everyone who has not answered and is not away:
    queued once per pulse when its reminder time comes, then sent, checked and retried
    (`bot/services/delivery/reminders.py`) until each is in its thread or the pulse closes."""
    now = container.now()
    with container.database.reading() as session:
        due = [
            p.id
            for p in queries.open_pulses(session)
            if p.remind_at is not None and p.remind_at <= now and p.reminded_at is None
        ]
    for pulse_id in due:
        with container.database.unit_of_work() as session:
            reminder_queries.queue(session, pulse_id, now)
    if container.queue is not None:
        return enqueue_outbox(container, container.queue, "reminder")
    return send_due_reminders(container.database, container.messenger, now, timing(container))


def close_due_pulses(container: Runtime) -> int:
    """Close every pulse whose window has ended, evaluate them together, post what changed."""
    now = container.now()
    with container.database.reading() as session:
        due = [p.id for p in queries.open_pulses(session) if p.closes_at <= now]
    if container.queue is not None:
        return enqueue_closes(container.queue, due)
    closed = 0
    for start in range(0, len(due), CLOSE_BATCH):
        batch = due[start : start + CLOSE_BATCH]
        closed += len(
            close_many_and_publish(
                container.database,
                container.messenger,
                batch,
                container.now,
                retry_base(container),
            )
        )
    return closed


def retry_alert_posts(container: Runtime) -> int:
    """Post or update the alert messages that are due: those a close queued and left (its
    process died first), and those whose try failed uncertainly (a post after a look)."""
    if container.queue is not None:
        return enqueue_outbox(container, container.queue, "alert")
    return retry_posts(container.database, container.messenger, container.now(), timing(container))


def refresh_tokens(container: Runtime) -> int:
    """Distributed mode: refresh every installation's token that is due, each under its
    lock, before the tick's sends; a token refreshed elsewhere meanwhile is left alone."""
    if container.installations is None:
        return 0
    return container.installations.refresh_all()


def climb_ladder(container: Runtime) -> int:
    """Re-raise and escalate the findings that are due, then send what that queued."""
    now = container.now()
    claimed = raise_due(container.database, now)
    if container.queue is not None:
        return claimed + enqueue_outbox(container, container.queue, "ladder")
    return claimed + send_ladder_posts(
        container.database, container.messenger, now, timing(container)
    )


def send_digests(container: Runtime) -> int:
    """Claim the weekly digests that are due and send them (`bot/services/digest/weekly.py`);
    with workers, enqueue one job per sponsor's digest instead, at most one waiting each."""
    if container.queue is not None:
        return enqueue_digests(container, container.queue)
    return send_digests_now(container)


def retry_stalled_jobs(container: Runtime) -> int:
    """With workers: put back in the queue the jobs a worker took and died with (no
    heartbeat); each claims its item again, so one that was done is a no-op."""
    if container.queue is None:
        return 0
    return container.queue.retry_stalled()
