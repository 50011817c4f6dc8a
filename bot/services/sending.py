"""`send` now: open a pulse for everyone on an engagement, then deliver its DMs until settled."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.domain.people import Caller
from bot.domain.retries import Timing
from bot.domain.vocabulary import SIDES, Side
from bot.services.delivery.lease import renew_after
from bot.services.delivery.outbox import landed
from bot.services.delivery.passes import look, send_next
from bot.services.delivery.pulse_dms import PULSE_DMS, FanoutResult, deliver
from bot.services.engagements import choose, require_lead
from bot.services.job_queue import WORKERS_WAIT_SECONDS, JobQueue
from bot.services.pulses import open_pulse
from bot.services.runtime import Runtime
from storage import deliveries as delivery_queries
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from storage.models import Pulse

logger = logging.getLogger(__name__)
MAX_PAUSE_SECONDS = 60.0
# `/rapport send` on web's background pool: a couple of sends at once, so that web's
# listeners keep the CPU (the default pace, 10 a second, needs no more at Slack's usual
# speed); the clock's passes send `WORKER_CONCURRENCY` at once.
WEB_SEND_WORKERS = 2
# With workers: how often `/rapport send` looks whether every DM has been tried once.
FIRST_PASS_POLL_SECONDS = 0.5
# Why a DM has not gone yet when no worker has taken its job (a code, like Slack's).
NOT_TAKEN_YET = "queued"


@dataclass(frozen=True, slots=True)
class OpenedPulse:
    pulse_id: int
    engagement: str
    recipients: int
    thin_sides: tuple[Side, ...]
    """Sides with fewer recipients than the anonymity minimum: their figures will be withheld."""
    minimum: int


def open_now(container: Runtime, caller: Caller, engagement_name: str | None) -> OpenedPulse:
    """Open a pulse for the caller's engagement (leads only), one pending DM per recipient."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        pulse = open_pulse(session, engagement, started_by=caller.user_id, now=container.now())
        recipients = engagement_queries.pulse_recipients(session, engagement.id)
        minimum = engagement.anonymity_min
        thin = tuple(side for side in SIDES if sum(m.side == side for m in recipients) < minimum)
        return OpenedPulse(pulse.id, engagement.name, len(recipients), thin, minimum)


def deliver_now(container: Runtime, pulse_id: int, workers: int | None = None) -> FanoutResult:
    """One paced pass over the pulse's due DMs, `WORKER_CONCURRENCY` at once (each waits on
    one Slack call); says what happened to each."""
    return deliver(
        container.database,
        container.messenger,
        pulse_id,
        container.now,
        workers=workers or container.settings.worker_concurrency,
        stale_after=_lease(container),
        retry_base=_retry_base(container),
    )


def send_one(container: Runtime, pulse_id: int) -> bool:
    """The queue's job: send the pulse's next due DM, if any. Whether one was tried."""
    database, messenger = container.database, container.messenger
    timing = (container.now, _retry_base(container), renew_after(_lease(container)))
    tried = send_next(database, messenger, PULSE_DMS, pulse_id, *timing)
    return tried is not None


def check_unsettled(container: Runtime, pulse_id: int, delivery_id: int | None = None) -> int:
    """The queue's job: look for an uncertain or orphaned DM of the pulse (`delivery_id`'s,
    or all of them) in the DM history; found, it is recorded, missing, queued again.
    Returns how many had gone out."""
    timing = Timing(_retry_base(container), _lease(container))
    found = look(
        container.database,
        container.messenger,
        PULSE_DMS,
        container.now,
        timing,
        pulse_id,
        delivery_id,
    )
    return landed(found)


def _retry_base(container: Runtime) -> timedelta:
    return timedelta(seconds=container.settings.retry_base_seconds)


def _lease(container: Runtime) -> timedelta:
    """How long a DM's claim is left to its sender before it is looked for."""
    return timedelta(seconds=container.settings.stale_sending_seconds)


