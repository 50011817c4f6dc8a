"""The clock's other steps with `JOB_QUEUE=postgres`: the clock only enqueues reminders,
closes, alert message retries, ladder posts and digests, once each however often it asks;
a worker delivers each (PostgreSQL)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from bot.services import jobs, worker_jobs
from bot.wiring.clock import Clock
from storage import ladder
from storage.models import AlertMessage, Engagement, Pulse
from tests.support import flows
from tests.support.digests_flow import SPONSOR, dm_posts
from tests.support.queue import app_with_queue, work_off
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres
# A Wednesday; the pulse is due at 09:01 UTC, the digest at 09:02.
MORNING = datetime(2026, 1, 14, 9, 0, tzinfo=UTC)


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    with app_with_queue(standin, postgres_url) as running:
        running.clock.frozen = MORNING
        flows.engagement_with_people(running)
        flows.add(running, (SPONSOR,), "client", "sponsor")
        with running.database.unit_of_work() as session:
            session.execute(
                update(Engagement).values(
                    timezone="UTC",
                    schedule="weekly wed 09:01",
                    digest_schedule="wed 09:02",
                    created_at=MORNING - timedelta(hours=1),
                )
            )
        yield running


def waiting(rapport: RunningApp) -> dict[str, int]:
    """Jobs not started yet, per task (and outbox kind)."""
    with rapport.database.reading() as session:
        rows = session.execute(
            text(
                "SELECT task_name || coalesce(':' || (args->>'kind'), ''), count(*) "
                "FROM procrastinate_jobs WHERE status = 'todo' GROUP BY 1"
            )
        ).all()
    return {name: int(count) for name, count in rows}


def tick_at(rapport: RunningApp, clock: Clock, moment: datetime) -> None:
    rapport.clock.frozen = moment
    clock.tick()


def thread_replies(rapport: RunningApp, channel: str) -> list[str]:
    return [
        str(call.params["thread_ts"])
        for call in rapport.standin.calls_to("chat.postMessage")
        if call.params.get("channel") == channel and "thread_ts" in call.params
    ]


def rate(rapport: RunningApp, client: list[int], provider: list[int]) -> None:
    """Everyone but the lead answers the pulse DM they got."""
    for user, rating in zip(flows.CLIENTS, client, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user, rating in zip(flows.PROVIDERS, provider, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")


def the_pulse(rapport: RunningApp) -> Pulse:
    with rapport.database.reading() as session:
        return session.scalars(select(Pulse)).one()


def test_the_clock_enqueues_each_kind_once_and_a_worker_delivers_it(
    queued: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    rapport, container = queued, queued.container
    clock = Clock(container)
    caplog.set_level(logging.INFO)
    try:
        tick_at(rapport, clock, MORNING + timedelta(minutes=1, seconds=5))
        work_off(rapport.database, container)
        for user, rating in zip(flows.CLIENTS, (2, 2, 1), strict=True):
            flows.click(rapport, user, f"pulse.rate.{rating}")
        for user, rating in zip(flows.PROVIDERS, (5, 4, 5), strict=True):
            flows.click(rapport, user, f"pulse.rate.{rating}")
        pulse = the_pulse(rapport)
        assert pulse.remind_at is not None

        # The weekly digest: one job for the sponsor's, however often it is asked for; the
        # worker sends it.
        tick_at(rapport, clock, MORNING + timedelta(minutes=2, seconds=30))
        assert jobs.send_digests(container) == 0
        assert waiting(rapport)["rapport.deliver:digest"] == 1
        assert dm_posts(rapport, SPONSOR) == []
        work_off(rapport.database, container)
        assert len(dm_posts(rapport, SPONSOR)) == 1

        # The reminder: the lead alone has not answered.
        tick_at(rapport, clock, pulse.remind_at)
        assert jobs.send_reminders(container) == 0
        assert waiting(rapport)["rapport.deliver:reminder"] == 1
        assert thread_replies(rapport, "D0LEAD") == []
        work_off(rapport.database, container)
        assert len(thread_replies(rapport, "D0LEAD")) == 1

        # The close runs on the worker; its channel post fails uncertainly once.
        rapport.standin.server_error("chat.postMessage", user=flows.CHANNEL)
        tick_at(rapport, clock, pulse.closes_at)
        assert jobs.close_due_pulses(container) == 0
        assert waiting(rapport)["rapport.close_pulses"] == 1
        assert the_pulse(rapport).status == "open"
        work_off(rapport.database, container)
        assert the_pulse(rapport).status == "closed"
        [message] = flows.messages(rapport)
        assert message.message_ts is None and message.next_post_at is not None
        assert flows.channel_posts(rapport) == []

        # The alert message's retry: enqueued once, posted once by the worker.
        tick_at(rapport, clock, pulse.closes_at + timedelta(minutes=1))
        assert jobs.retry_alert_posts(container) == 0
        assert waiting(rapport)["rapport.deliver:alert"] == 1
        work_off(rapport.database, container)
        assert len(flows.channel_posts(rapport)) == 1
        with rapport.database.reading() as session:
            message = session.get_one(AlertMessage, message.id)
        assert message.message_ts is not None
        alert = next(iter(flows.alerts(rapport).values()))

        # A ladder post in the message's thread.
        with rapport.database.unit_of_work() as session:
            ladder.queue(
                session,
                alert.id,
                "resolution",
                [flows.CHANNEL],
                "Resolved.",
                thread_ts=message.message_ts,
            )
        tick_at(rapport, clock, pulse.closes_at + timedelta(minutes=2))
        assert jobs.climb_ladder(container) == 0
        assert waiting(rapport)["rapport.deliver:ladder"] == 1
        assert thread_replies(rapport, flows.CHANNEL) == []
        work_off(rapport.database, container)
        assert thread_replies(rapport, flows.CHANNEL) == [message.message_ts]
    finally:
        clock.leadership.release()
    assert "failed; it runs again next tick" not in caplog.text
    assert waiting(rapport) == {}
    assert len(dm_posts(rapport, SPONSOR)) == 1


def test_the_next_slot_opens_once_a_worker_has_closed_the_last_pulse(queued: RunningApp) -> None:
    rapport = queued
    with rapport.database.unit_of_work() as session:
        session.execute(update(Engagement).values(schedule="daily 09:01"))
    clock = Clock(rapport.container)
    try:
        tick_at(rapport, clock, MORNING + timedelta(minutes=1, seconds=5))
        work_off(rapport.database, rapport.container)
        next_day = MORNING + timedelta(days=1, minutes=1, seconds=5)
        tick_at(rapport, clock, next_day)
        # The clock closed nothing itself: the close waits for a worker, the slot with it.
        assert [p.status for p in all_pulses(rapport)] == ["open"]
        assert waiting(rapport)["rapport.close_pulses"] == 1
        work_off(rapport.database, rapport.container)
        assert [p.status for p in all_pulses(rapport)] == ["closed"]
        tick_at(rapport, clock, next_day + timedelta(seconds=30))
        pulses = all_pulses(rapport)
        assert [p.status for p in pulses] == ["closed", "open"]
        assert pulses[1].scheduled_for == MORNING + timedelta(days=1, minutes=1)
    finally:
        clock.leadership.release()


def all_pulses(rapport: RunningApp) -> list[Pulse]:
    with rapport.database.reading() as session:
        return list(session.scalars(select(Pulse).order_by(Pulse.id)))


def test_a_close_job_calls_slack_for_nothing_its_messages_go_by_jobs_of_their_own(
    queued: RunningApp,
) -> None:
    rapport, container = queued, queued.container
    clock = Clock(container)
    try:
        tick_at(rapport, clock, MORNING + timedelta(minutes=1, seconds=5))
        work_off(rapport.database, container)
        rate(rapport, [2, 2, 1], [5, 4, 5])
        pulse = the_pulse(rapport)
        rapport.clock.frozen = pulse.closes_at
        before = len(rapport.standin.calls)
        # The close job's own work, as a worker runs it: it records the close and
        # enqueues the alert message; not one Slack call.
        assert worker_jobs.close_batch(container, [pulse.id]) == 1
        assert rapport.standin.calls[before:] == []
        assert the_pulse(rapport).status == "closed"
        assert waiting(rapport) == {"rapport.deliver:alert": 1}
        [message] = flows.messages(rapport)
        assert message.message_ts is None and message.post_error is None
        # Its own job posts it, once.
        work_off(rapport.database, container)
        assert len(flows.channel_posts(rapport)) == 1
        [message] = flows.messages(rapport)
        assert message.message_ts is not None and message.next_post_at is None
        # A later close that changes the findings updates the message in place, again
        # through a job of its own.
        tick_at(rapport, clock, MORNING + timedelta(days=7, minutes=1, seconds=5))
        work_off(rapport.database, container)
        rate(rapport, [1, 1, 1], [5, 5, 5])
        second = all_pulses(rapport)[-1]
        rapport.clock.frozen = second.closes_at
        before = len(rapport.standin.calls)
        assert worker_jobs.close_batch(container, [second.id]) == 1
        assert rapport.standin.calls[before:] == []
        assert waiting(rapport).get("rapport.deliver:alert") == 1
        work_off(rapport.database, container)
        updates = [c for c in rapport.standin.calls[before:] if c.method == "chat.update"]
        assert [c.params["ts"] for c in updates] == [message.message_ts]
    finally:
        clock.leadership.release()
