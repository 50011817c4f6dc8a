"""procrastinate as Rapport's job queue: its address, and one job waiting per piece of work
(a history check, an outbox item, a batch of closes)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import cast

import pytest
from slack_sdk import WebClient
from sqlalchemy import text

from bot.wiring.job_queue import (
    CHECK_DMS,
    DELIVER,
    RETIRED,
    SEND_DM,
    ProcrastinateQueue,
    conninfo,
    job_app,
)
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
def test_a_look_for_a_dead_senders_dm_runs_before_the_rounds_waiting_dms(
    queue: ProcrastinateQueue,
) -> None:
    queue.send_dms({7: 40})
    queue.check_dms([(7, 10)])
    queue.send_dms({8: 5})

    async def first_two_taken() -> list[str]:
        """What a worker takes first, then next (procrastinate's own fetch)."""
        async with queue.app.open_async():
            manager = queue.app.job_manager
            worker = await manager.register_worker()
            taken = [await manager.fetch_job(queues=None, worker_id=worker) for _ in range(2)]
            await manager.unregister_worker(worker)
        return [job.task_name for job in taken if job is not None]

    assert asyncio.run(first_two_taken()) == [CHECK_DMS, SEND_DM]


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


@pytest.mark.postgres
def test_one_job_waits_per_outbox_item_however_often_the_clock_asks(
    queue: ProcrastinateQueue,
) -> None:
    checked = datetime(2026, 1, 14, 9, 0, 0, 123456, tzinfo=UTC)
    assert queue.deliver("ladder", [(1, None), (2, checked)]) == 2
    assert queue.deliver("ladder", [(1, None), (2, checked), (3, None)]) == 1
    # Another kind's item 1 is another item.
    assert queue.deliver("reminder", [(1, None)]) == 1
    # A job holding an item's lock that the clock's read did not see (enqueued by another
    # clock between its read and its insert, here under another task): the batch goes
    # one by one, and that item is left to the job that holds it.
    queue.app.tasks[CHECK_DMS].configure(queueing_lock="reminder-5").defer(
        pulse_id=1, delivery_id=1
    )
    assert queue.deliver("reminder", [(4, None), (5, None), (6, None)]) == 2
    with queue.database.reading() as session:
        args = session.execute(
            text("SELECT args FROM procrastinate_jobs WHERE task_name = :t ORDER BY id"),
            {"t": DELIVER},
        ).scalars()
        # The check time the worker's claim must still find, to the microsecond.
        assert [a["seen"] for a in args][:2] == [None, checked.isoformat()]


@pytest.mark.postgres
def test_a_batch_of_closes_is_enqueued_once_and_its_pulses_are_held(
    queue: ProcrastinateQueue,
) -> None:
    assert queue.close_pulses([4, 5]) is True
    assert queue.close_pulses([4, 5]) is False
    assert queue.waiting_closes() == {4, 5}
    with queue.database.engine.begin() as connection:
        # A worker took it: it still holds its pulses.
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'doing'"))
    assert queue.waiting_closes() == {4, 5}
    with queue.database.engine.begin() as connection:
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'succeeded'"))
    assert queue.waiting_closes() == set()


@pytest.mark.postgres
def test_two_clocks_enqueuing_the_same_items_at_once_enqueue_each_once(
    queue: ProcrastinateQueue, postgres_url: str
) -> None:
    database = Database(postgres_url)
    settings = ProcessSettings(slack_bot_token="xoxb-fake", database_url=postgres_url)
    runtime = FakeContainer(settings, database, cast(WebClient, NoWebClient()))
    other = ProcrastinateQueue(job_app(database, runtime), database)
    items = [(item_id, None) for item_id in range(1, 1201)]
    counts: list[int] = []
    clocks = [
        threading.Thread(target=lambda q=q: counts.append(q.deliver("reminder", items)))
        for q in (queue, other)
    ]
    for clock in clocks:
        clock.start()
    for clock in clocks:
        clock.join()
    other.close()
    database.dispose()
    assert sum(counts) == len(items)
    with queue.database.reading() as session:
        per_item = session.execute(
            text(
                "SELECT (args->>'item_id')::int, count(*) FROM procrastinate_jobs "
                "WHERE task_name = :t GROUP BY 1"
            ),
            {"t": DELIVER},
        ).all()
    assert len(per_item) == len(items) and {n for _, n in per_item} == {1}


@pytest.mark.postgres
def test_a_job_of_a_retired_task_left_in_the_queue_ends_done_not_failed(
    queue: ProcrastinateQueue,
) -> None:
    # A weekly-digest job enqueued by the release before one job per sponsor's digest.
    app = queue._open()
    app.configure_task(name=RETIRED[0], allow_unknown=True).defer()
    app.run_worker(wait=False, concurrency=1, install_signal_handlers=False)
    with queue.database.reading() as session:
        statuses = session.execute(
            text("SELECT status FROM procrastinate_jobs WHERE task_name = :task"),
            {"task": RETIRED[0]},
        ).scalars()
        assert list(statuses) == ["succeeded"]
