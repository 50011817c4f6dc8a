"""The job queue in tests: a PostgreSQL database emptied for the test, and a worker run in
the test's own thread until the queue is empty."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import create_engine, text

from bot.services.runtime import Runtime
from bot.wiring.job_queue import job_app
from storage.db import Database
from storage.models import Base
from tests.support.keys import key_for
from tests.support.running import RunningApp, make_settings, running_app
from tests.support.slack_api import SlackStandIn


def emptied(url: str) -> str:
    """Every table of the run's PostgreSQL database emptied, the queue's included."""
    engine = create_engine(url)
    names = [t.name for t in Base.metadata.sorted_tables] + ["procrastinate_jobs"]
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


def waiting_jobs(database: Database, task: str | None = None) -> int:
    """Jobs not started yet (of one task, e.g. `rapport.close_pulses`, or of all)."""
    with database.reading() as session:
        found = session.execute(
            text(
                "SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo' "
                "AND (CAST(:task AS text) IS NULL OR task_name = :task)"
            ),
            {"task": task},
        ).scalar()
    return int(found or 0)


@contextmanager
def app_with_queue(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    """The real app with `JOB_QUEUE=postgres`, on the test database emptied of every row
    and job (PostgreSQL)."""
    database = Database(emptied(postgres_url), key_for(postgres_url))
    settings = replace(make_settings(standin, postgres_url), job_queue="postgres")
    try:
        with running_app(standin, database, settings=settings) as running:
            yield running
    finally:
        database.dispose()


def work_off(database: Database, runtime: Runtime, concurrency: int = 4) -> None:
    """Run a worker here until no job is left (what `rapport worker` does, without waiting
    for more), the jobs that the jobs run here enqueue included (a close's alert posts)."""
    while True:
        job_app(database, runtime).run_worker(
            wait=False, concurrency=concurrency, install_signal_handlers=False
        )
        if not waiting_jobs(database):
            return


@contextmanager
def worker_alongside(database: Database, runtime: Runtime) -> Iterator[None]:
    """A worker in a thread of the test, taking jobs as they come, until the block ends."""
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            work_off(database, runtime)
            stop.wait(0.05)

    thread = threading.Thread(target=work, name="test-worker")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
