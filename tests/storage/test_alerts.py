"""Alert and SLA queries: live alerts, the latest SLA status, closed pulses before one."""

from __future__ import annotations

from datetime import timedelta

from storage import alerts as queries
from storage.db import Database
from storage.models import SlaRecord
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse

WEEK = timedelta(weeks=1)


def test_live_alerts_oldest_first_without_resolved_ones(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        add_alert(session, pulse, "gap", opened_at=CREATED + WEEK)
        add_alert(session, pulse, "decline", opened_at=CREATED, status="acknowledged")
        add_alert(
            session,
            pulse,
            "silence",
            opened_at=CREATED - WEEK,
            status="resolved",
            resolved_at=CREATED,
            escalated_at=CREATED - timedelta(days=1),
        )
        engagement_id = pulse.engagement_id
    with database.reading() as session:
        assert [a.rule for a in queries.live(session, engagement_id)] == ["decline", "gap"]
        assert queries.openings_since(session, engagement_id, CREATED) == [CREATED, CREATED + WEEK]
        outcomes = sorted(queries.outcomes(session, engagement_id))
        assert outcomes[0] == (CREATED - WEEK, CREATED, CREATED - timedelta(days=1))
        assert outcomes[1:] == [(CREATED, None, None), (CREATED + WEEK, None, None)]


def test_the_latest_sla_record_wins(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        other = add_engagement(session, "Other")
        for status, at in [("red", CREATED + WEEK), ("green", CREATED), ("amber", CREATED + WEEK)]:
            session.add(
                SlaRecord(engagement_id=deal.id, status=status, recorded_by="U1", recorded_at=at)
            )
        deal_id, other_id = deal.id, other.id
    with database.reading() as session:
        assert queries.latest_sla_status(session, deal_id) == "amber"
        latest = queries.latest_sla(session, deal_id)
        assert latest is not None and latest.status == "amber"
        assert queries.latest_sla(session, other_id) is None
        assert queries.latest_sla_status(session, other_id) is None


def test_closed_pulses_before_one_oldest_first(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        closed = [
            add_pulse(session, deal, status="closed", opened_at=CREATED + i * WEEK).id
            for i in range(4)
        ]
        add_pulse(session, deal, status="open", opened_at=CREATED + 5 * WEEK)
        now = add_pulse(session, deal, status="closed", opened_at=CREATED + 6 * WEEK)
        deal_id = deal.id
        assert [
            p.id for p in queries.closed_pulses(session, deal_id, before=now, limit=3)
        ] == closed[1:]
        assert queries.closed_pulse_ids_before(session, now, 3) == closed[1:]
        everything = queries.closed_pulses(session, deal_id, before=None, limit=10)
        assert [p.id for p in everything] == [*closed, now.id]
