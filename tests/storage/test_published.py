"""Published figures: computed once when a pulse closes and read back unchanged ever after."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from storage.alerts import latest_sla_status
from storage.db import Database
from storage.models import Delivery, Pulse, Response, SlaRecord
from storage.published import freeze_sla, latest_sla_statuses, publish, published
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse

CLOSED = CREATED + timedelta(days=3)


def closed_pulse(database: Database) -> int:
    """Client: 60, 70, 80 from three of four asked; provider: two answers, under the minimum."""
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal, status="closed", closed_at=CLOSED)
        answers = [
            ("client", 60),
            ("client", 70),
            ("client", 80),
            ("client", None),
            ("provider", 50),
            ("provider", 90),
        ]
        for i, (side, score) in enumerate(answers):
            member = add_member(session, deal, f"U{i}", side=side)
            add_delivery(session, pulse, member, status="sent")
            if score is not None:
                session.add(Response(pulse_id=pulse.id, member_id=member.id, rating=3, score=score))
        return pulse.id


def test_a_side_is_shown_only_when_enough_answered(database: Database) -> None:
    pulse_id = closed_pulse(database)
    with database.unit_of_work() as session:
        figures = publish(session, pulse_id, 3)
    assert figures.client.index == pytest.approx(70)
    assert (figures.client.answered, figures.client.eligible) == (3, 4)
    assert figures.client.response_rate == pytest.approx(0.75)
    assert figures.provider.index is None and figures.provider.withheld
    with database.reading() as session:
        assert published(session, [pulse_id]) == {pulse_id: figures}


def test_a_published_figure_is_never_recomputed(database: Database) -> None:
    pulse_id = closed_pulse(database)
    with database.unit_of_work() as session:
        first = publish(session, pulse_id, 3)
    with database.unit_of_work() as session:
        session.execute(update(Response).values(score=0))
        session.execute(update(Delivery).values(weight=9))
        again = publish(session, pulse_id, 1)
    assert again == first


def test_an_open_pulse_has_no_published_figures(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse_id = add_pulse(session, add_engagement(session)).id
    with database.reading() as session:
        assert published(session, [pulse_id]) == {}
        assert published(session, []) == {}


def test_the_sla_at_close_is_the_last_recorded_by_then(database: Database) -> None:
    pulse_id = closed_pulse(database)
    with database.unit_of_work() as session:
        engagement_id = session.get_one(Pulse, pulse_id).engagement_id
        for status, at in [
            ("red", CLOSED - timedelta(days=1)),
            ("amber", CLOSED),
            ("green", CLOSED + timedelta(minutes=1)),
        ]:
            session.add(
                SlaRecord(
                    engagement_id=engagement_id, status=status, recorded_by="U1", recorded_at=at
                )
            )
        session.flush()
        assert freeze_sla(session, pulse_id) == "amber"
    with database.reading() as session:
        assert session.get_one(Pulse, pulse_id).sla_at_close == "amber"


def test_an_unclosed_pulse_keeps_no_sla(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse_id = add_pulse(session, add_engagement(session)).id
        assert freeze_sla(session, pulse_id) is None


def test_the_latest_sla_of_many_engagements_is_each_one_own(database: Database) -> None:
    with database.unit_of_work() as session:
        deals = [add_engagement(session, name=name) for name in ("alpha", "beta", "gamma")]
        for deal, history in zip(
            deals,
            [
                [("red", CLOSED), ("green", CLOSED + timedelta(days=1))],
                [("amber", CLOSED), ("red", CLOSED)],  # the same moment: the later row wins
                [],
            ],
            strict=True,
        ):
            for status, at in history:
                session.add(
                    SlaRecord(
                        engagement_id=deal.id, status=status, recorded_by="U1", recorded_at=at
                    )
                )
                session.flush()
        ids = [deal.id for deal in deals]
        found = latest_sla_statuses(session, ids)
        assert found == {ids[0]: "green", ids[1]: "red", ids[2]: None}
        assert found == {i: latest_sla_status(session, i) for i in ids}
