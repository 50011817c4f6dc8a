"""Actions agreed on a finding: added, done once, listed per alert and open per engagement."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from storage import actions
from storage.db import Database
from storage.models import Alert
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse


def test_an_action_is_done_once_and_leaves_the_open_list(database: Database) -> None:
    with database.unit_of_work() as session:
        alert = add_alert(session, add_pulse(session, add_engagement(session)), side="client")
        later = actions.add(
            session,
            alert,
            text="Weekly call",
            owner_user_id="U1",
            due_on=date(2026, 3, 20),
            created_by="U0LEAD",
            now=CREATED,
        )
        sooner = actions.add(
            session,
            alert,
            text="Fix the report",
            owner_user_id="U2",
            due_on=date(2026, 3, 9),
            created_by="U0LEAD",
            now=CREATED,
        )
        engagement_id, later_id, sooner_id = alert.engagement_id, later.id, sooner.id
    with database.reading() as session:
        listed = actions.open_actions(session, engagement_id)
        assert [a.id for a in listed] == [sooner_id, later_id]
        assert listed[0].rule == "gap" and listed[0].side == "client"
        assert [a.text for a in actions.open_actions(session, engagement_id, "U1")] == [
            "Weekly call"
        ]
    with database.unit_of_work() as session:
        assert actions.mark_done(session, sooner_id, "U2", CREATED + timedelta(days=1))
    with database.unit_of_work() as session:
        assert not actions.mark_done(session, sooner_id, "U3", CREATED + timedelta(days=2))
    with database.reading() as session:
        assert [a.id for a in actions.open_actions(session, engagement_id)] == [later_id]
        alert_row = session.get_one(Alert, listed[0].alert_id)
        done = {a.id: a.done_by for a in actions.of_alert(session, alert_row)}
        assert done == {later_id: None, sooner_id: "U2"}


def test_an_action_closes_with_its_resolved_finding(database: Database) -> None:
    with database.unit_of_work() as session:
        alert = add_alert(session, add_pulse(session, add_engagement(session)))
        actions.add(
            session,
            alert,
            text="Fix it",
            owner_user_id="U1",
            due_on=date(2026, 3, 9),
            created_by="U0LEAD",
            now=CREATED,
        )
        alert_id, engagement_id = alert.id, alert.engagement_id
    with database.unit_of_work() as session:
        session.execute(update(Alert).where(Alert.id == alert_id).values(status="resolved"))
    with database.reading() as session:
        assert actions.open_actions(session, engagement_id) == []
        (item,) = actions.of_alert(session, session.get_one(Alert, alert_id))
        assert item.finding_resolved and item.done_by is None
