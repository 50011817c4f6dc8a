"""Thread reminders in process, with a fake messenger: one each, found after an uncertain end."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.domain.retries import Timing
from bot.services.delivery.reminders import REMINDER_EVENT, send_due_reminders
from storage import reminders as reminder_queries
from storage.db import Database
from storage.models import Delivery
from tests.bot.services.delivery.acme import (
    CLIENTS,
    LEAD,
    NOW,
    PROVIDERS,
    answered,
    sent_pulse,
)
from tests.support.fake_messenger import FakeMessenger, dm_of

TIMING = Timing(timedelta(seconds=5), timedelta(minutes=5))


def queued(database: Database, messenger: FakeMessenger) -> int:
    """A pulse whose DMs went out and whose reminders are now queued, nobody having answered."""
    pulse_id = sent_pulse(database, messenger)
    with database.unit_of_work() as session:
        reminder_queries.queue(session, pulse_id, NOW)
    return pulse_id


def reminders(database: Database) -> dict[str, tuple[str | None, str | None]]:
    """Each person's reminder: its ts (or state) and error."""
    with database.reading() as session:
        return {
            d.member.user_id: (d.reminder_ts, d.reminder_error)
            for d in session.scalars(select(Delivery))
        }


def test_everyone_who_has_not_answered_gets_one_reminder_in_their_dms_thread(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    dms = {m.channel: m.ts for m in messenger.posts}
    assert send_due_reminders(database, messenger, NOW, TIMING) == 7
    replies = messenger.posts[len(dms) :]
    assert len(replies) == 7
    assert all(r.thread_ts == dms[r.channel] and r.paced and r.exactly_once for r in replies)
    assert all(r.tag is not None and r.tag.event_type == REMINDER_EVENT for r in replies)
    assert send_due_reminders(database, messenger, NOW + timedelta(hours=1), TIMING) == 0


def test_an_uncertain_reminder_that_landed_is_found_in_the_thread_not_sent_twice(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    messenger.fail("post", "uncertain", "http_503", landed=True)
    assert send_due_reminders(database, messenger, NOW, TIMING) == 6
    waiting = [user for user, (_, error) in reminders(database).items() if error == "http_503"]
    assert len(waiting) == 1
    assert send_due_reminders(database, messenger, NOW + timedelta(seconds=10), TIMING) == 1
    assert "find_tagged_reply" in messenger.methods()
    assert len(messenger.posts) == 7 + 7
    landed = [m.ts for m in messenger.posted_to(waiting[0]) if m.thread_ts is not None]
    assert reminders(database)[waiting[0]] == (landed[0], None) and len(landed) == 1


def test_a_refused_reminder_fails_with_slacks_code(database: Database) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    messenger.fail("post", "refused", "channel_not_found")
    send_due_reminders(database, messenger, NOW, TIMING)
    assert ("failed", "channel_not_found") in reminders(database).values()


def test_someone_who_answered_meanwhile_gets_none(database: Database) -> None:
    messenger = FakeMessenger()
    pulse_id = queued(database, messenger)
    answered(database, pulse_id, [3, 3, 3], [4, 4, 4])
    send_due_reminders(database, messenger, NOW, TIMING)
    states = reminders(database)
    assert all(states[user][0] == "answered" for user in (*CLIENTS, *PROVIDERS))
    reminded = [m for m in messenger.posts if m.thread_ts is not None]
    assert [m.channel for m in reminded] == [dm_of(LEAD)]


def check_times(database: Database) -> dict[str, object]:
    with database.reading() as session:
        return {d.member.user_id: d.reminder_next_at for d in session.scalars(select(Delivery))}


def test_a_429_is_waited_out_the_claim_kept_and_the_reminder_sent_once(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    messenger.fail("post", "rate_limited", retry_after=0.05)
    assert send_due_reminders(database, messenger, NOW, TIMING) == 7
    replies = [m for m in messenger.posts if m.thread_ts is not None]
    assert len(replies) == 7 and len({m.channel for m in replies}) == 7
    assert all(error is None for _, error in reminders(database).values())


def test_a_sender_held_by_a_429_keeps_its_claim_unless_another_took_it_since(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    lease = NOW + timedelta(seconds=45)
    with database.unit_of_work() as session:
        [(delivery_id, seen), *_] = reminder_queries.due(session, NOW)
        first = reminder_queries.claim(session, delivery_id, seen, lease)
        assert first is not None
    with database.unit_of_work() as session:
        assert reminder_queries.keep_claim(session, delivery_id, first.attempts, timedelta(30))
    with database.reading() as session:
        row = session.get_one(Delivery, delivery_id)
        assert row.reminder_next_at is not None
        assert row.reminder_next_at.replace(tzinfo=None) == (lease + timedelta(30)).replace(
            tzinfo=None
        )
    # Its sender went quiet past the check time: another process takes the reminder.
    with database.unit_of_work() as session:
        later = row.reminder_next_at
        second = reminder_queries.claim(session, delivery_id, later, later + timedelta(45))
        assert second is not None and second.attempts == first.attempts + 1
    with database.unit_of_work() as session:
        assert not reminder_queries.keep_claim(session, delivery_id, first.attempts, timedelta(30))
