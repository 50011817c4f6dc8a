"""`/rapport digest` with `JOB_QUEUE=postgres`: web enqueues it, a worker DMs the digest and
answers the caller as web would have, refusals included (PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import text

from storage.db import Database
from tests.support import flows
from tests.support.digests_flow import SPONSOR, dm_posts, uploads_to, with_history
from tests.support.keys import key_for
from tests.support.queue import emptied, work_off, worker_alongside
from tests.support.running import RunningApp, make_settings, running_app
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    database = Database(emptied(postgres_url), key_for(postgres_url))
    settings = replace(make_settings(standin, postgres_url), job_queue="postgres")
    with running_app(standin, database, settings=settings) as running:
        with worker_alongside(running.database, running.container):
            with_history(running)
        yield running
    database.dispose()


def previews_waiting(rapport: RunningApp) -> int:
    with rapport.database.reading() as session:
        found = session.execute(
            text(
                "SELECT count(*) FROM procrastinate_jobs "
                "WHERE task_name = 'rapport.preview_digest' AND status = 'todo'"
            )
        ).scalar()
    return int(found or 0)


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
