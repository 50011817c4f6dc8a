"""Published drivers and themes, and actions, as the schema keeps them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select

from storage.db import Database
from storage.models import Action, Alert, PublishedDriver, PublishedTheme, Pulse
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse, refused


def test_published_rows_are_one_per_pulse_side_and_key_on_a_known_side(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse_id = add_pulse(session, add_engagement(session)).id
        session.add(
            PublishedDriver(pulse_id=pulse_id, side="client", driver="value", people=3, named=4)
        )
        session.add(
            PublishedTheme(
                pulse_id=pulse_id,
                side="client",
                rank=0,
                phrase="close",
                people=2,
                mentions=2,
                polarity=-0.4,
            )
        )
    refused(
        database,
        lambda session: session.add(
            PublishedDriver(pulse_id=pulse_id, side="client", driver="value", people=1, named=1)
        ),
        lambda session: session.add(
            PublishedDriver(pulse_id=pulse_id, side="both", driver="people", people=1, named=1)
        ),
        lambda session: session.add(
            PublishedTheme(
                pulse_id=pulse_id,
                side="client",
                rank=0,
                phrase="x",
                people=2,
                mentions=2,
                polarity=0.0,
            )
        ),
        lambda session: session.add(
            PublishedTheme(
                pulse_id=pulse_id,
                side="them",
                rank=1,
                phrase="x",
                people=2,
                mentions=2,
                polarity=0.0,
            )
        ),
    )
    with database.unit_of_work() as session:
        session.execute(delete(Pulse).where(Pulse.id == pulse_id))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(PublishedDriver)) == 0
        assert session.scalar(select(func.count()).select_from(PublishedTheme)) == 0


def test_an_action_goes_with_its_alert(database: Database) -> None:
    with database.unit_of_work() as session:
        alert = add_alert(session, add_pulse(session, add_engagement(session)))
        session.add(
            Action(
                alert_id=alert.id,
                engagement_id=alert.engagement_id,
                text="Fix it",
                owner_user_id="U1",
                due_on=date(2026, 3, 9),
                created_by="U0LEAD",
            )
        )
        alert_id = alert.id
    with database.reading() as session:
        action = session.scalars(select(Action)).one()
        assert action.done_at is None and action.created_at.tzinfo is not None
        assert action.created_at >= CREATED
    with database.unit_of_work() as session:
        session.execute(delete(Alert).where(Alert.id == alert_id))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Action)) == 0
