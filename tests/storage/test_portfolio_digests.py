"""Portfolio digests: who gets one, their chosen time, one claim per person and week, forgetting."""

from __future__ import annotations

from datetime import date, timedelta

from storage import digest_claims
from storage import portfolio_digests as queries
from storage.db import Database
from storage.models import Member, PortfolioDigest
from tests.storage.rows import CREATED, add_engagement, add_member

WEEK = (date(2026, 3, 2), CREATED + timedelta(days=7))
PERSON = ("T0ACME", "U_S")


def sponsor_of(database: Database, *names: str) -> None:
    with database.unit_of_work() as session:
        for name in names:
            add_member(session, add_engagement(session, name), "U_S", role="sponsor")


def test_only_a_sponsor_of_several_live_engagements_gets_a_portfolio(database: Database) -> None:
    sponsor_of(database, "One", "Two")
    with database.unit_of_work() as session:
        add_member(session, add_engagement(session, "Solo"), "U_SOLO", role="sponsor")
        old = add_engagement(session, "Old", archived_at=CREATED)
        add_member(session, old, "U_S", role="sponsor")
    with database.reading() as session:
        found = queries.portfolio_sponsors(session)
        assert list(found) == [PERSON]
        assert [e.name for e in found[PERSON]] == ["One", "Two"]


def test_a_chosen_time_is_kept_replaced_and_forgotten(database: Database) -> None:
    with database.unit_of_work() as session:
        queries.set_digest_time(session, PERSON, "mon 08:00", "Europe/Paris", CREATED)
    with database.unit_of_work() as session:
        queries.set_digest_time(session, PERSON, "fri 16:00", "UTC", CREATED)
    with database.reading() as session:
        chosen = queries.digest_time(session, PERSON)
        assert chosen is not None and (chosen.day_time, chosen.timezone) == ("fri 16:00", "UTC")
    with database.unit_of_work() as session:
        queries.set_digest_time(session, PERSON, None, "UTC", CREATED)
    with database.reading() as session:
        assert queries.digest_time(session, PERSON) is None


def test_a_week_is_claimed_once_checked_when_due_and_taken_once(database: Database) -> None:
    check = CREATED + timedelta(minutes=10)
    with database.unit_of_work() as session:
        claim = queries.claim_week(session, PERSON, WEEK, CREATED, check)
        assert claim is not None and queries.claimed(session, PERSON, WEEK[0])
        assert queries.claim_week(session, PERSON, WEEK, CREATED, check) is None
    with database.reading() as session:
        assert queries.due(session, check - timedelta(seconds=1)) == []
        assert [row.id for row in queries.due(session, check)] == [claim]
    lease = check + timedelta(minutes=5)
    with database.unit_of_work() as session:
        assert digest_claims.take(session, PortfolioDigest, claim, check, lease)
        assert not digest_claims.take(session, PortfolioDigest, claim, check, lease)
        digest_claims.retry_later(session, PortfolioDigest, claim, "timeout", lease)
    with database.unit_of_work() as session:
        digest_claims.finish(session, PortfolioDigest, claim, sent_at=lease, error="")
    with database.reading() as session:
        assert queries.due(session, lease + timedelta(days=1)) == []


def test_forgetting_drops_claims_and_time_only_once_on_no_engagement(database: Database) -> None:
    sponsor_of(database, "One")
    with database.unit_of_work() as session:
        queries.set_digest_time(session, PERSON, "mon 08:00", "UTC", CREATED)
        queries.claim_week(session, PERSON, WEEK, CREATED, CREATED)
        queries.forget_person(session, PERSON)
    with database.reading() as session:
        assert queries.digest_time(session, PERSON) is not None
    with database.unit_of_work() as session:
        session.query(Member).delete()
        queries.forget_person(session, PERSON)
    with database.reading() as session:
        assert queries.digest_time(session, PERSON) is None
        assert not queries.claimed(session, PERSON, WEEK[0])
