"""Alerts and SLA records as the schema keeps them: one live alert per finding, known values."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import Alert, AlertMessage, Engagement, Pulse, SlaRecord
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse, refused


def test_one_live_alert_per_finding_and_a_new_one_once_resolved(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse_id = add_alert(
            session, add_pulse(session, add_engagement(session)), "gap"
        ).opened_pulse_id

    def pulse(session: Session) -> Pulse:
        return session.get_one(Pulse, pulse_id)

    refused(
        database,
        lambda session: add_alert(session, pulse(session), "gap"),
        lambda session: add_alert(session, pulse(session), "decline", status="snoozed"),
        lambda session: add_alert(session, pulse(session), "decline", severity="info"),
    )
    with database.unit_of_work() as session:
        session.execute(update(Alert).values(status="resolved", resolved_at=CREATED))
        add_alert(session, pulse(session), "gap")
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Alert)) == 2


def test_an_sla_status_is_green_amber_or_red(database: Database) -> None:
    with database.unit_of_work() as session:
        deal_id = add_engagement(session).id
    refused(
        database,
        lambda session: session.add(
            SlaRecord(engagement_id=deal_id, status="blue", recorded_by="U1")
        ),
    )
    with database.unit_of_work() as session:
        session.add(SlaRecord(engagement_id=deal_id, status="amber", recorded_by="U1"))
    with database.reading() as session:
        record = session.scalars(select(SlaRecord)).one()
        assert record.source == "lead" and record.recorded_at.tzinfo is not None


def test_an_alert_outlives_its_channel_message_and_goes_with_its_engagement(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        message = AlertMessage(
            engagement_id=pulse.engagement_id,
            opened_pulse_id=pulse.id,
            last_pulse_id=pulse.id,
            channel_id="C0ALERTS",
        )
        session.add(message)
        session.flush()
        alert = add_alert(session, pulse, message_id=message.id)
        ids = alert.id, message.id, pulse.engagement_id
    with database.unit_of_work() as session:
        session.execute(delete(AlertMessage).where(AlertMessage.id == ids[1]))
    with database.reading() as session:
        assert session.get_one(Alert, ids[0]).message_id is None
    with database.unit_of_work() as session:
        session.execute(delete(Engagement).where(Engagement.id == ids[2]))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Alert)) == 0
