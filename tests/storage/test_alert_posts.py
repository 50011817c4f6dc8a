"""Grouped alert posts: a failure queues a retry, which one process claims; a post settles it."""

from __future__ import annotations

from datetime import timedelta

from storage import alert_posts
from storage.db import Database
from storage.models import AlertMessage
from tests.storage.rows import CREATED, add_engagement, add_pulse


def message(database: Database, **fields: object) -> int:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        row = AlertMessage(
            engagement_id=pulse.engagement_id,
            opened_pulse_id=pulse.id,
            last_pulse_id=pulse.id,
            channel_id="C0ALERTS",
            **fields,
        )
        session.add(row)
        session.flush()
        return row.id


def another(database: Database, pulse: dict[str, int], **fields: object) -> int:
    """One more message of the same engagement and pulse."""
    with database.unit_of_work() as session:
        row = AlertMessage(channel_id="C0ALERTS", **pulse, **fields)
        session.add(row)
        session.flush()
        return row.id


def test_a_failed_post_is_retried_once_when_due(database: Database) -> None:
    message_id = message(database)
    retry = CREATED + timedelta(minutes=5)
    with database.unit_of_work() as session:
        assert alert_posts.record_failure(session, message_id, "x" * 100, retry) == 1
        assert alert_posts.record_failure(session, message_id, "ratelimited", retry) == 2
    with database.reading() as session:
        assert alert_posts.due_retries(session, retry - timedelta(seconds=1)) == []
        assert alert_posts.due_retries(session, retry) == [(message_id, retry)]
        assert session.get_one(AlertMessage, message_id).post_error == "ratelimited"
    with database.unit_of_work() as session:
        assert alert_posts.claim_retry(session, message_id, retry)
    with database.unit_of_work() as session:
        assert not alert_posts.claim_retry(session, message_id, retry)
        assert alert_posts.due_retries(session, retry) == []


def test_a_post_clears_the_error_and_the_retry(database: Database) -> None:
    message_id = message(database)
    with database.unit_of_work() as session:
        alert_posts.record_failure(session, message_id, "timeout", CREATED)
        alert_posts.record_post(session, message_id, "1700000000.000100")
    with database.reading() as session:
        row = session.get_one(AlertMessage, message_id)
        assert (row.message_ts, row.post_error, row.next_post_at) == (
            "1700000000.000100",
            None,
            None,
        )
        assert alert_posts.due_retries(session, CREATED + timedelta(days=1)) == []


def test_a_message_no_longer_live_is_not_retried(database: Database) -> None:
    message(database, status="done", next_post_at=CREATED)
    with database.reading() as session:
        assert alert_posts.due_retries(session, CREATED) == []


def test_a_close_queues_a_post_or_an_update_and_leaves_a_waiting_retry_alone(
    database: Database,
) -> None:
    later = CREATED + timedelta(minutes=10)
    fresh = message(database)
    with database.reading() as session:
        first = session.get_one(AlertMessage, fresh)
        same_pulse = {
            "engagement_id": first.engagement_id,
            "opened_pulse_id": first.opened_pulse_id,
            "last_pulse_id": first.opened_pulse_id,
        }
    posted, retrying, gone = (
        another(database, same_pulse, message_ts="1700000000.000100"),
        another(database, same_pulse, post_error="timeout", next_post_at=later),
        another(database, same_pulse, status="done"),
    )
    with database.unit_of_work() as session:
        alert_posts.queue(session, [fresh, posted, retrying, gone], CREATED)
    with database.reading() as session:
        assert sorted(alert_posts.due_retries(session, CREATED)) == [
            (fresh, CREATED),
            (posted, CREATED),
        ]
        assert session.get_one(AlertMessage, retrying).next_post_at == later
        assert alert_posts.queued_posts(session, [fresh, posted, retrying, gone]) == 1
    # A posted message's update is claimed like a post: once.
    with database.unit_of_work() as session:
        assert alert_posts.claim_retry(session, posted, CREATED, later)
        assert not alert_posts.claim_retry(session, posted, CREATED, later)
