"""procrastinate as Rapport's job queue: its address, and one history check per pulse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import pytest
from slack_sdk import WebClient
from sqlalchemy import text

from bot.wiring.job_queue import CHECK_DMS, SEND_DM, ProcrastinateQueue, conninfo, job_app
from bot.wiring.settings import ProcessSettings
from storage.db import Database
from tests.support.fake_messenger import FakeContainer, NoWebClient
from tests.support.queue import emptied


@pytest.fixture
def queue(postgres_url: str) -> Iterator[ProcrastinateQueue]:
    database = Database(emptied(postgres_url))
    settings = ProcessSettings(slack_bot_token="xoxb-fake", database_url=postgres_url)
    runtime = FakeContainer(settings, database, cast(WebClient, NoWebClient()))
    found = ProcrastinateQueue(job_app(database, runtime), database)
    yield found
    found.close()
    database.dispose()


def test_the_queue_talks_to_the_database_sqlalchemy_opened() -> None:
    database = Database("postgresql+psycopg://rapport:secret@db.example:5433/rapport")
    assert conninfo(database) == "postgresql://rapport:secret@db.example:5433/rapport"


@pytest.mark.postgres
def test_one_history_check_waits_per_claim_however_often_it_is_asked(
    queue: ProcrastinateQueue,
) -> None:
    assert queue.check_dms([(1, 10), (2, 20)]) == 2
    assert queue.check_dms([(1, 10), (2, 20), (2, 21)]) == 1
    with queue.database.reading() as session:
        tasks = session.execute(text("SELECT task_name FROM procrastinate_jobs")).scalars().all()
    assert sorted(tasks) == [CHECK_DMS] * 3


@pytest.mark.postgres
def test_dm_jobs_are_counted_per_pulse_while_they_wait(queue: ProcrastinateQueue) -> None:
    assert queue.send_dms({7: 3, 8: 1, 9: 0}) == 4
    assert queue.waiting_dms() == {7: 3, 8: 1}
    with queue.database.reading() as session:
        order = (
            session.execute(
                text(
                    "SELECT (args->>'pulse_id')::int FROM procrastinate_jobs WHERE task_name = :t "
                    "ORDER BY id"
                ),
                {"t": SEND_DM},
            )
            .scalars()
            .all()
        )
    # The pulses take turns in the queue.
    assert order == [7, 8, 7, 7]
