"""When to try again after a failed outbound call: capped exponential backoff, with
deadlines, and the lease a claimed item holds meanwhile (`Timing`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final, NamedTuple

BASE: Final = timedelta(seconds=5)
CAP: Final = timedelta(minutes=10)


def backoff(attempts: int, base: timedelta = BASE, cap: timedelta = CAP) -> timedelta:
    """The wait after the `attempts`-th failed try: base, 2×base, 4×base … at most `cap`."""
    if attempts < 1:
        return timedelta(0)
    wait: timedelta = base * (2 ** min(attempts - 1, 30))
    return min(cap, wait)


def next_attempt(
    now: datetime, attempts: int, deadline: datetime | None, base: timedelta = BASE
) -> datetime | None:
    """When to try again, or None when the next try would fall past the deadline."""
    when = now + backoff(attempts, base)
    return None if deadline is not None and when >= deadline else when


class Timing(NamedTuple):
    """How a kind's items are tried: the wait before the first retry (it doubles), and how
    long a claim holds before another process may take its item over. A process's own
    come from its settings; these defaults serve a call made without them."""

    retry_base: timedelta = BASE
    lease: timedelta = timedelta(minutes=5)


DEFAULT_TIMING = Timing()
