"""Pulse queries: the open one, one answer row whoever writes, counts per side, closing once."""

from __future__ import annotations

from datetime import timedelta

from storage import pulses
from storage.db import Database
from storage.models import Pulse
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse


def test_an_answer_is_one_row_whatever_arrives_first(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse, ana = add_pulse(session, deal), add_member(session, deal, "U_ANA")
        ids = pulse.id, ana.id
    with database.unit_of_work() as session:
        first = pulses.upsert_response(session, *ids, {"guess": 2}, CREATED)
        assert (first.rating, first.guess) == (None, 2)
    later = CREATED + timedelta(minutes=1)
    with database.unit_of_work() as session:
        second = pulses.upsert_response(session, *ids, {"rating": 4}, later)
        assert (second.rating, second.guess, second.id) == (4, 2, first.id)
        assert second.updated_at == later and second.created_at == CREATED
    with database.reading() as session:
        found = pulses.response_of(session, *ids)
        assert found is not None and found.rating == 4
        delivery = pulses.delivery_for(session, ids[0], "T0ACME", "U_ANA")
        assert delivery is None


def test_counts_per_side_leave_skipped_people_out(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal)
        people = {
            name: add_member(session, deal, name, side=side)
            for name, side in [
                ("C1", "client"),
                ("C2", "client"),
                ("C3", "client"),
                ("P1", "provider"),
            ]
        }
        add_delivery(session, pulse, people["C1"], status="sent")
        add_delivery(session, pulse, people["C2"], status="sent", away_at=CREATED)
        add_delivery(session, pulse, people["C3"], status="skipped")
        add_delivery(session, pulse, people["P1"], status="sent")
        pulses.upsert_response(session, pulse.id, people["C1"].id, {"rating": 5}, CREATED)
        pulses.upsert_response(session, pulse.id, people["P1"].id, {"guess": 3}, CREATED)
        pulse_id, deal_id = pulse.id, deal.id
    with database.reading() as session:
        counts = pulses.side_counts(session, pulse_id)
        assert counts["client"] == pulses.SideCounts(asked=2, answered=1, away=1)
        assert counts["provider"] == pulses.SideCounts(asked=1, answered=0, away=0)
        assert len(pulses.deliveries_with_status(session, pulse_id, "sent")) == 3
        found = pulses.delivery_for(session, pulse_id, "T0ACME", "P1")
        assert found is not None and found.side == "provider"
        now = pulses.status(session, session.get_one(Pulse, pulse_id).engagement)
        assert now.pulse is not None and now.pulse.id == pulse_id and now.last_closed is None
        assert now.counts == counts
        assert pulses.open_pulse(session, deal_id) is not None


def test_a_pulse_is_closed_once_and_becomes_the_last_closed(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_pulse(
            session,
            deal,
            status="closed",
            opened_at=CREATED - timedelta(weeks=2),
            closed_at=CREATED - timedelta(weeks=1),
        )
        pulse = add_pulse(session, deal, scheduled_for=CREATED)
        pulse_id, deal_id = pulse.id, deal.id
    with database.reading() as session:
        assert [p.id for p in pulses.open_pulses(session)] == [pulse_id]
        assert pulses.latest_scheduled(session, deal_id) == CREATED
        assert pulses.slot_taken(session, deal_id, CREATED)
        assert not pulses.slot_taken(session, deal_id, CREATED + timedelta(weeks=1))
    closed_at = CREATED + timedelta(days=3)
    with database.unit_of_work() as session:
        assert pulses.mark_closed(session, pulse_id, closed_at)
        assert not pulses.mark_closed(session, pulse_id, closed_at + timedelta(hours=1))
    with database.reading() as session:
        assert pulses.open_pulse(session, deal_id) is None
        last = pulses.last_closed(session, deal_id)
        assert last is not None and (last.id, last.closed_at) == (pulse_id, closed_at)
        now = pulses.status(session, last.engagement)
        assert now.pulse is None and now.last_closed == last and now.counts == {}
