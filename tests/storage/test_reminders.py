"""Thread reminders: queued once per pulse for those who owe an answer, claimed once, settled."""

from __future__ import annotations

from datetime import timedelta

from storage import reminders
from storage.db import Database
from storage.models import Delivery, Response
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse

NOW = CREATED + timedelta(hours=24)


def pulse_with_people(database: Database) -> tuple[int, dict[str, int]]:
    """A pulse sent to four: one answered, one away, one not sent, one who owes an answer."""
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal)
        people = {
            name: add_member(session, deal, name, locale="de-DE")
            for name in ("U_OWES", "U_ANSWERED", "U_AWAY", "U_UNSENT")
        }
        sent = {"channel_id": "D1", "message_ts": "1.1", "status": "sent"}
        ids = {
            "U_OWES": add_delivery(session, pulse, people["U_OWES"], **sent).id,
            "U_ANSWERED": add_delivery(session, pulse, people["U_ANSWERED"], **sent).id,
            "U_AWAY": add_delivery(session, pulse, people["U_AWAY"], away_at=CREATED, **sent).id,
            "U_UNSENT": add_delivery(session, pulse, people["U_UNSENT"]).id,
        }
        session.add(Response(pulse_id=pulse.id, member_id=people["U_ANSWERED"].id, rating=4))
        return pulse.id, ids


def test_reminders_are_queued_once_for_those_who_owe_an_answer(database: Database) -> None:
    pulse_id, ids = pulse_with_people(database)
    with database.unit_of_work() as session:
        assert reminders.queue(session, pulse_id, NOW) == 1
    with database.unit_of_work() as session:
        assert reminders.queue(session, pulse_id, NOW) is None
    with database.reading() as session:
        assert reminders.due(session, NOW) == [(ids["U_OWES"], NOW)]
        assert reminders.due(session, NOW - timedelta(seconds=1)) == []


def test_a_due_reminder_is_claimed_once_then_settled(database: Database) -> None:
    pulse_id, ids = pulse_with_people(database)
    lease = NOW + timedelta(minutes=2)
    with database.unit_of_work() as session:
        reminders.queue(session, pulse_id, NOW)
    with database.unit_of_work() as session:
        claimed = reminders.claim(session, ids["U_OWES"], NOW, lease)
    with database.unit_of_work() as session:
        assert reminders.claim(session, ids["U_OWES"], NOW, lease) is None
    assert claimed is not None
    assert (claimed.channel_id, claimed.message_ts, claimed.attempts) == ("D1", "1.1", 1)
    assert not claimed.look_first and not claimed.answered and claimed.locale == "de-DE"
    with database.reading() as session:
        assert reminders.due(session, lease) == [(ids["U_OWES"], lease)]
    with database.unit_of_work() as session:
        again = reminders.claim(session, ids["U_OWES"], lease, lease + timedelta(minutes=2))
        assert again is not None and again.look_first and again.attempts == 2
        reminders.settle(session, ids["U_OWES"], "1.2", error="x" * 100)
    with database.reading() as session:
        row = session.get_one(Delivery, ids["U_OWES"])
        assert (row.reminder_ts, row.reminder_next_at) == ("1.2", None)
        assert row.reminder_error == "x" * 64
        assert reminders.due(session, lease + timedelta(days=1)) == []
    with database.unit_of_work() as session:
        assert reminders.claim(session, ids["U_OWES"], None, lease) is None
        assert reminders.claim(session, 10_000, None, lease) is None
