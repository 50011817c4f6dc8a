"""`send` now: open a pulse for everyone on an engagement, then deliver its DMs until settled."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from bot.domain.people import Caller
from bot.domain.vocabulary import SIDES, Side
from bot.services.delivery.pulse_dms import FanoutResult, deliver
from bot.services.engagements import choose, require_lead
from bot.services.pulses import open_pulse
from bot.services.runtime import Runtime
from storage import deliveries as delivery_queries
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from storage.models import Pulse

logger = logging.getLogger(__name__)
MAX_PAUSE_SECONDS = 60.0

SEND_WORKERS = 2


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


def deliver_now(container: Runtime, pulse_id: int, workers: int = SEND_WORKERS) -> FanoutResult:
    """One paced pass over the pulse's due DMs; says what happened to each."""
    with container.database.reading() as session:
        pulse = session.get(Pulse, pulse_id)
        deadline = None if pulse is None else pulse.closes_at
    return deliver(
        container.database,
        container.messenger,
        pulse_id,
        container.now,
        workers=workers,
        stale_after=timedelta(seconds=container.settings.stale_sending_seconds),
        deadline=deadline,
        retry_base=timedelta(seconds=container.settings.retry_base_seconds),
    )


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
    first = deliver_now(container, pulse_id)
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
        result = deliver_now(container, pulse_id)
        first.sent += result.sent
        first.recovered += result.recovered
        first.failed.update(result.failed)
        settled = [u for u in first.retrying if u not in result.retrying]
        for user in [*result.failed, *settled]:
            first.retrying.pop(user, None)
    return first


def resume_unsettled(container: Runtime) -> int:
    """At start: hand every open pulse with DMs still to send or check to the pool."""
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
