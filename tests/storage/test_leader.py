"""Which clock leads: one at a time on PostgreSQL, each on SQLite, and a standby after release."""

from __future__ import annotations

from storage.db import Database
from storage.leader import Leadership
from tests.support.keys import key_for


def test_one_clock_leads_until_it_stands_down(database_url: str) -> None:
    first, second = (
        Database(database_url, key_for(database_url)),
        Database(database_url, key_for(database_url)),
    )
    a, b = Leadership(first), Leadership(second)
    try:
        assert a.is_leader()
        if first.is_postgres:
            assert not b.is_leader()
            assert a.is_leader(), "a leader stays leader on its next tick"
            a.release()
            assert b.is_leader() and not a.is_leader()
        else:
            assert b.is_leader(), "SQLite has no lock: every clock acts"
    finally:
        a.release()
        b.release()
        first.dispose()
        second.dispose()


def test_releasing_when_not_leading_is_harmless(database: Database) -> None:
    leadership = Leadership(database)
    leadership.release()
    assert leadership.is_leader()
    leadership.release()
    leadership.release()
