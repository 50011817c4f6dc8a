"""Passes over an outbox kind claimed in batches: its senders, and its looks as a step apart.

A kind whose posts are quick and many (a pulse's DMs, ten a second) and whose looks are
slow and few (one history read a minute) declares `take_due` and a `Look` (`outbox.py`).
Its senders claim its due items of one group in one statement for all of them
(`send_batch`), or one at a time for a worker's job (`send_next`); its looks are a pass,
or a job, of their own (`look`). Each item goes through the outbox's one loop step.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Generic

from bot.domain.retries import Timing
from bot.services.delivery.exactly_once import look_for, outcome_of
from bot.services.delivery.lease import RENEW_AFTER_WAIT_SECONDS
from bot.services.delivery.outbox import (
    Claimed,
    Detail,
    Landed,
    OutboxKind,
    Place,
    Result,
    Retry,
    attempt,
    landed,
    retry_or_end,
    settle,
)
from bot.services.messenger import Messenger
from storage.db import Database

logger = logging.getLogger(__name__)

Sent = tuple[Claimed[Detail], Result]


def send_batch(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    group: int,
    now: Callable[[], datetime],
    senders: int,
    retry_base: timedelta,
    renew_after: float = RENEW_AFTER_WAIT_SECONDS,
) -> list[Sent[Detail]]:
    """Deliver every due item of `group` with `senders` threads; how each claimed one ended.

    No exception leaves a sender: a try's is read as its outcome, and one that records
    nothing (the database gone) leaves the claim to lapse and be looked for.
    """
    claims = _Claims(database, kind, group, now, senders)
    done: list[Sent[Detail]] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            while (claimed := claims.next()) is not None:
                try:
                    result = _settled(
                        database, messenger, kind, claimed, (now, retry_base), renew_after
                    )
                finally:
                    claims.settled()
                with lock:
                    done.append((claimed, result))
        finally:
            claims.stopped()

    name = f"{kind.name.split()[0]}-{group}"
    threads = [threading.Thread(target=work, name=f"{name}-{i}") for i in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done


def send_next(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    group: int,
    now: Callable[[], datetime],
    retry_base: timedelta,
    renew_after: float = RENEW_AFTER_WAIT_SECONDS,
) -> Sent[Detail] | None:
    """Claim the group's next due item and deliver it (one job of the queue): how it
    ended, or None when nothing is due (or the claim could not be taken)."""
    assert kind.take_due is not None, f"{kind.name}s are claimed one by one"
    try:
        with database.unit_of_work() as session:
            claimed = kind.take_due(session, group, now(), 1)
    except Exception:
        logger.exception("%s: could not claim the next of %s", kind.name, group)
        return None
    if not claimed:
        return None
    # The messenger takes the pacer's slot right before the post, not before the claim:
    # a database round trip between the two would bunch posts up and earn 429s.
    timing = (now, retry_base)
    return claimed[0], _settled(database, messenger, kind, claimed[0], timing, renew_after)


def _settled(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    timing: tuple[Callable[[], datetime], timedelta],
    renew_after: float,
) -> Result:
    tried: tuple[Place, Result] = (Place(""), Retry("unrecorded", timing[0]()))
    try:
        tried = attempt(database, messenger, kind, claimed, timing, renew_after)
        settle(database, messenger, kind, claimed, tried)
    except Exception:
        # Not recorded: the claim stays taken, its lease runs out, and the look finds the
        # message (or not) before anything is posted again.
        logger.exception("%s %s: tried but not recorded yet", kind.name, claimed.id)
    return tried[1]


class _Claims(Generic[Detail]):
    """Hands a pass's senders their items, claimed for all idle senders in one statement.

    A sender with nothing to send claims as many due items as there are senders still
    running and not sending (itself included) and keeps one; the others are on their way
    to the lock and take the rest at once, so no claim waits in memory behind a send (its
    lease runs from the claim, and a claim older than the lease is looked for and sent
    again by others). A sender whose claim finds nothing due stops, as with one claim
    each, and is no longer counted.
    """

    def __init__(
        self,
        database: Database,
        kind: OutboxKind[Detail],
        group: int,
        now: Callable[[], datetime],
        senders: int,
    ) -> None:
        assert kind.take_due is not None, f"{kind.name}s are claimed one by one"
        self.take_due = kind.take_due
        self.database, self.kind, self.group, self.now = database, kind, group, now
        self.senders = senders
        self.claimed: deque[Claimed[Detail]] = deque()
        self.sending = 0
        self.lock = threading.Lock()

    def next(self) -> Claimed[Detail] | None:
        with self.lock:
            if not self.claimed:
                self.claimed.extend(self._claim(self.senders - self.sending))
            if not self.claimed:
                return None
            self.sending += 1
            return self.claimed.popleft()

    def settled(self) -> None:
        with self.lock:
            self.sending -= 1

    def stopped(self) -> None:
        with self.lock:
            self.senders -= 1

    def _claim(self, idle: int) -> list[Claimed[Detail]]:
        try:
            with self.database.unit_of_work() as session:
                return list(self.take_due(session, self.group, self.now(), max(idle, 1)))
        except Exception:
            logger.exception("%s: could not claim the next of %s", self.kind.name, self.group)
            return []


def look(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    now: Callable[[], datetime],
    timing: Timing,
    group: int | None = None,
    only: int | None = None,
) -> list[Result | None]:
    """The kind's own look step: every item of `group` (or `only` that one) due for a
    look now. Returns how each one taken ended: landed when found, None when it was put
    back to be posted, else retried or ended by the outbox's one rule."""
    step = kind.look
    assert step is not None, f"{kind.name}s are looked for as they are delivered"
    with database.reading() as session:
        due = [c for c in step.due(session, now(), timing[1], group) if only in (None, c.id)]
    results: list[Result | None] = []
    for claimed in due:
        with database.unit_of_work() as session:
            if not step.take(session, claimed, now() + timing[1]):
                continue  # another process is looking for it
        results.append(_look_one(database, messenger, kind, claimed, now, timing[0]))
    if results:
        logger.info("%ss: %d looked for, %d found", kind.name, len(results), landed(results))
    return results


def _look_one(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    now: Callable[[], datetime],
    retry_base: timedelta,
) -> Result | None:
    assert kind.look is not None
    result: Result | None = None
    place = Place("")
    try:
        place = kind.look.place(messenger, claimed)
        ts = look_for(messenger, place.channel, kind.tag(claimed), place.thread_ts)
        if ts is not None:
            result = Landed(ts, place.channel)
    except Exception as error:
        outcome = outcome_of(error)
        logger.warning("%s %s: look failed (%s)", kind.name, claimed.id, outcome.reason)
        result = retry_or_end(outcome, now(), claimed.attempt, claimed.deadline, retry_base)
    if result is None:
        with database.unit_of_work() as session:
            kind.look.release(session, claimed)
    else:
        settle(database, messenger, kind, claimed, (place, result))
    return result
