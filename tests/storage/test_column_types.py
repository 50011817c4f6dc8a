"""Shared column types: datetimes come back aware in UTC, comments are sealed at rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from storage.db import Database
from storage.models import Pulse, Response
from storage.secrets import KeyMismatch
from tests.storage.rows import add_engagement, add_member, add_pulse


def test_a_time_in_any_zone_comes_back_as_the_same_instant_in_utc(database: Database) -> None:
    tokyo = timezone(timedelta(hours=9))
    with database.unit_of_work() as session:
        pulse = add_pulse(
            session, add_engagement(session), closes_at=datetime(2026, 3, 5, 18, tzinfo=tokyo)
        )
        pulse_id = pulse.id
    with database.reading() as session:
        stored = session.get(Pulse, pulse_id)
        assert stored is not None
        assert stored.closes_at == datetime(2026, 3, 5, 9, tzinfo=UTC)
        assert stored.closes_at.tzinfo == UTC
        assert stored.remind_at is None


def test_a_naive_time_is_refused(database: Database) -> None:
    with pytest.raises(StatementError) as refused, database.unit_of_work() as session:
        add_pulse(session, add_engagement(session), closes_at=datetime(2026, 3, 5, 9))
    assert isinstance(refused.value.orig, ValueError)


def test_a_comment_is_stored_sealed_and_read_plain(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse, member = add_pulse(session, deal), add_member(session, deal, "U1")
        session.add(Response(pulse_id=pulse.id, member_id=member.id, rating=4, comment="Too slow"))
    with database.reading() as session:
        raw = session.execute(text("SELECT comment FROM responses")).scalar_one()
        assert "Too slow" not in raw and raw
        assert session.scalars(select(Response.comment)).one() == "Too slow"


@pytest.mark.postgres
def test_without_a_key_a_comment_can_be_neither_stored_nor_read(postgres_url: str) -> None:
    keyless = Database(postgres_url)
    try:
        with pytest.raises(StatementError) as refused, keyless.unit_of_work() as session:
            deal = add_engagement(session, "Keyless")
            pulse, member = add_pulse(session, deal), add_member(session, deal, "U1")
            session.add(Response(pulse_id=pulse.id, member_id=member.id, comment="Too slow"))
            session.flush()
        assert isinstance(refused.value.orig, KeyMismatch)
    finally:
        keyless.dispose()
