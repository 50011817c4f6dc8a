"""Weekly digests that ended uncertain: queued for a check, found when due, claimed by one clock."""

from __future__ import annotations

from datetime import date, timedelta

from storage import digest_claims, digest_retries
from storage.db import Database
from storage.models import DigestDelivery
from tests.storage.rows import CREATED, add_engagement, add_member

WEEK = date(2026, 3, 2)


def claim_row(database: Database, status: str = "sending") -> int:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        sponsor = add_member(session, deal, "U_SPONSOR", role="sponsor")
        row = DigestDelivery(
            engagement_id=deal.id,
            member_id=sponsor.id,
            week=WEEK,
            status=status,
            claimed_at=CREATED,
        )
        session.add(row)
        session.flush()
        return row.id


def test_an_uncertain_digest_is_due_at_its_time_and_claimed_once(database: Database) -> None:
    claim_id = claim_row(database)
    at = CREATED + timedelta(minutes=10)
    with database.unit_of_work() as session:
        digest_claims.retry_later(session, DigestDelivery, claim_id, "timeout" * 20, at)
    with database.reading() as session:
        assert digest_retries.due(session, at - timedelta(seconds=1)) == []
        ((found, _, user, attempts, week, when),) = digest_retries.due(session, at)
        assert (found, user, attempts, week, when) == (claim_id, "U_SPONSOR", 1, WEEK, at)
        assert len(session.get_one(DigestDelivery, claim_id).error or "") == 64
    lease = at + timedelta(minutes=5)
    with database.unit_of_work() as session:
        assert digest_claims.take(session, DigestDelivery, claim_id, at, lease)
    with database.unit_of_work() as session:
        assert not digest_claims.take(session, DigestDelivery, claim_id, at, lease)
    with database.reading() as session:
        row = session.get_one(DigestDelivery, claim_id)
        assert (row.attempts, row.next_attempt_at) == (2, lease)
        assert digest_retries.due(session, at) == []
        assert [r[0] for r in digest_retries.due(session, lease)] == [claim_id]


def test_a_settled_digest_is_never_due(database: Database) -> None:
    claim_id = claim_row(database, status="sent")
    with database.unit_of_work() as session:
        digest_claims.retry_later(session, DigestDelivery, claim_id, "late", CREATED)
    with database.reading() as session:
        assert digest_retries.due(session, CREATED + timedelta(days=1)) == []
    with database.unit_of_work() as session:
        assert not digest_claims.take(
            session, DigestDelivery, claim_id, CREATED, CREATED + timedelta(hours=1)
        )
