"""Sending through the job queue as operators run it: a real `rapport clock` enqueues, real
`rapport worker` processes send, and one of them is killed mid-round, or mid-reminder
(PostgreSQL)."""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import Database
from storage.migrate import upgrade
from tests.support.keys import TEST_KEY
from tests.support.processes import ClockProcess, WorkerProcess, engagement_with
from tests.support.slack_api import SlackStandIn
from tests.support.slack_rules import Limits
from tests.support.throwaway_postgres import throwaway_postgres

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

QUEUED = {
    "JOB_QUEUE": "postgres",
    # A claim lapses a little after one Slack call could have ended.
    "SLACK_TIMEOUT_SECONDS": "2",
    "STALE_SENDING_SECONDS": "6",
    "RETRY_BASE_SECONDS": "1",
    # Built for its own workspace: the DM history may be read at Slack's tier 3 pace,
    # which is what finds the killed worker's DMs (an unlisted app reads once a minute).
    "SLACK_APP_DISTRIBUTION": "internal",
}


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def a_round_due_now(database: Database, standin: SlackStandIn, members: int = 60) -> int:
    """An engagement whose pulse is due, and a Slack answering each post in 0.2 s (so
    a worker's jobs wait on it together) that lets history be read at Tier 3."""
    now = datetime.now(UTC)
    engagement_with(
        database,
        members,
        schedule=f"daily {now - timedelta(minutes=1):%H:%M}",
        created=now - timedelta(hours=2),
    )
    standin.latency = 0.2
    standin.limits = Limits(distribution="internal")
    return members


def statuses(database: Database) -> Counter[str]:
    with database.reading() as session:
        return Counter(session.execute(text("SELECT status FROM deliveries")).scalars().all())


def test_a_worker_killed_mid_round_leaves_no_dm_lost_or_sent_twice(
    standin: SlackStandIn, postgres_url: str, tmp_path: Path
) -> None:
    database = Database(postgres_url)
    with database.engine.begin() as connection:
        connection.execute(text("TRUNCATE engagements, procrastinate_jobs CASCADE"))
    members = a_round_due_now(database, standin)
    workers = [
        WorkerProcess(standin, postgres_url, tmp_path / f"worker-{i}.log", **QUEUED)
        for i in range(2)
    ]
    clock = ClockProcess(standin, postgres_url, tmp_path / "clock.log", **QUEUED)
    processes = [clock, *workers]
    try:
        wait_for(lambda: len(standin.dms()) >= members * 0.3, 60, "a third of the round")
        workers[0].process.send_signal(signal.SIGKILL)
        workers[0].process.wait()
        processes.append(WorkerProcess(standin, postgres_url, tmp_path / "worker-2.log", **QUEUED))
        wait_for(lambda: len(standin.dms()) >= members, 60, "every DM")
        # What the killed worker had claimed is looked for once its lease lapses, then
        # recorded (it had gone out) or sent.
        wait_for(lambda: statuses(database) == {"sent": members}, 60, "every DM settled")
    finally:
        logs = [each.stop() for each in processes]
        print("\n---\n".join(logs))  # shown by pytest when the test fails
    per_person = Counter(call.params["channel"] for call in standin.dms())
    assert len(per_person) == members, "every member has their DM"
    assert set(per_person.values()) == {1}, "nobody got the pulse twice"
    assert statuses(database) == {"sent": members}
    # The clock only enqueued; the workers sent.
    assert "enqueued" in logs[0] and "DM job" in logs[0]
    assert all("Traceback" not in log for log in logs[:1] + logs[2:])
    database.dispose()


