"""Channel messages, alert steps and ladder posts as the schema keeps them."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from storage.db import Database
from storage.models import Alert, AlertMessage, AlertStep, LadderPost, Pulse
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse, refused


def test_a_ladder_post_is_one_per_alert_kind_and_recipient_of_known_kinds(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        alert_id = add_alert(session, add_pulse(session, add_engagement(session))).id
        session.add(
            LadderPost(alert_id=alert_id, kind="reraise", recipient="C1", text="Still open.")
        )
    refused(
        database,
        lambda session: session.add(
            LadderPost(alert_id=alert_id, kind="reraise", recipient="C1", text="Again.")
        ),
        lambda session: session.add(
            LadderPost(alert_id=alert_id, kind="nudge", recipient="C1", text="Hm.")
        ),
        lambda session: session.add(
            LadderPost(
                alert_id=alert_id, kind="escalation", recipient="U1", text="x", status="lost"
            )
        ),
    )
    with database.unit_of_work() as session:
        session.add(LadderPost(alert_id=alert_id, kind="reraise", recipient="U1", text="To you."))
    with database.reading() as session:
        posts = session.scalars(select(LadderPost).order_by(LadderPost.id)).all()
        assert [(p.recipient, p.status, p.attempts) for p in posts] == [
            ("C1", "pending", 0),
            ("U1", "pending", 0),
        ]


def test_a_message_is_live_or_done_and_steps_go_with_their_alert(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        alert = add_alert(session, pulse)
        session.add(
            AlertStep(
                alert_id=alert.id,
                pulse_id=pulse.id,
                at=CREATED,
                change="opened",
                measure=20.0,
                trend="",
            )
        )
        ids = pulse.id, pulse.engagement_id, alert.id
    refused(
        database,
        lambda session: session.add(
            AlertMessage(
                engagement_id=ids[1],
                opened_pulse_id=ids[0],
                last_pulse_id=ids[0],
                channel_id="C1",
                status="sleeping",
            )
        ),
    )
    with database.unit_of_work() as session:
        message = AlertMessage(
            engagement_id=ids[1], opened_pulse_id=ids[0], last_pulse_id=ids[0], channel_id="C1"
        )
        session.add(message)
        session.flush()
        assert (message.status, message.post_attempts) == ("live", 0)
        session.execute(delete(Alert).where(Alert.id == ids[2]))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(AlertStep)) == 0
    with database.unit_of_work() as session:
        session.execute(delete(Pulse).where(Pulse.id == ids[0]))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(AlertMessage)) == 0
