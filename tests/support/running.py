"""The real app for tests: in process through `App.dispatch`, or behind a real WSGI server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from slack_bolt import App, BoltRequest
from waitress.server import create_server

from bot.domain.vocabulary import utcnow
from bot.slack import history
from bot.slack.client import make_client
from bot.slack.pacing import Pacer, Unpaced
from bot.wiring.app import create_app
from bot.wiring.container import Container, ContextPool, distributed
from bot.wiring.job_queue import ProcrastinateQueue, job_app
from bot.wiring.listeners import SUBCOMMANDS
from bot.wiring.pages import Site
from bot.wiring.settings import ProcessSettings
from bot.wiring.web import MAX_BODY, make_wsgi
from handlers.commands.registry import Subcommand
from storage.db import Database
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver, Transport

SECRET = "test-signing-secret"


def make_settings(standin: SlackStandIn, database_url: str) -> ProcessSettings:
    return ProcessSettings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=standin.api_url,
        database_url=database_url,
        retry_base_seconds=0.05,
        # Under the 2.5 s of a hang, and with room for a loaded machine's slow answer.
        slack_timeout_seconds=2,
        # Slack's post limit is the stand-in's to enforce; the tests of pacing set their own.
        messages_per_second=1000.0,
    )


class MovableClock:
    """The time as the app sees it; a test can freeze it at any moment."""

    def __init__(self) -> None:
        self.frozen: datetime | None = None

    def __call__(self) -> datetime:
        return self.frozen or utcnow()


class TrackingExecutor(ContextPool):
    """A listener pool whose outstanding work tests can wait for."""

    def __init__(self) -> None:
        # As many listener threads as `rapport web` runs with by default.
        threads = ProcessSettings(slack_bot_token="").listener_threads
        super().__init__(max_workers=threads, thread_name_prefix="listener")
        self.futures: list[Future[object]] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future = super().submit(fn, *args, **kwargs)
        self.futures.append(future)
        return future

    def wait_idle(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        # Woken as soon as the work ends, not at the next poll; work started meanwhile
        # (a listener that hands off more) is waited for on the next round.
        while pending := [f for f in list(self.futures) if not f.done()]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("listeners still running after the timeout")
            wait(pending, timeout=left)


@dataclass
class RunningApp:
    """The app, its Slack driver and stand-in, its database and its clock."""

    url: str
    container: Container
    slack: SlackDriver
    standin: SlackStandIn
    database: Database
    clock: MovableClock
    executor: TrackingExecutor
    background: TrackingExecutor

    def settle(self) -> None:
        """Wait until work done after the ack (fan-out, later replies) has finished."""
        self.executor.wait_idle()
        self.background.wait_idle()
        self.executor.wait_idle()


def dispatcher(app: App) -> Transport:
    """Hand a signed request straight to Bolt, as its WSGI adapter would."""

    def send(body: str, headers: dict[str, str]) -> tuple[int, bytes]:
        response = app.dispatch(BoltRequest(body=body, headers=dict(headers.items())))
        return response.status, response.body.encode()

    return send


@contextmanager
def running_app(
    standin: SlackStandIn,
    database: Database,
    *,
    http: bool = False,
    subcommands: Sequence[Subcommand[Any]] = SUBCOMMANDS,
    settings: ProcessSettings | None = None,
) -> Iterator[RunningApp]:
    """The real Bolt app with every listener, driven in process or over real HTTP.

    `settings` with a client id and secret runs it in distributed mode.
    """
    settings = settings or make_settings(standin, database.url)
    clock = MovableClock()
    # Slack's time, and Rapport's spacing of history reads, follow the app's clock: a
    # test that moves it on by minutes lives through Slack's minutes.
    standin.clock = history.GATE.clock = lambda: clock().timestamp()
    executor = TrackingExecutor()
    background = TrackingExecutor()
    if settings.mode == "distributed":
        routed, installations = distributed(settings, database)
        container = Container(
            settings, database, routed, clock, Unpaced(), background, installations=installations
        )
    else:
        client = make_client(
            settings.slack_bot_token, settings.slack_api_url, settings.slack_timeout_seconds
        )
        container = Container(settings, database, client, clock, Pacer(500), background)
    if settings.job_queue == "postgres":
        queue = ProcrastinateQueue(job_app(database, container), database)
        container = replace(container, queue=queue)
    app = create_app(container, listener_executor=executor, subcommands=subcommands)
    stop: Callable[[], None] = lambda: None  # noqa: E731
    if http:
        server = create_server(
            make_wsgi(
                app,
                database,
                SECRET,
                clock,
                site=Site(settings.mode == "distributed", settings.support_contact),
            ),
            host="127.0.0.1",
            port=0,
            threads=8,
            asyncore_use_poll=True,
            max_request_body_size=MAX_BODY,
        )
        threading.Thread(target=server.run, daemon=True).start()
        url = f"http://127.0.0.1:{server.effective_port}"
        driver = SlackDriver(url, SECRET, standin, settle=lambda: running.settle())
        stop = server.close
    else:
        url = "in-process"
        driver = SlackDriver(
            url, SECRET, standin, settle=lambda: running.settle(), send=dispatcher(app)
        )
    running = RunningApp(url, container, driver, standin, database, clock, executor, background)
    try:
        yield running
        running.settle()
    finally:
        stop()
        container.stopping.set()
        executor.shutdown(wait=True)
        background.shutdown(wait=True)