def test_the_database_going_away_mid_round_loses_no_dm_and_sends_none_twice(
    standin: SlackStandIn, tmp_path: Path
) -> None:
    with throwaway_postgres() as cluster:
        database = Database(cluster.url, TEST_KEY)
        upgrade(database)
        members = a_round_due_now(database, standin)
        database.dispose()
        env = {**QUEUED, "RAPPORT_SECRET_KEY": TEST_KEY}
        workers = [
            WorkerProcess(standin, cluster.url, tmp_path / f"worker-{i}.log", **env)
            for i in range(2)
        ]
        processes: list[ClockProcess] = [*workers]
        try:
            # Both workers are running before the round starts (one that cannot connect at
            # start says so and exits, as a start does: not what this test is about).
            wait_for(lambda: all(w.started() for w in workers), 60, "the workers to start")
            processes.insert(0, ClockProcess(standin, cluster.url, tmp_path / "clock.log", **env))
            wait_for(lambda: len(standin.dms()) >= members * 0.3, 60, "a third of the round")
            cluster.stop()
            time.sleep(3)
            cluster.start()
            database = Database(cluster.url, TEST_KEY)
            wait_for(lambda: statuses(database) == {"sent": members}, 120, "every DM settled")
            database.dispose()
            # Every process lived through the outage.
            alive = [each.process.poll() is None for each in processes]
        finally:
            logs = [each.stop() for each in processes]
            print("\n---\n".join(logs))  # shown by pytest when the test fails
    per_person = Counter(call.params["channel"] for call in standin.dms())
    assert len(per_person) == members, "every member has their DM"
    assert set(per_person.values()) == {1}, "nobody got the pulse twice"
    assert alive == [True, True, True]


def jobs_in(database: Database, status: str) -> set[int]:
    with database.reading() as session:
        found = session.execute(
            text("SELECT id FROM procrastinate_jobs WHERE status = :s"), {"s": status}
        )
        return set(found.scalars())


def reminders_left(database: Database) -> int:
    with database.reading() as session:
        found = session.execute(
            text(
                "SELECT count(*) FROM deliveries WHERE reminder_ts IS NULL "
                "OR reminder_ts IN ('pending', 'sending', 'failed')"
            )
        )
        return int(found.scalar() or 0)


def test_a_job_whose_worker_was_killed_is_run_again_and_each_reminder_lands_once(
    standin: SlackStandIn, postgres_url: str, tmp_path: Path
) -> None:
    database = Database(postgres_url)
    with database.engine.begin() as connection:
        connection.execute(text("TRUNCATE engagements, procrastinate_jobs CASCADE"))
    members = a_round_due_now(database, standin, members=6)
    clock = ClockProcess(standin, postgres_url, tmp_path / "clock.log", **QUEUED)
    killed = WorkerProcess(standin, postgres_url, tmp_path / "worker-0.log", **QUEUED)
    processes = [clock, killed]
    stalled: set[int] = set()

    def replies_in(channel: str) -> int:
        calls = standin.calls_to("chat.postMessage")
        return sum(c.params.get("channel") == channel and "thread_ts" in c.params for c in calls)

    try:
        wait_for(lambda: statuses(database) == {"sent": members}, 60, "every DM sent")
        # One person's reminder lands in Slack, but its answer never comes back: the
        # worker is killed while it waits.
        standin.hang("chat.postMessage", 30, user="U0M0001", landed=True)
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE pulses SET remind_at = now()"))
        wait_for(lambda: replies_in("D0M0001") == 1, 30, "the reminder that hangs")
        killed.process.send_signal(signal.SIGKILL)
        killed.process.wait()
        stalled = jobs_in(database, "doing")
        processes.append(WorkerProcess(standin, postgres_url, tmp_path / "worker-1.log", **QUEUED))
        # Its job goes back in the queue once the worker has been silent long enough,
        # and is run again; the reminder it held is looked for, found, and recorded.
        wait_for(lambda: not stalled & jobs_in(database, "doing"), 60, "the stalled job re-run")
        wait_for(lambda: not jobs_in(database, "todo"), 30, "the queue drained")
        wait_for(lambda: reminders_left(database) == 0, 30, "every reminder settled")
    finally:
        logs = [each.stop() for each in processes]
        print("\n---\n".join(logs))  # shown by pytest when the test fails
    assert stalled, "the killed worker held a job"
    # Run again by the other worker, with success (such jobs are deleted).
    assert not stalled & (jobs_in(database, "doing") | jobs_in(database, "todo"))
    assert "of a stopped worker back in the queue" in logs[0]
    assert all("Traceback" not in log for log in logs[:1] + logs[2:])
    threads = Counter(
        str(call.params["channel"])
        for call in standin.calls_to("chat.postMessage")
        if "thread_ts" in call.params
    )
    assert threads == Counter({f"D0M{i:04d}": 1 for i in range(members)})
    # The clock enqueued the reminders; the workers sent them.
    assert "reminder job(s)" in logs[0]
    database.dispose()
