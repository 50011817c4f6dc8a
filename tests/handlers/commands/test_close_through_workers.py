"""`/rapport close` with `JOB_QUEUE=postgres`: web enqueues the close, a worker closes,
the alert message is posted by a job of its own, and the lead is told what the workers
recorded, a post that failed or still waits included (PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from bot.services import job_queue, worker_jobs
from storage.models import Pulse
from tests.support import flows
from tests.support.queue import app_with_queue, waiting_jobs, work_off, worker_alongside
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    with app_with_queue(standin, postgres_url) as running:
        yield running


def close_jobs(rapport: RunningApp) -> int:
    return waiting_jobs(rapport.database, "rapport.close_pulses")


def pulse_status(rapport: RunningApp) -> str:
    with rapport.database.reading() as session:
        return session.scalars(select(Pulse.status)).one()


def worker_once_the_close_waits(rapport: RunningApp, seen: dict[str, object]) -> None:
    """A worker that starts once the close job waits, noting what stood before it ran."""
    deadline = time.monotonic() + 20
    while not close_jobs(rapport):
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)
    seen["pulse before the worker"] = pulse_status(rapport)
    seen["channel posts before the worker"] = len(flows.channel_posts(rapport))
    work_off(rapport.database, rapport.container)


def answered_round(rapport: RunningApp) -> None:
    """An engagement whose pulse went out through a worker and was answered: client side
    unhappy, provider side content, so its close has findings to post."""
    flows.engagement_with_people(rapport)
    with worker_alongside(rapport.database, rapport.container):
        flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])


def test_web_enqueues_the_close_a_worker_closes_and_the_lead_hears_the_truth(
    queued: RunningApp,
) -> None:
    rapport = queued
    answered_round(rapport)
    # The grouped message's post hangs without landing.
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1)
    seen: dict[str, object] = {}
    worker = threading.Thread(target=worker_once_the_close_waits, args=(rapport, seen))
    worker.start()
    reply = rapport.slack.command("close", user=flows.LEAD)
    rapport.settle()
    worker.join()
    assert reply.status == 200
    # Web closed nothing itself: the worker did.
    assert seen == {"pulse before the worker": "open", "channel posts before the worker": 0}
    assert pulse_status(rapport) == "closed"
    text = reply.all_text()
    assert "Closed the pulse for *Acme deal*" in text and "nothing was changed" not in text
    # The figures stored at the close and each alert's step, as the in-process close says.
    assert "Now: client 16 (tolerance 70), provider 91 (tolerance 60)." in text
    assert "Alerts: 2 opened." in text
    assert "could not be posted in the channel yet (timeout)" in text
    (message,) = flows.messages(rapport)
    assert message.message_ts is None and message.post_error == "timeout"
    assert close_jobs(rapport) == 0


def test_closing_again_through_the_workers_is_refused(queued: RunningApp) -> None:
    rapport = queued
    flows.engagement_with_people(rapport)
    with worker_alongside(rapport.database, rapport.container):
        flows.send(rapport)
        first = rapport.slack.command("close", user=flows.LEAD)
        rapport.settle()
        again = rapport.slack.command("close", user=flows.LEAD)
        rapport.settle()
    assert "Closed the pulse for *Acme deal*" in first.all_text()
    assert "Closed the pulse" not in again.all_text()
    assert "no open pulse" in again.all_text().lower()


def test_a_close_no_worker_takes_is_said_to_be_queued_and_runs_once_one_does(
    queued: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapport = queued
    answered_round(rapport)
    monkeypatch.setattr(job_queue, "WORKERS_WAIT_SECONDS", 1.0)
    reply = rapport.slack.command("close", user=flows.LEAD)
    rapport.settle()
    text = reply.all_text()
    assert "The close of *Acme deal* is queued, but no worker has taken it in 1 min." in text
    assert "Closed the pulse" not in text
    assert pulse_status(rapport) == "open" and close_jobs(rapport) == 1
    work_off(rapport.database, rapport.container)
    assert pulse_status(rapport) == "closed" and close_jobs(rapport) == 0
    assert len(flows.channel_posts(rapport)) == 1


def closer_only(rapport: RunningApp) -> None:
    """A worker that runs the close job once it waits, and no other job."""
    deadline = time.monotonic() + 20
    while not close_jobs(rapport):
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)
    with rapport.database.unit_of_work() as session:
        (job_id, pulse_ids) = session.execute(
            text(
                "UPDATE procrastinate_jobs SET status = 'doing' "
                "WHERE task_name = 'rapport.close_pulses' RETURNING id, args->'pulse_ids'"
            )
        ).one()
    worker_jobs.close_batch(rapport.container, list(pulse_ids))
    with rapport.database.unit_of_work() as session:
        session.execute(
            text("UPDATE procrastinate_jobs SET status = 'succeeded' WHERE id = :id"),
            {"id": job_id},
        )


def test_a_message_no_worker_has_posted_yet_is_said_to_be_queued(
    queued: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapport = queued
    answered_round(rapport)
    monkeypatch.setattr(job_queue, "WORKERS_WAIT_SECONDS", 2.0)
    worker = threading.Thread(target=closer_only, args=(rapport,))
    worker.start()
    reply = rapport.slack.command("close", user=flows.LEAD)
    rapport.settle()
    worker.join()
    text_ = reply.all_text()
    assert "Closed the pulse for *Acme deal*" in text_ and "Alerts: 2 opened." in text_
    assert "The alert message is queued for the channel" in text_
    assert "could not be posted" not in text_
    assert flows.channel_posts(rapport) == []
    # Its own job posts it once a worker runs.
    work_off(rapport.database, rapport.container)
    assert len(flows.channel_posts(rapport)) == 1
