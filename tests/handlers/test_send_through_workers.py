"""`/rapport send` with `JOB_QUEUE=postgres`: web enqueues the DMs, a worker sends them, and
the lead is told what the workers recorded, refusals included (PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from bot.services import sending
from bot.services.sending import enqueue_due
from tests.support import flows
from tests.support.queue import app_with_queue, waiting_jobs, work_off
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres
EVERYONE = sorted([flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS])


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    with app_with_queue(standin, postgres_url) as running:
        yield running


def worker_after_enqueue(rapport: RunningApp, count: int, seen: dict[str, object]) -> None:
    """A worker that starts once `count` jobs wait, noting what stood before it ran."""
    deadline = time.monotonic() + 20
    while waiting_jobs(rapport.database) < count:
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)
    seen["dms before the worker"] = len(rapport.standin.dms())
    # Enqueuing again while the jobs wait adds none (two clocks, or a clock and web).
    seen["enqueued again"] = enqueue_due(rapport.container, rapport.container.queue)  # type: ignore[arg-type]
    work_off(rapport.database, rapport.container)


def test_web_enqueues_a_worker_sends_and_the_lead_hears_the_truth(queued: RunningApp) -> None:
    rapport = queued
    flows.engagement_with_people(rapport)
    rapport.standin.fail("chat.postMessage", "user_not_found", user="U0CLI1")
    seen: dict[str, object] = {}
    worker = threading.Thread(target=worker_after_enqueue, args=(rapport, len(EVERYONE), seen))
    worker.start()
    reply = rapport.slack.command("send", user=flows.LEAD)
    worker.join()
    assert reply.status == 200
    # Nothing was sent by web itself: every DM waited for the worker.
    assert seen == {"dms before the worker": 0, "enqueued again": 0}
    text = reply.all_text()
    assert "sent to 6 of 7" in text
    assert "<@U0CLI1> (user_not_found)" in text
    sent = Counter(str(call.params["channel"]) for call in rapport.standin.dms())
    assert sent == Counter({user: 1 for user in EVERYONE if user != "U0CLI1"})
    assert waiting_jobs(rapport.database) == 0


def test_dms_no_worker_takes_are_said_to_be_queued_and_go_once_one_does(
    queued: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapport = queued
    flows.engagement_with_people(rapport)
    monkeypatch.setattr(sending, "WORKERS_WAIT_SECONDS", 1.0)
    reply = rapport.slack.command("send", user=flows.LEAD)
    rapport.settle()
    text = reply.all_text()
    assert "sent to 0 of 7" in text
    assert "Not sent yet to 7 (queued)" in text
    assert rapport.standin.dms() == []
    work_off(rapport.database, rapport.container)
    sent = Counter(str(call.params["channel"]) for call in rapport.standin.dms())
    assert sent == Counter(dict.fromkeys(EVERYONE, 1))