def enqueue_due(container: Runtime, queue: JobQueue, pulse_ids: Sequence[int] | None = None) -> int:
    """Hand every due DM (of `pulse_ids`, or of every open pulse) to the workers: one job
    per DM not already waiting in the queue, and one history check per claim that ended
    uncertain or whose sender died. Returns how many jobs were enqueued."""
    now = container.now()
    stale_before = now - _lease(container)
    with container.database.reading() as session:
        due = delivery_queries.due_per_pulse(session, now)
        unsettled = delivery_queries.unsettled_claims(session, now, stale_before)
    if pulse_ids is not None:
        due = {pulse: n for pulse, n in due.items() if pulse in pulse_ids}
        unsettled = [claim for claim in unsettled if claim[0] in pulse_ids]
    waiting = queue.waiting_dms() if due else {}
    missing = {pulse: n - waiting.get(pulse, 0) for pulse, n in due.items()}
    return queue.send_dms(missing) + queue.check_dms(unsettled)


def deliver_until_settled(
    container: Runtime,
    pulse_id: int,
    after_first_pass: Callable[[FanoutResult], None] | None = None,
) -> FanoutResult:
    """Deliver, then keep retrying what failed uncertainly until every DM is settled.

    Runs on the process's background pool, so it needs no clock: `rapport web` alone
    finishes a fan-out that Slack timeouts interrupted. It stops when nothing is left to
    send or check, when the pulse closes, or when the process stops. Returns the first
    pass's result (what the lead was told) with the final state of the retried ones.
    """
    if container.queue is not None:
        return _first_pass_by_workers(container, container.queue, pulse_id, after_first_pass)
    first = deliver_now(container, pulse_id, WEB_SEND_WORKERS)
    if after_first_pass is not None:
        after_first_pass(first)
    while True:
        with container.database.reading() as session:
            waiting, earliest = delivery_queries.awaiting_retry(session, pulse_id)
            pulse = session.get(Pulse, pulse_id)
            open_ = pulse is not None and pulse.status == "open"
        if not waiting or not open_:
            break
        # Wait for the earliest retry, but never spin: a claim another process holds
        # is settled by it, or found by the next pass once it goes stale.
        pause = container.settings.retry_base_seconds
        if earliest is not None:
            pause = max(pause, (earliest - container.now()).total_seconds())
        if container.stopping.wait(min(pause, MAX_PAUSE_SECONDS)):
            break
        result = deliver_now(container, pulse_id, WEB_SEND_WORKERS)
        first.sent += result.sent
        first.recovered += result.recovered
        first.failed.update(result.failed)
        settled = [u for u in first.retrying if u not in result.retrying]
        for user in [*result.failed, *settled]:
            first.retrying.pop(user, None)
    return first


def _first_pass_by_workers(
    container: Runtime,
    queue: JobQueue,
    pulse_id: int,
    after_first_pass: Callable[[FanoutResult], None] | None,
) -> FanoutResult:
    """With workers: enqueue the pulse's DMs, then wait (on this process's pool, holding
    no worker) until each has been tried once, and report what the workers recorded.
    Retries after that are the clock's to enqueue."""
    enqueue_due(container, queue, [pulse_id])
    give_up = time.monotonic() + WORKERS_WAIT_SECONDS
    while True:
        with container.database.reading() as session:
            state = delivery_queries.pass_state(session, pulse_id)
            pulse = session.get(Pulse, pulse_id)
            open_ = pulse is not None and pulse.status == "open"
        if not state.untried or not open_ or time.monotonic() > give_up:
            break
        if container.stopping.wait(FIRST_PASS_POLL_SECONDS):
            break
    # DMs no worker has taken yet (none may be running) are told as waiting in the queue:
    # they go out once a worker takes them, as the others' retries do.
    queued = dict.fromkeys(state.untried, NOT_TAKEN_YET)
    result = FanoutResult(
        sent=state.sent, failed=dict(state.failed), retrying={**queued, **state.retrying}
    )
    if after_first_pass is not None:
        after_first_pass(result)
    return result


def resume_unsettled(container: Runtime) -> int:
    """At start: hand every open pulse with DMs still to send or check to the pool (with
    workers, the clock enqueues them instead)."""
    if container.queue is not None:
        return 0
    with container.database.reading() as session:
        pulse_ids = [p.id for p in pulse_queries.open_pulses(session)]
        unsettled = [pid for pid in pulse_ids if delivery_queries.awaiting_retry(session, pid)[0]]
    for pulse_id in unsettled:
        container.background.submit(guarded, deliver_until_settled, container, pulse_id)
    return len(unsettled)


def guarded(job: Callable[..., object], *args: object) -> None:
    """Run background work so that no exception ends silently: it is logged, once."""
    try:
        job(*args)
    except Exception:
        logger.exception("background job %s failed", getattr(job, "__name__", "job"))
