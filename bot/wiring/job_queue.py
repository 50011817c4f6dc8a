"""The job queue: procrastinate on the PostgreSQL database Rapport already uses.

`JOB_QUEUE=postgres` turns it on. The clock and web then enqueue (`ProcrastinateQueue`);
`rapport worker` processes, as many as the round needs, run the jobs, each one Slack call
and its bookkeeping (`bot/services/sending.py::send_one`, `check_unsettled`,
`bot/services/worker_jobs.py::deliver_item`: a reminder, a ladder post, an alert message, a
sponsor's weekly digest), or one batch of closes (`close_batch`, which posts nothing), or
the digest or the export a lead asked for. The jobs are idempotent: a job claims its item
in the database before sending, so a job run twice, or a job whose worker was killed,
never sends twice, and the clock enqueues again whatever is still due (its claims lapse
after `STALE_SENDING_SECONDS`). A job left `doing` by a worker that stopped beating is put
back in the queue by the clock (`retry_stalled`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import psycopg
from procrastinate import App, PsycopgConnector, sql
from procrastinate.exceptions import AlreadyEnqueued, ConnectorException
from procrastinate.jobs import Job
from procrastinate.types import JSONDict

from bot.domain.people import Caller
from bot.services import worker_jobs
from bot.services.job_queue import take_turns
from bot.services.sending import check_unsettled, send_one
from bot.wiring.command_jobs import DIGEST, EXPORT, on_demand_job
from storage.queued_jobs import held_pulses, waiting_items, waiting_per_pulse

if TYPE_CHECKING:
    from bot.services.runtime import Runtime
    from storage.db import Database

logger = logging.getLogger(__name__)

SEND_DM = "rapport.send_dm"
CHECK_DMS = "rapport.check_dms"
DELIVER = "rapport.deliver"
CLOSE_PULSES = "rapport.close_pulses"
PREVIEW_DIGEST = "rapport.preview_digest"
EXPORT_FIGURES = "rapport.export_figures"
# Jobs of an earlier release that may still wait in a deployed queue: each is run as a
# no-op, so that it ends done rather than failed for want of its task. The work it stood
# for is enqueued otherwise now (the clock enqueues one job per sponsor's weekly digest).
RETIRED = ("rapport.send_digests",)
# A worker beats every 2 s (`run_worker`); one silent this long has died or lost the
# database, and the jobs it held are put back in the queue.
STALLED_AFTER_SECONDS = 10.0
# Jobs deferred in one statement.
BATCH = 500
# A look for a DM whose sender died, or whose post ended uncertain, runs before the
# round's fresh DMs (procrastinate runs a higher priority first): it is the round's oldest
# work, and behind a long round it would end the round late.
TAKE_OVER_FIRST = 1
# A worker that lost the database starts again after this long, doubling up to the longest.
RESTART_FIRST_WAIT, RESTART_LONGEST_WAIT = 1.0, 30.0


def conninfo(database: Database) -> str:
    """The libpq address of the database SQLAlchemy opened (without its driver name)."""
    url = database.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def job_app(database: Database, runtime: Runtime, pool_size: int = 4) -> App:
    """The procrastinate app with Rapport's jobs, bound to this process's runtime."""
    connector = PsycopgConnector(
        conninfo=conninfo(database), min_size=1, max_size=max(2, pool_size)
    )
    app = App(connector=connector)

    @app.task(name=SEND_DM)
    def send_dm(pulse_id: int) -> bool:
        return send_one(runtime, pulse_id)

    @app.task(name=CHECK_DMS)
    def check_dms(pulse_id: int, delivery_id: int) -> int:
        return check_unsettled(runtime, pulse_id, delivery_id)

    @app.task(name=DELIVER)
    def deliver(kind: str, item_id: int, seen: str | None) -> bool:
        when = None if seen is None else datetime.fromisoformat(seen)
        return worker_jobs.deliver_item(runtime, kind, item_id, when)

    @app.task(name=CLOSE_PULSES)
    def close_pulses(pulse_ids: list[int]) -> int:
        return worker_jobs.close_batch(runtime, pulse_ids)

    for name, what in ((PREVIEW_DIGEST, DIGEST), (EXPORT_FIGURES, EXPORT)):
        app.task(name=name)(on_demand_job(runtime, what))
    for name in RETIRED:
        app.task(name=name)(_retired(name))
    return app


def _retired(name: str) -> Callable[..., int]:
    def run(**_arguments: object) -> int:
        logger.info("job %s of an earlier release: its work is enqueued otherwise now", name)
        return 0

    return run


class ProcrastinateQueue:
    """`JobQueue` on procrastinate: what the clock and web enqueue for the workers."""

    def __init__(self, app: App, database: Database) -> None:
        self.app = app
        self.database = database
        self._opened = False

    def _open(self) -> App:
        if not self._opened:
            self.app.open()
            self._opened = True
        return self.app

    def close(self) -> None:
        if self._opened:
            self.app.close()
            self._opened = False

    def waiting_dms(self) -> dict[int, int]:
        with self.database.reading() as session:
            return waiting_per_pulse(session, SEND_DM)

    def send_dms(self, counts: Mapping[int, int]) -> int:
        order = take_turns(counts)
        task = self._open().tasks[SEND_DM]
        for start in range(0, len(order), BATCH):
            jobs: list[JSONDict] = [{"pulse_id": pulse} for pulse in order[start : start + BATCH]]
            task.batch_defer(*jobs)
        if order:
            logger.info("enqueued %d DM job(s) for %d pulse(s)", len(order), len(counts))
        return len(order)

    def check_dms(self, claims: Sequence[tuple[int, int]]) -> int:
        task = self._open().tasks[CHECK_DMS]
        enqueued = 0
        for pulse_id, delivery_id in claims:
            try:
                task.configure(
                    queueing_lock=f"check-dm-{delivery_id}", priority=TAKE_OVER_FIRST
                ).defer(pulse_id=pulse_id, delivery_id=delivery_id)
                enqueued += 1
            except AlreadyEnqueued:
                continue  # its check waits already
        return enqueued

    def deliver(self, kind: str, items: Sequence[tuple[int, datetime | None]]) -> int:
        app = self._open()
        with self.database.reading() as session:
            waiting = waiting_items(session, DELIVER, kind)
        base = app.tasks[DELIVER].configure().job
        fresh = [
            base.evolve(
                queueing_lock=f"{kind}-{item_id}",
                task_kwargs={
                    "kind": kind,
                    "item_id": item_id,
                    "seen": None if seen is None else seen.isoformat(),
                },
            )
            for item_id, seen in items
            if item_id not in waiting
        ]
        enqueued = 0
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start : start + BATCH]
            try:
                app.job_manager.batch_defer_jobs(batch)
                enqueued += len(batch)
            except AlreadyEnqueued:
                # Another clock enqueued some of them meanwhile: one by one, skipping those.
                enqueued += sum(_defer_once(app, job) for job in batch)
        if enqueued:
            logger.info("enqueued %d %s job(s)", enqueued, kind)
        return enqueued

    def waiting_closes(self) -> set[int]:
        with self.database.reading() as session:
            return held_pulses(session, CLOSE_PULSES)

    def close_pulses(self, pulse_ids: Sequence[int]) -> bool:
        task = self._open().tasks[CLOSE_PULSES]
        try:
            # Two clocks that read the same due pulses make the same batch: one job.
            task.configure(queueing_lock=f"close-{pulse_ids[0]}").defer(pulse_ids=list(pulse_ids))
        except AlreadyEnqueued:
            return False
        logger.info("enqueued a close job for %d pulse(s)", len(pulse_ids))
        return True

    def preview_digest(self, caller: Caller, engagement: str | None, reply_to: str) -> None:
        self._on_demand(PREVIEW_DIGEST, caller, engagement, reply_to)

    def export_figures(self, caller: Caller, engagement: str | None, reply_to: str) -> None:
        self._on_demand(EXPORT_FIGURES, caller, engagement, reply_to)

    def _on_demand(self, task: str, caller: Caller, engagement: str | None, reply_to: str) -> None:
        self._open().tasks[task].defer(
            team_id=caller.team_id,
            user_id=caller.user_id,
            channel_id=caller.channel_id,
            engagement=engagement,
            reply_to=reply_to,
        )

    def retry_stalled(self) -> int:
        app = self._open()
        stalled = app.connector.get_sync_connector().execute_query_all(
            query=sql.queries["select_stalled_jobs_by_heartbeat"],
            queue=None,
            task_name=None,
            seconds_since_heartbeat=STALLED_AFTER_SECONDS,
        )
        retried = 0
        for job in stalled:
            try:
                app.job_manager.retry_job_by_id(job["id"], retry_at=datetime.now(UTC))
                retried += 1
            except ConnectorException as error:
                # The same work waits in another job (its queueing lock): this one goes
                # back once that one has run.
                logger.info("stalled job %s not retried yet: %s", job["id"], error)
        if retried:
            logger.warning("put %d job(s) of a stopped worker back in the queue", retried)
        return retried


def _defer_once(app: App, job: Job) -> bool:
    """Defer one job unless a job with its queueing lock waits already."""
    try:
        app.job_manager.batch_defer_jobs([job])
    except AlreadyEnqueued:
        return False
    return True


def run_worker(app: App, concurrency: int, poll_seconds: float) -> None:
    """`rapport worker`: run jobs until stopped (SIGINT/SIGTERM finish the jobs in hand).

    Jobs are synchronous (a Slack call and a few queries); each runs on a thread of a pool
    as large as `concurrency`, so that many calls wait on Slack at once. When the database
    goes away the queue's worker stops with it: it is started again, one line said, with a
    growing wait, until the database answers. Jobs it had in hand are settled through
    their claims (the clock enqueues again what is still due).
    """

    async def work() -> None:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(concurrency, thread_name_prefix="job"))
        wait = RESTART_FIRST_WAIT
        while True:
            try:
                async with app.open_async():
                    await app.run_worker_async(
                        concurrency=concurrency,
                        fetch_job_polling_interval=poll_seconds,
                        delete_jobs="successful",
                        install_signal_handlers=True,
                        update_heartbeat_interval=2.0,
                        stalled_worker_timeout=10.0,
                    )
                return  # stopped as asked
            except (ConnectorException, psycopg.Error, OSError) as error:
                logger.warning(
                    "worker lost the database (%s); starting again in %.0f s",
                    type(error).__name__,
                    wait,
                )
            await asyncio.sleep(wait)
            wait = min(wait * 2, RESTART_LONGEST_WAIT)

    asyncio.run(work())
