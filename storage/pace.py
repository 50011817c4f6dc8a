"""Slack's pace per workspace in PostgreSQL: one slot per message, shared by every process.

A slot is taken in one UPDATE on the workspace's `slack_pace` row, by the database's own
clock, so any number of web, clock and worker processes keep to one rate between them;
a 429's Retry-After is written there too and holds every one of them. A call that must
not wait (a history read) takes one of its limit's slots only if one is free
(`take_free_slot`): a row per call the limit's window allows, free again a window later.
"""

from __future__ import annotations

from sqlalchemy import text

from storage.db import Database

_ENSURE = text(
    "INSERT INTO slack_pace (key, next_free) SELECT key, clock_timestamp() "
    "FROM unnest(CAST(:keys AS varchar[])) AS key ON CONFLICT (key) DO NOTHING"
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
    "WHERE key = ANY(:keys)"
)


# A call that is not waited for takes one of its limit's slots (one per call a window
# allows) if one is free, and frees it again a window later; else nothing is taken. A
# hold moves every slot's `next_free` past its end.
_TAKE_FREE_SLOT = text(
    "UPDATE slack_pace SET next_free = clock_timestamp() + make_interval(secs => :window) "
    "WHERE key = (SELECT key FROM slack_pace WHERE key = ANY(:keys) "
    "AND next_free <= clock_timestamp() "
    "ORDER BY next_free LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING 0.0"
)
_SLOT_LEFT = text(
    "SELECT EXTRACT(EPOCH FROM MIN(next_free) - clock_timestamp()) "
    "FROM slack_pace WHERE key = ANY(:keys)"
)


def ensure(database: Database, key: str) -> None:
    """Create the workspace's row if it has none yet."""
    with database.engine.begin() as connection:
        connection.execute(_ENSURE, {"keys": [key]})


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


def hold(database: Database, keys: list[str], seconds: float) -> None:
    """Slack said to wait `seconds`: nobody sends to the workspace before then (nor takes
    any of `keys`' slots)."""
    with database.engine.begin() as connection:
        connection.execute(_HOLD, {"keys": keys, "seconds": seconds})


def take_free_slot(database: Database, keys: list[str], window: float) -> float:
    """Take one of `keys`' slots if one is free (no hold on it) and free it again `window`
    seconds on: 0.0; else the seconds until one is free, and nothing is taken."""
    with database.engine.begin() as connection:
        connection.execute(_ENSURE, {"keys": keys})
        if connection.execute(_TAKE_FREE_SLOT, {"keys": keys, "window": window}).first():
            return 0.0
        left = connection.execute(_SLOT_LEFT, {"keys": keys}).scalar()
    return max(float(left or 0.0), 0.001)
