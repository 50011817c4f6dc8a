"""`/rapport digest` with `JOB_QUEUE=postgres`: web enqueues it, a worker DMs the digest and
answers the caller as web would have, refusals included (PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import flows
from tests.support.digests_flow import SPONSOR, dm_posts, uploads_to, with_history
from tests.support.queue import app_with_queue, waiting_jobs, work_off, worker_alongside
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    with app_with_queue(standin, postgres_url) as running:
        with worker_alongside(running.database, running.container):
            with_history(running)
        yield running


def previews_waiting(rapport: RunningApp) -> int:
    return waiting_jobs(rapport.database, "rapport.preview_digest")


def test_a_worker_sends_the_digest_and_answers_the_sponsor(queued: RunningApp) -> None:
    rapport = queued
    before = len(dm_posts(rapport, SPONSOR))
    reply = rapport.slack.command("digest", user=SPONSOR)
    rapport.settle()
    assert reply.status == 200
    # Web sent nothing and said nothing yet: the job waits for a worker.
    assert previews_waiting(rapport) == 1
    assert len(dm_posts(rapport, SPONSOR)) == before
    assert reply.all_text() == ""
    work_off(rapport.database, rapport.container)
    assert len(dm_posts(rapport, SPONSOR)) == before + 1
    assert "I've sent you this week's digest of *Acme deal*" in reply.all_text()
    assert reply.ephemeral


def test_someone_else_is_refused_by_the_worker_and_sent_nothing(queued: RunningApp) -> None:
    rapport = queued
    stranger = flows.PROVIDERS[0]
    before = len(uploads_to(rapport, stranger))
    reply = rapport.slack.command("digest", user=stranger)
    rapport.settle()
    work_off(rapport.database, rapport.container)
    assert "Only the leads and sponsors of *Acme deal*" in reply.all_text()
    assert len(uploads_to(rapport, stranger)) == before
    assert previews_waiting(rapport) == 0
