"""The ladder's posts in process, with a fake messenger: each once, found after an uncertain end."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.domain.retries import Timing
from bot.domain.vocabulary import utcnow
from bot.services.delivery.ladder_posts import LADDER_EVENT, send_ladder_posts
from bot.services.messenger import Tag
from storage import ladder as queries
from storage.db import Database
from storage.models import Alert, AlertMessage, LadderPost
from tests.bot.services.delivery.acme import CHANNEL
from tests.bot.services.delivery.test_alert_posts import closed_diverging
from tests.support.fake_messenger import FakeMessenger, dm_of

SPONSOR = "U0SPONS"
BASE = timedelta(seconds=5)


def queued(database: Database, messenger: FakeMessenger) -> str:
    """A re-raise in the alert message's thread and an escalation DM, queued; the thread's ts."""
    closed_diverging(database, messenger)
    with database.unit_of_work() as session:
        alert_id = session.scalars(select(Alert.id)).first()
        thread_ts = session.scalars(select(AlertMessage.message_ts)).one()
        assert alert_id is not None and thread_ts is not None
        queries.queue(session, alert_id, "reraise", [CHANNEL], "Still open.", thread_ts=thread_ts)
        queries.queue(session, alert_id, "escalation", [SPONSOR], "Please look.")
    return thread_ts


def posts(database: Database) -> dict[str, tuple[str, str | None, str | None]]:
    """Each post's status, ts and error, by kind."""
    with database.reading() as session:
        return {p.kind: (p.status, p.ts, p.error) for p in session.scalars(select(LadderPost))}


def test_each_post_goes_once_to_its_thread_or_its_sponsors_dm(database: Database) -> None:
    messenger = FakeMessenger()
    thread_ts = queued(database, messenger)
    now = utcnow()
    assert send_ladder_posts(database, messenger, now, Timing(BASE)) == 2
    assert send_ladder_posts(database, messenger, now + timedelta(hours=1), Timing(BASE)) == 0
    [reraise] = [m for m in messenger.posted_to(CHANNEL) if m.thread_ts == thread_ts]
    [escalation] = messenger.posted_to(SPONSOR)
    assert escalation.channel == dm_of(SPONSOR) and escalation.text == "Please look."
    with database.reading() as session:
        ids = {p.kind: p.id for p in session.scalars(select(LadderPost))}
    assert reraise.tag == Tag(LADDER_EVENT, "post", ids["reraise"])
    assert escalation.tag == Tag(LADDER_EVENT, "post", ids["escalation"])
    assert posts(database) == {
        "reraise": ("sent", reraise.ts, None),
        "escalation": ("sent", escalation.ts, None),
    }


def test_an_uncertain_reply_that_landed_is_found_in_the_thread(database: Database) -> None:
    messenger = FakeMessenger()
    thread_ts = queued(database, messenger)
    now = utcnow()
    messenger.fail("post", "uncertain", "timeout", landed=True)
    assert send_ladder_posts(database, messenger, now, Timing(BASE)) == 1
    assert posts(database)["reraise"][::2] == ("sending", "timeout")
    assert send_ladder_posts(database, messenger, now + timedelta(minutes=1), Timing(BASE)) == 1
    assert "find_tagged_reply" in messenger.methods()
    [reraise] = [m for m in messenger.posted_to(CHANNEL) if m.thread_ts == thread_ts]
    assert posts(database)["reraise"] == ("sent", reraise.ts, None)


def test_a_refusal_fails_the_post_with_slacks_code(database: Database) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    messenger.fail("open_dm", "refused", "user_not_found")
    send_ladder_posts(database, messenger, utcnow(), Timing(BASE))
    assert posts(database)["escalation"] == ("failed", None, "user_not_found")


def test_a_429_is_tried_again_no_sooner_than_slack_allows(database: Database) -> None:
    messenger = FakeMessenger()
    queued(database, messenger)
    now = utcnow()
    messenger.fail("post", "rate_limited", retry_after=120.0)
    send_ladder_posts(database, messenger, now, Timing(BASE))
    with database.reading() as session:
        waiting = session.scalars(select(LadderPost).where(LadderPost.status == "sending")).one()
        assert waiting.error == "ratelimited"
        assert waiting.next_attempt_at is not None
        assert waiting.next_attempt_at >= now + timedelta(seconds=120)
