"""Digest claims and chosen times as the schema keeps them: one claim per person and week."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, func, select

from storage.db import Database
from storage.models import DigestDelivery, DigestTime, Member, PortfolioDigest
from tests.storage.rows import CREATED, add_engagement, add_member, refused

WEEK = date(2026, 3, 2)


def test_one_digest_claim_per_sponsor_and_week_of_known_statuses(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        sponsor = add_member(session, deal, "U_S", role="sponsor")
        claim = {"engagement_id": deal.id, "member_id": sponsor.id, "claimed_at": CREATED}
        session.add(DigestDelivery(**claim, week=WEEK))
    refused(
        database,
        lambda session: session.add(DigestDelivery(**claim, week=WEEK)),
        lambda session: session.add(
            DigestDelivery(**claim, week=WEEK + timedelta(weeks=1), status="lost")
        ),
    )
    with database.unit_of_work() as session:
        session.add(DigestDelivery(**claim, week=WEEK + timedelta(weeks=1)))
    with database.unit_of_work() as session:
        session.execute(delete(Member).where(Member.user_id == "U_S"))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(DigestDelivery)) == 0


def test_one_portfolio_claim_per_person_and_week_and_one_chosen_time(database: Database) -> None:
    person = {"team_id": "T0ACME", "user_id": "U_S"}
    claim = {**person, "week_ends_at": CREATED, "claimed_at": CREATED}
    with database.unit_of_work() as session:
        session.add(PortfolioDigest(**claim, week=WEEK))
        session.add(DigestTime(**person, day_time="mon 08:00", timezone="UTC", set_at=CREATED))
    refused(
        database,
        lambda session: session.add(PortfolioDigest(**claim, week=WEEK)),
        lambda session: session.add(
            PortfolioDigest(**claim, week=WEEK + timedelta(weeks=1), status="queued")
        ),
        lambda session: session.add(
            DigestTime(**person, day_time="fri 16:00", timezone="UTC", set_at=CREATED)
        ),
    )
    with database.reading() as session:
        row = session.scalars(select(PortfolioDigest)).one()
        assert (row.status, row.attempts) == ("sending", 1)
