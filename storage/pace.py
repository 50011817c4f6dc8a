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
# The slot is the later of: the next free one, now, and the end of a hold; the row moves
# on by one interval. What comes back is how long to wait for the slot taken.
_TAKE = text(
    "UPDATE slack_pace SET next_free = GREATEST(next_free, clock_timestamp(), "
    "COALESCE(held_until, clock_timestamp())) + make_interval(secs => :interval) "
    "WHERE key = :key "
    "RETURNING EXTRACT(EPOCH FROM next_free - clock_timestamp()) - :interval"
)
_HOLD = text(
    "UPDATE slack_pace SET held_until = GREATEST(COALESCE(held_until, clock_timestamp()), "
    "clock_timestamp() + make_interval(secs => :seconds)), "
    "next_free = GREATEST(next_free, clock_timestamp() + make_interval(secs => :seconds)) "
    "WHERE key = :key"
)
_HELD = text(
    "SELECT EXTRACT(EPOCH FROM held_until - clock_timestamp()) FROM slack_pace WHERE key = :key"
)


def ensure(database: Database, key: str) -> None:
    """Create the workspace's row if it has none yet."""
    with database.engine.begin() as connection:
        connection.execute(_ENSURE, {"key": key})


def take_slot(database: Database, key: str, interval: float) -> float:
    """Take the next slot at one message per `interval` seconds: seconds to wait for it."""
    with database.engine.begin() as connection:
        wait = connection.execute(_TAKE, {"key": key, "interval": interval}).scalar()
    if wait is None:  # the row was deleted under us: create it and take again
        ensure(database, key)
        return take_slot(database, key, interval)
    return max(0.0, float(wait))


def held_for(database: Database, key: str) -> float:
    """Seconds a 429 still holds the workspace for (0 when not held)."""
    with database.engine.begin() as connection:
        held = connection.execute(_HELD, {"key": key}).scalar()
    return max(0.0, float(held or 0.0))


def hold(database: Database, key: str, seconds: float) -> None:
    """Slack said to wait `seconds`: nobody sends to the workspace before then."""
    with database.engine.begin() as connection:
        connection.execute(_HOLD, {"key": key, "seconds": seconds})
