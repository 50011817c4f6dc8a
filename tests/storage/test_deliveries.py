"""Claiming and settling DMs: several claimed in one statement, two claimers never take the
same one, and of two senders settling the same unsettled DM only one checks it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from bot.services.pulses import open_pulse
from storage import deliveries as queries
from storage.db import Database
from storage.models import Delivery, Engagement
from tests.support.processes import engagement_with


def pulse_with_deliveries(database: Database, members: int, now: datetime) -> int:
    engagement_with(database, members, schedule="weekly tue 10:00", created=now)
    with database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
        return open_pulse(session, engagement, started_by="test", now=now).id


def _uncertain(database: Database, now: datetime) -> tuple[int, int, datetime]:
    pulse_id = pulse_with_deliveries(database, 1, now)
    with database.unit_of_work() as session:
        claimed = queries.claim_next_pending(session, pulse_id, now)
        assert claimed is not None
        queries.mark_uncertain(session, claimed.id, claimed.attempts, "timeout", now)
        return claimed.id, claimed.attempts, now


def test_a_claim_found_missing_by_two_senders_is_checked_by_one(database: Database) -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    delivery_id, attempt, seen = _uncertain(database, now)
    lease = now + timedelta(minutes=5)
    with database.unit_of_work() as session:
        first = queries.take_for_check(session, delivery_id, attempt, seen, lease)
    with database.unit_of_work() as session:
        second = queries.take_for_check(session, delivery_id, attempt, seen, lease)
    assert (first, second) == (True, False)


def test_a_late_release_does_not_undo_a_newer_claim(database: Database) -> None:
    """The defect: a slow checker released a DM another sender had since re-claimed and
    sent, so it was claimed and sent a second time."""
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    delivery_id, attempt, _ = _uncertain(database, now)
    with database.unit_of_work() as session:
        queries.release(session, delivery_id, attempt)
    with database.unit_of_work() as session:
        again = queries.claim_next_pending(session, _pulse(database), now)
        assert again is not None and again.attempts == attempt + 1
    with database.unit_of_work() as session:
        queries.release(session, delivery_id, attempt)  # the other sender's stale release
    with database.reading() as session:
        row = session.scalars(select(Delivery).where(Delivery.id == delivery_id)).one()
        assert row.status == "sending" and row.attempts == attempt + 1
    with database.unit_of_work() as session:
        assert queries.claim_next_pending(session, _pulse(database), now) is None


def test_a_sender_held_back_by_a_429_keeps_its_claim_unless_taken(database: Database) -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    pulse_id = pulse_with_deliveries(database, 1, now)
    with database.unit_of_work() as session:
        claimed = queries.claim_next_pending(session, pulse_id, now)
        assert claimed is not None
        delivery_id, attempt = claimed.id, claimed.attempts
    later = now + timedelta(seconds=30)
    with database.unit_of_work() as session:
        assert queries.keep_claim(session, delivery_id, attempt, later)
    with database.unit_of_work() as session:
        assert queries.take_for_check(session, delivery_id, attempt, None, later)
        queries.release(session, delivery_id, attempt)
        assert queries.claim_next_pending(session, pulse_id, later) is not None
    with database.unit_of_work() as session:
        assert not queries.keep_claim(session, delivery_id, attempt, later)


def _pulse(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalars(select(Delivery.pulse_id)).first() or 0)


def test_one_statement_claims_several_due_dms_as_leases(database: Database) -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    pulse_id = pulse_with_deliveries(database, 6, now)
    updates: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "UPDATE deliveries" in statement:
            updates.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.unit_of_work() as session:
            claimed = queries.claim_due(session, pulse_id, now, 4)
            taken = [(d.id, d.status, d.attempts, d.sent_at, d.member.user_id) for d in claimed]
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    assert len(updates) == 1, updates
    assert len(taken) == 4
    assert all((status, attempts) == ("sending", 1) for _, status, attempts, _, _ in taken)
    assert all(sent_at == now for _, _, _, sent_at, _ in taken)  # the lease runs from here
    with database.reading() as session:
        rows = session.scalars(select(Delivery).where(Delivery.pulse_id == pulse_id)).all()
    assert {r.id for r in rows if r.status == "sending"} == {row[0] for row in taken}
    assert sum(r.status == "pending" and r.attempts == 0 for r in rows) == len(rows) - 4


def test_a_claim_takes_only_due_pending_dms(database: Database) -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    pulse_id = pulse_with_deliveries(database, 3, now)
    with database.unit_of_work() as session:
        first = [d.id for d in queries.claim_due(session, pulse_id, now, 1)]
    with database.unit_of_work() as session:
        later = session.scalars(select(Delivery).where(Delivery.id.not_in(first))).first()
        assert later is not None
        later.next_attempt_at = now + timedelta(minutes=1)  # a retry not due yet
        waiting = later.id
    with database.unit_of_work() as session:
        again = [d.id for d in queries.claim_due(session, pulse_id, now, 100)]
    assert again and not {*first, waiting} & set(again)
    with database.unit_of_work() as session:
        assert queries.claim_due(session, pulse_id, now, 100) == []
        due = queries.claim_due(session, pulse_id, now + timedelta(minutes=1), 100)
        assert [d.id for d in due] == [waiting]


def test_two_claimers_racing_never_take_the_same_dm(database: Database) -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    pulse_id = pulse_with_deliveries(database, 40, now)
    with database.reading() as session:
        every = set(session.scalars(select(Delivery.id).where(Delivery.pulse_id == pulse_id)))
    # Two processes: each its own engine and connections.
    claimers = [database, Database(database.url, database.key)]
    barrier = threading.Barrier(2)
    taken: list[list[int]] = [[], []]

    rounds = len(every) // 6 + 2  # enough for both to empty the queue, three at a time

    def claim(index: int) -> None:
        for _ in range(rounds):
            barrier.wait(timeout=60)  # both claim at the same moment, round after round
            with claimers[index].unit_of_work() as session:
                taken[index] += [d.id for d in queries.claim_due(session, pulse_id, now, 3)]

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    claimers[1].dispose()
    assert not set(taken[0]) & set(taken[1])
    assert sorted(taken[0] + taken[1]) == sorted(every)
    assert taken[0] and taken[1]
    with database.reading() as session:
        rows = session.scalars(select(Delivery).where(Delivery.pulse_id == pulse_id)).all()
    assert all((r.status, r.attempts) == ("sending", 1) for r in rows)
