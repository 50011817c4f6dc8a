"""Engagements and members as the schema keeps them: unique names and people, known values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import Engagement, Member
from tests.storage.rows import add_engagement, add_member, refused
from tests.support.models import engagement, member


def test_names_and_people_are_unique_where_they_must_be(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_member(session, deal, "U1")
        add_engagement(session, "Acme deal", team="T0OTHER")
        deal_id = deal.id

    def same_person(session: Session) -> None:
        add_member(session, session.get_one(Engagement, deal_id), "U1", role="lead")

    refused(database, lambda session: add_engagement(session), same_person)


def test_a_member_takes_only_known_sides_roles_statuses_and_a_positive_weight(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        deal_id = add_engagement(session).id

    def person(**fields: Any) -> Callable[[Session], object]:
        return lambda session: add_member(
            session, session.get_one(Engagement, deal_id), "U9", **fields
        )

    refused(
        database,
        person(side="both"),
        person(role="owner"),
        person(status="paused"),
        person(weight=0.0),
    )


def test_deleting_an_engagement_deletes_its_members(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_member(session, deal, "U1")
        deal_id = deal.id
    with database.unit_of_work() as session:
        session.execute(delete(Engagement).where(Engagement.id == deal_id))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0


def test_an_engagement_names_each_sides_organisation_and_who_gets_pulses() -> None:
    deal = engagement(client_org="Acme", provider_org="Globex")
    assert (deal.org("client"), deal.org("provider")) == ("Acme", "Globex")
    assert member(role="member").receives_pulses
    assert not member(role="sponsor").receives_pulses
    assert not member(status="unreachable").receives_pulses
