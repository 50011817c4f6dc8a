"""Pulses, deliveries and responses as the schema keeps them: one open pulse, one answer each."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import Delivery, Engagement, Member, PublishedFigure, Pulse, Response
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse, refused


def test_an_engagement_has_one_open_pulse_and_one_pulse_per_slot(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_pulse(session, deal, scheduled_for=CREATED)
        add_pulse(session, deal, status="closed", opened_at=CREATED - timedelta(weeks=1))
        deal_id = deal.id

    def the_deal(session: Session) -> Engagement:
        return session.get_one(Engagement, deal_id)

    refused(
        database,
        lambda session: add_pulse(session, the_deal(session)),
        lambda session: add_pulse(
            session, the_deal(session), status="closed", scheduled_for=CREATED
        ),
        lambda session: add_pulse(session, the_deal(session), status="paused"),
    )


def test_one_dm_and_one_answer_per_person_with_ratings_in_range(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse, ana = add_pulse(session, deal), add_member(session, deal, "U_ANA")
        add_delivery(session, pulse, ana)
        session.add(Response(pulse_id=pulse.id, member_id=ana.id, rating=3))
        ids = {"pulse_id": pulse.id, "member_id": ana.id}
        other = add_member(session, deal, "U_BEN").id

    def dm(session: Session, **fields: object) -> Delivery:
        return add_delivery(
            session,
            session.get_one(Pulse, ids["pulse_id"]),
            session.get_one(Member, other),
            **fields,
        )

    refused(
        database,
        lambda session: session.add(Delivery(**ids, side="client", weight=1.0)),
        lambda session: session.add(Response(**ids, rating=4)),
        lambda session: dm(session, status="lost"),
        lambda session: session.add(Response(pulse_id=ids["pulse_id"], member_id=other, rating=6)),
        lambda session: session.add(Response(pulse_id=ids["pulse_id"], member_id=other, guess=0)),
        lambda session: session.add(Response(pulse_id=ids["pulse_id"], member_id=other, score=101)),
    )


def test_a_pulse_takes_its_dms_answers_and_figures_with_it(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse, ana = add_pulse(session, deal), add_member(session, deal, "U_ANA")
        add_delivery(session, pulse, ana)
        session.add(Response(pulse_id=pulse.id, member_id=ana.id, rating=3))
        session.add(
            PublishedFigure(
                pulse_id=pulse.id,
                side="client",
                answered=1,
                eligible=1,
                response_rate=1.0,
                guessed=0,
                weight_used=1.0,
                withheld=True,
            )
        )
        pulse_id = pulse.id
    with database.unit_of_work() as session:
        session.execute(delete(Pulse).where(Pulse.id == pulse_id))
    with database.reading() as session:
        for model in (Delivery, Response, PublishedFigure):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        assert session.scalar(select(func.count()).select_from(Member)) == 1
