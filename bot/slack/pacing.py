"""Pace outgoing Slack messages: a token bucket that every sender waits on, held in the
process (`Pacer`) or, on PostgreSQL, in the database for every process (`SharedPacer`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from storage import pace
from storage.db import Database

# The shared pace keeps this share of the set rate (see `SharedPacer`).
SHARED_MARGIN = 0.97
# Slack's "1 per second per channel, short bursts allowed" for chat.postMessage.
CONVERSATION_PER_SECOND, CONVERSATION_BURST = 1.0, 4
# Clocks and sleeps work in floats; a send due within a nanosecond is due now, so a
# rounding error can never leave a thread sleeping for ever-smaller slivers of time.
_SLACK = 1e-9


@dataclass(frozen=True)
class PacerStats:
    """What a pacer has let through so far, for logging a fan-out."""

    sent: int
    waited_seconds: float
    backoffs: int


class Pacer:
    """A thread-safe token bucket: `burst` sends at once, then `rate_per_second` on average.

    Every thread that sends calls `acquire()` first. When Slack answers 429, the thread
    that saw it calls `backoff(retry_after)` and every thread waits, not just that one.

    Internally this is the virtual-scheduling form of the token bucket: `_next_free` is
    when the bucket would be empty at the steady rate, and a send may go once the clock
    is within `burst - 1` intervals of it.
    """

    def __init__(
        self,
        rate_per_second: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not rate_per_second > 0:
            raise ValueError(f"rate_per_second must be positive, got {rate_per_second}")
        if burst < 1:
            raise ValueError(f"burst must be at least 1, got {burst}")
        self._interval = 1.0 / rate_per_second
        self._tolerance = (burst - 1) * self._interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_free = clock()
        self._sent = 0
        self._waited = 0.0
        self._backoffs = 0

    def acquire(self) -> float:
        """Block until one more message may be sent, then count it as sent; returns how
        long it waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                next_free = max(self._next_free, now)
                wait = next_free - self._tolerance - now
                if wait <= _SLACK:
                    self._next_free = next_free + self._interval
                    self._sent += 1
                    return waited
                self._waited += wait
            # Sleep without the lock, then look again: a backoff may have come meanwhile.
            self._sleep(wait)
            waited += wait

    def backoff(self, seconds: float) -> None:
        """Hold every sender for at least `seconds` from now (Slack's Retry-After).

        Sending resumes at the steady rate afterwards, without a burst: Slack has just
        said we were going too fast.
        """
        if seconds < 0:
            raise ValueError(f"seconds must not be negative, got {seconds}")
        with self._lock:
            resume = self._clock() + seconds
            self._next_free = max(self._next_free, resume + self._tolerance)
            self._backoffs += 1

    def stats(self) -> PacerStats:
        """Sends let through, seconds callers were told to wait in total, and backoffs."""
        with self._lock:
            return PacerStats(self._sent, self._waited, self._backoffs)


class Unpaced(Pacer):
    """What senders share in distributed mode: no process-wide pace, because each
    workspace's calls are paced by its own pacer (`PerWorkspace`) as they go out."""

    def __init__(self) -> None:
        super().__init__(1.0)

    def acquire(self) -> float:
        return 0.0

    def backoff(self, seconds: float) -> None:
        return None


class SharedPacer(Pacer):
    """A workspace's pace kept in PostgreSQL (`storage/pace.py`), so that every web,
    clock and worker process sending to it keeps to one rate between them, and a 429
    seen by any of them holds them all for its Retry-After."""

    def __init__(
        self,
        database: Database,
        key: str,
        rate_per_second: float,
        sleep: Callable[[float], None] = time.sleep,
        burst: int = 1,
    ) -> None:
        # A slot is taken before the wait for it, so a sender that wakes late does not push
        # the others on: keep a little under the rate, or such jitter puts one post too
        # many into some second now and then.
        super().__init__(rate_per_second * SHARED_MARGIN, burst, sleep=sleep)
        self._database = database
        self._key = key[:80]
        self._burst = burst
        self._held_since = float("-inf")  # when this process last saw a 429
        pace.ensure(database, self._key)

    def acquire(self) -> float:
        """Take the next shared slot and wait for it; returns how long it waited. A hold
        that this process saw come meanwhile (a 429) sends it back for a later slot;
        another process's hold is in the row, so every slot taken after it falls after it.

        Then the process's own bucket, at the same rate: senders of this process that
        woke late for their slots (a busy core) leave one interval apart instead of
        together, so that their posts never bunch into one second; one on time passes at
        once."""
        waited = 0.0
        while True:
            taken_at = time.monotonic()
            slot = pace.take_slot(self._database, self._key, self._interval, self._burst)
            wait = max(0.0, slot - time.time())
            with self._lock:
                self._waited += wait
            if wait <= _SLACK:
                break
            self._sleep(wait)
            waited += wait
            with self._lock:
                if self._held_since <= taken_at:
                    break
        return waited + super().acquire()

    def backoff(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"seconds must not be negative, got {seconds}")
        pace.hold(self._database, [self._key], seconds)
        with self._lock:
            self._backoffs += 1
            self._held_since = time.monotonic()


class PerWorkspace:
    """One pacer per workspace: Slack's message limits are per workspace per app. Given
    a PostgreSQL database, each is a `SharedPacer`, shared with every other process."""

    kind = "workspace"
    burst = 1

    def __init__(self, rate_per_second: float, database: Database | None = None) -> None:
        self.rate = rate_per_second
        self._database = database
        self._pacers: dict[str, Pacer] = {}
        self._lock = threading.Lock()

    def of(self, key: str) -> Pacer:
        with self._lock:
            found = self._pacers.get(key)
            if found is None:
                found = self._pacers[key] = pacer_for(
                    self._database, key, self.rate, self.kind, self.burst
                )
            return found

    def stats(self) -> dict[str, PacerStats]:
        with self._lock:
            pacers = dict(self._pacers)
        return {workspace: pacer.stats() for workspace, pacer in pacers.items()}


class PerConversation(PerWorkspace):
    """One pacer per channel posted in: `chat.postMessage` allows about one post a second
    per conversation, with short bursts. Only channel posts are paced so (an alert
    message, its thread's replies): each DM of a round is its own conversation."""

    kind = "conversation"
    burst = CONVERSATION_BURST

    def __init__(self, database: Database | None = None) -> None:
        super().__init__(CONVERSATION_PER_SECOND, database)


def is_channel(conversation: str) -> bool:
    """A public or private channel's id, as against a DM's or a person's."""
    return conversation[:1] in ("C", "G")


def pacer_for(
    database: Database | None,
    key: str,
    rate_per_second: float,
    kind: str = "workspace",
    burst: int = 1,
) -> Pacer:
    """The pace of one workspace (or conversation): shared through PostgreSQL, or this
    process's own."""
    if database is not None and database.is_postgres:
        return SharedPacer(database, f"{kind}:{key}", rate_per_second, burst=burst)
    return Pacer(rate_per_second, burst)
