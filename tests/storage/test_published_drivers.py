"""Published driver counts: one count per person and driver, kept only where enough named one."""

from __future__ import annotations

from storage.db import Database
from storage.models import Member, Response
from storage.published_drivers import publish_drivers, published_drivers
from tests.storage.rows import add_delivery, add_engagement, add_member, add_pulse


def pulse_with_drivers(database: Database) -> int:
    """Three on the client side name drivers; one on the provider side does."""
    named = [
        ("client", "communication", None),
        ("client", "communication,delivery", "communication"),
        ("client", None, "responsiveness"),
        ("client", None, None),
        ("provider", "value", None),
    ]
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal, status="closed")
        for i, (side, picks, from_comment) in enumerate(named):
            member = add_member(session, deal, f"U{i}", side=side)
            add_delivery(session, pulse, member, status="sent")
            session.add(
                Response(
                    pulse_id=pulse.id,
                    member_id=member.id,
                    rating=3,
                    drivers=picks,
                    comment_drivers=from_comment,
                )
            )
        return pulse.id


def test_each_person_counts_once_per_driver_and_a_thin_side_shows_none(database: Database) -> None:
    pulse_id = pulse_with_drivers(database)
    with database.unit_of_work() as session:
        found = publish_drivers(session, pulse_id, 3)
    assert found.provider is None
    assert found.client is not None and found.client.named == 3
    counts = {key: n for key, n in found.client.counts.items() if n}
    assert counts == {"communication": 2, "delivery": 1, "responsiveness": 1}
    with database.reading() as session:
        assert published_drivers(session, [pulse_id]) == {pulse_id: found}


def test_published_counts_stay_as_they_were(database: Database) -> None:
    pulse_id = pulse_with_drivers(database)
    with database.unit_of_work() as session:
        first = publish_drivers(session, pulse_id, 3)
    with database.unit_of_work() as session:
        session.query(Member).filter(Member.user_id == "U0").update({"status": "removed"})
        assert publish_drivers(session, pulse_id, 3) == first


def test_nothing_named_publishes_nothing(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse_id = add_pulse(session, add_engagement(session), status="closed").id
        found = publish_drivers(session, pulse_id, 3)
    assert (found.client, found.provider) == (None, None)
    with database.reading() as session:
        assert published_drivers(session, [pulse_id]) == {}
        assert published_drivers(session, []) == {}
