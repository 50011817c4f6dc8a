"""The clock: every scheduled job, registered here with a stable id, in UTC.

`rapport clock` runs it alone (Procfile `clock:`); `rapport run` runs it beside the
Socket Mode app. `rapport web` never starts it, however many workers it has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.services import jobs
from bot.services.erasure import delete_expired_comments
from bot.services.locales import refresh_stale as refresh_stale_locales
from bot.services.uninstalled import settle_uninstalled
from bot.wiring.container import Container
from storage.leader import Leadership

logger = logging.getLogger(__name__)


STATE_LINES = {
    "standby": "clock standing by: another clock leads",
    "working": "clock working",
    "idle": "clock idle: nothing due",
    "no database": "clock waiting for the database: it does not answer; trying every tick",
}


class Clock:
    """Runs the jobs while this process is the leader; stands by otherwise."""

    def __init__(
        self, container: Container, extra: dict[str, Callable[[Container], object]] | None = None
    ) -> None:
        self.container = container
        self.leadership = Leadership(container.database)
        self.noted: set[tuple[int, datetime]] = set()
        self.state: str | None = None
        # Order matters within a tick: tokens, open, send, remind, close, then anything extra.
        # With workers each Slack step only enqueues (`bot/services/jobs.py`), and jobs
        # a dead worker held are put back in the queue.
        self.steps: dict[str, Callable[[Container], object]] = {
            "slack.tokens": jobs.refresh_tokens,
            "pulses.open": lambda s: jobs.open_due_pulses(s, self.noted),
            "pulses.send": jobs.send_pending,
            "pulses.remind": jobs.send_reminders,
            "pulses.close": jobs.close_due_pulses,
            "alerts.retry": jobs.retry_alert_posts,
            "alerts.ladder": jobs.climb_ladder,
            "digests.send": jobs.send_digests,
            "jobs.stalled": jobs.retry_stalled_jobs,
            "comments.retention": delete_expired_comments,
            "engagements.uninstalled": settle_uninstalled,
            "people.locales": refresh_stale_locales,
            **(extra or {}),
        }

    def tick(self) -> bool:
        """One pass over every job; a failing job is logged and the next one still runs.

        Returns whether anything was done (or failed and will be retried). Each change of
        state is logged once — `clock standing by` (another clock leads), `clock working`,
        `clock idle` — so operators and tests can tell when everything due has been done.
        """
        try:
            leading = self.leadership.is_leader()
        except Exception as error:
            # The database is away (restarting, failing over): one line, not a traceback
            # a second; each job's own state is in the database, so nothing is lost.
            if self.state != "no database":
                logger.warning("%s (%s)", STATE_LINES["no database"], type(error).__name__)
            self.state = "no database"
            return True
        if not leading:
            self._report("standby")
            return False
        busy = False
        for name, step in self.steps.items():
            try:
                busy = bool(step(self.container)) or busy
            except Exception:
                busy = True
                logger.exception("clock job %s failed; it runs again next tick", name)
        self._report("working" if busy else "idle")
        return busy

    def _report(self, state: str) -> None:
        if state != self.state:
            logger.info(STATE_LINES[state])
        self.state = state

    def schedule(self, scheduler: BaseScheduler) -> None:
        scheduler.add_job(
            self.tick,
            IntervalTrigger(seconds=self.container.settings.clock_interval_seconds, timezone="UTC"),
            id="rapport.tick",
            name="open, send, remind and close pulses; re-raise and escalate alerts; send digests; "
            "delete expired comments",
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            next_run_time=self.container.now(),
        )


def _scheduler(kind: type[BaseScheduler]) -> BaseScheduler:
    return kind(timezone="UTC", job_defaults={"misfire_grace_time": 60})


def run_blocking(clock: Clock) -> None:
    """`rapport clock`: the scheduler in the foreground until stopped."""
    scheduler = _scheduler(BlockingScheduler)
    clock.schedule(scheduler)
    logger.info(
        "Rapport clock started (every %ss)", clock.container.settings.clock_interval_seconds
    )
    try:
        scheduler.start()
    finally:
        clock.leadership.release()


def start_background(clock: Clock) -> BaseScheduler:
    """`rapport run`: the scheduler in a background thread beside Socket Mode."""
    scheduler = _scheduler(BackgroundScheduler)
    clock.schedule(scheduler)
    scheduler.start()
    return scheduler
