"""Slack's pace per workspace in PostgreSQL: one slot per message, shared by every process.

A slot is taken in one UPDATE on the workspace's `slack_pace` row, by the database's own
clock, so any number of web, clock and worker processes keep to one rate between them;
a 429's Retry-After is written there too and holds every one of them.
"""

from __future__ import annotations

from sqlalchemy import text

from storage.db import Database

_ENSURE = text(
    "INSERT INTO slack_pace (key, next_free) VALUES (:key, clock_timestamp()) "
    "ON CONFLICT (key) DO NOTHING"
)
# The row moves on by one interval from the later of: the next free slot, now, and the
# end of a hold. The slot taken is `burst` intervals before where the row now stands (a
# burst goes at once), but never before now or the end of a hold; it comes back in
# seconds since the epoch.
_TAKE = text(
    "UPDATE slack_pace SET next_free = GREATEST(next_free, clock_timestamp(), "
    "COALESCE(held_until, clock_timestamp())) + make_interval(secs => :interval) "
    "WHERE key = :key "
    "RETURNING EXTRACT(EPOCH FROM GREATEST(next_free - make_interval(secs => :interval * :burst), "
    "clock_timestamp(), COALESCE(held_until, clock_timestamp())))"
)
_HOLD = text(
    "UPDATE slack_pace SET held_until = GREATEST(COALESCE(held_until, clock_timestamp()), "
    "clock_timestamp() + make_interval(secs => :seconds)), "
    "next_free = GREATEST(next_free, clock_timestamp() + make_interval(secs => :seconds)) "
    "WHERE key = :key"
)


def ensure(database: Database, key: str) -> None:
    """Create the workspace's row if it has none yet."""
    with database.engine.begin() as connection:
        connection.execute(_ENSURE, {"key": key})


def take_slot(database: Database, key: str, interval: float, burst: int = 1) -> float:
    """Take the next slot at one message per `interval` seconds, `burst` at once: when it
    is, in seconds since the epoch by the database's clock.

    The sender waits until then by its own clock (kept in step with the database's by
    NTP), not for a span measured before the round trip back: round trips vary by
    milliseconds, and at Slack's exact rate that would put one post too many into some
    second now and then."""
    with database.engine.begin() as connection:
        slot = connection.execute(
            _TAKE, {"key": key, "interval": interval, "burst": burst}
        ).scalar()
    if slot is None:  # the row was deleted under us: create it and take again
        ensure(database, key)
        return take_slot(database, key, interval, burst)
    return float(slot)


def hold(database: Database, key: str, seconds: float) -> None:
    """Slack said to wait `seconds`: nobody sends to the workspace before then."""
    with database.engine.begin() as connection:
        connection.execute(_HOLD, {"key": key, "seconds": seconds})
