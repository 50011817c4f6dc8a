"""Two senders settling the same unsettled DM: only one checks it, and nothing is sent twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

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
