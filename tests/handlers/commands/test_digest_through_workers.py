"""`/rapport digest` and `export` with `JOB_QUEUE=postgres`: web enqueues them, a worker DMs
the digest or the CSV and answers the caller as web would have, refusals included
(PostgreSQL)."""

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


def exports_waiting(rapport: RunningApp) -> int:
    return waiting_jobs(rapport.database, "rapport.export_figures")


def test_a_worker_uploads_the_export_and_answers_the_lead(queued: RunningApp) -> None:
    rapport = queued
    before = len(uploads_to(rapport, flows.LEAD))
    reply = rapport.slack.command("export", user=flows.LEAD)
    rapport.settle()
    assert reply.status == 200
    # Web uploaded nothing and said nothing yet: the job waits for a worker.
    assert exports_waiting(rapport) == 1
    assert len(uploads_to(rapport, flows.LEAD)) == before
    assert reply.all_text() == ""
    work_off(rapport.database, rapport.container)
    [csv] = uploads_to(rapport, flows.LEAD)[before:]
    assert csv.decode().startswith("pulse,opened_at")
    assert "I've sent you *Acme deal*'s figures per pulse as a CSV" in reply.all_text()
    assert "(2 pulses;" in reply.all_text()
    assert reply.ephemeral and exports_waiting(rapport) == 0


def test_a_member_who_is_not_a_lead_is_refused_the_export_by_the_worker(
    queued: RunningApp,
) -> None:
    rapport = queued
    member = flows.PROVIDERS[0]
    reply = rapport.slack.command("export", user=member)
    rapport.settle()
    work_off(rapport.database, rapport.container)
    assert "Only the leads and sponsors of *Acme deal*" in reply.all_text()
    assert uploads_to(rapport, member) == []


def test_an_upload_slack_refuses_is_said_with_its_reason(queued: RunningApp) -> None:
    rapport = queued
    rapport.standin.fail("files.getUploadURLExternal", "not_allowed_token_type")
    reply = rapport.slack.command("export", user=flows.LEAD)
    rapport.settle()
    work_off(rapport.database, rapport.container)
    assert (
        "I couldn't send you the export of *Acme deal* (not_allowed_token_type)" in reply.all_text()
    )
