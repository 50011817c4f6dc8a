"""Alert posts in process, with a fake messenger: posted once, found, refused, redrawn."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from bot.domain.retries import Timing
from bot.services.closing import Closed, close_many_and_publish
from bot.services.delivery.alert_posts import ALERT_EVENT, redraw, retry_posts
from bot.services.messenger import Blocks, Tag
from storage import alert_posts
from storage.db import Database
from storage.models import Alert, AlertMessage
from tests.bot.services.delivery.acme import (
    CHANNEL,
    LEAD,
    NOW,
    answered,
    sent_pulse,
)
from tests.support.fake_messenger import FakeMessenger

BASE = timedelta(seconds=5)
CLOSED_AT = NOW + timedelta(hours=1)


def closed_diverging(database: Database, messenger: FakeMessenger) -> Closed:
    """A pulse where the client side is unhappy and the provider thinks all is well, closed."""
    pulse_id = sent_pulse(database, messenger)
    answered(database, pulse_id, [2, 2, 1], [5, 4, 5])
    [closed] = close_many_and_publish(database, messenger, [pulse_id], lambda: CLOSED_AT, BASE)
    return closed


def message(database: Database) -> AlertMessage:
    with database.reading() as session:
        return session.scalars(select(AlertMessage)).one()


def in_channel(messenger: FakeMessenger) -> list[str]:
    """The ts of each alert post in the shared channel."""
    return [m.ts for m in messenger.posted_to(CHANNEL) if m.thread_ts is None]


def test_a_close_posts_its_message_once_tagged_with_its_id(database: Database) -> None:
    messenger = FakeMessenger()
    closed = closed_diverging(database, messenger)
    posted = message(database)
    assert closed.published.posted == 1 and not closed.published.waiting
    [post] = [m for m in messenger.posted_to(CHANNEL) if m.thread_ts is None]
    assert post.tag == Tag(ALERT_EVENT, "message", posted.id) and post.exactly_once
    assert posted.message_ts == post.ts


def test_an_uncertain_post_that_landed_is_found_at_the_retry_not_posted_again(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    pulse_id = sent_pulse(database, messenger)
    answered(database, pulse_id, [2, 2, 1], [5, 4, 5])
    messenger.fail("post", "uncertain", "timeout", landed=True)
    [closed] = close_many_and_publish(database, messenger, [pulse_id], lambda: CLOSED_AT, BASE)
    assert list(closed.published.waiting.values()) == ["timeout"]
    assert message(database).message_ts is None
    assert retry_posts(database, messenger, CLOSED_AT + timedelta(minutes=1), Timing(BASE)) == 1
    assert len(in_channel(messenger)) == 1
    assert message(database).message_ts == in_channel(messenger)[0]


def test_a_refused_post_goes_to_the_leads_by_dm(database: Database) -> None:
    messenger = FakeMessenger()
    pulse_id = sent_pulse(database, messenger)
    answered(database, pulse_id, [2, 2, 1], [5, 4, 5])
    messenger.fail("post", "refused", "not_in_channel")
    [closed] = close_many_and_publish(database, messenger, [pulse_id], lambda: CLOSED_AT, BASE)
    assert list(closed.published.refused.values()) == ["not_in_channel"]
    told = [m for m in messenger.posted_to(LEAD) if "not_in_channel" in m.text]
    assert len(told) == 1 and not told[0].exactly_once
    assert message(database).post_error == "not_in_channel"


def test_a_channel_that_cannot_be_read_after_an_uncertain_post_sends_it_to_the_leads(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    pulse_id = sent_pulse(database, messenger)
    answered(database, pulse_id, [2, 2, 1], [5, 4, 5])
    messenger.fail("post", "uncertain", "timeout")
    close_many_and_publish(database, messenger, [pulse_id], lambda: CLOSED_AT, BASE)
    messenger.fail("find_tagged", "refused", "missing_scope")
    assert retry_posts(database, messenger, CLOSED_AT + timedelta(minutes=1), Timing(BASE)) == 1
    assert in_channel(messenger) == []
    assert [m for m in messenger.posted_to(LEAD) if "missing_scope" in m.text]


def test_a_redraw_updates_the_posted_message_in_place(database: Database) -> None:
    messenger = FakeMessenger()
    closed_diverging(database, messenger)
    with database.reading() as session:
        alert_id = session.scalars(select(Alert.id)).first()
    assert alert_id is not None
    redraw(database, messenger, alert_id)
    assert [(u.channel, u.ts) for u in messenger.updates] == [
        (CHANNEL, message(database).message_ts)
    ]


def test_a_retry_whose_sender_died_is_looked_for_once_its_lease_passes(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    pulse_id = sent_pulse(database, messenger)
    answered(database, pulse_id, [2, 2, 1], [5, 4, 5])
    messenger.fail("post", "uncertain", "timeout", landed=True)
    close_many_and_publish(database, messenger, [pulse_id], lambda: CLOSED_AT, BASE)
    due = message(database).next_post_at
    assert due is not None
    # A clock claims the retry and dies before looking or recording anything.
    with database.unit_of_work() as session:
        lease_end = due + timedelta(minutes=5)
        assert alert_posts.claim_retry(session, message(database).id, due, lease_end)
    assert retry_posts(database, messenger, due + timedelta(minutes=1), Timing(BASE)) == 0
    assert retry_posts(database, messenger, lease_end, Timing(BASE)) == 1
    assert len(in_channel(messenger)) == 1
    assert message(database).message_ts == in_channel(messenger)[0]


class ChangedWhileUpdating(FakeMessenger):
    """Slack takes an update while another close changes the same message again."""

    def __init__(self, change: Callable[[], None]) -> None:
        super().__init__()
        self.change = change

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> None:
        self.change()
        super().update(channel, ts, text, blocks)


def test_a_message_queued_again_while_its_update_was_in_hand_is_updated_again(
    database: Database,
) -> None:
    closed_diverging(database, FakeMessenger())
    message_id = message(database).id
    first, second = CLOSED_AT + timedelta(hours=1), CLOSED_AT + timedelta(hours=2)

    def close_again() -> None:
        with database.unit_of_work() as session:
            alert_posts.queue(session, [message_id], second)

    messenger = ChangedWhileUpdating(close_again)
    with database.unit_of_work() as session:
        alert_posts.queue(session, [message_id], first)
    assert retry_posts(database, messenger, first, Timing(BASE)) == 1
    # What the first sender drew may predate the second close: it is drawn again.
    assert message(database).next_post_at == second
    messenger.change = lambda: None
    assert retry_posts(database, messenger, second, Timing(BASE)) == 1
    assert len(messenger.updates) == 2 and message(database).next_post_at is None


def test_a_refused_update_tells_the_leads_the_channel_shows_older_findings(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    closed_diverging(database, messenger)
    message_id = message(database).id
    with database.unit_of_work() as session:
        alert_posts.queue(session, [message_id], CLOSED_AT + timedelta(hours=1))
    messenger.fail("update", "refused", "cant_update_message")
    retry_posts(database, messenger, CLOSED_AT + timedelta(hours=1), Timing(BASE))
    [told] = [m for m in messenger.posted_to(LEAD) if "cant_update_message" in m.text]
    assert "couldn't update the alert" in told.text and "latest findings" in told.text
    assert "couldn't post" not in told.text
