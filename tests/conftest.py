"""Shared fixtures: real databases, the Slack stand-in, and the real app on a loopback port."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from waitress.server import create_server

from bot.domain.vocabulary import utcnow
from bot.services.container import Container, ProcessSettings
from bot.slack.client import make_client
from bot.slack.pacing import Pacer
from bot.wiring.app import create_app
from bot.wiring.web import make_wsgi
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Base
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

SECRET = "test-signing-secret"
POSTGRES_ADMIN_URL = os.environ.get(
    "RAPPORT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, migrated once, dropped at the end."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        admin.dispose()
        pytest.skip(
            f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({type(error).__name__}); "
            "set RAPPORT_TEST_POSTGRES_URL to a server where this user may create databases"
        )
    name = f"rapport_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = Database(url)
    upgrade(database)
    database.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every test that uses the database runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'rapport.db'}"
        database = Database(url)
        upgrade(database)
        database.dispose()
        return url
    url: str = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn().start()
    yield server
    server.stop()


def make_settings(standin: SlackStandIn, database_url: str) -> ProcessSettings:
    return ProcessSettings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=standin.api_url,
        database_url=database_url,
    )


class Clock:
    """A clock tests can move; the app asks it for the time."""

    def __init__(self) -> None:
        self.frozen: datetime | None = None

    def __call__(self) -> datetime:
        return self.frozen or utcnow()


class TrackingExecutor(ThreadPoolExecutor):
    """A listener pool whose outstanding work tests can wait for."""

    def __init__(self) -> None:
        super().__init__(max_workers=8, thread_name_prefix="listener")
        self.futures: list[Future[object]] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future = super().submit(fn, *args, **kwargs)
        self.futures.append(future)
        return future

    def wait_idle(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not all(f.done() for f in list(self.futures)):
            if time.monotonic() > deadline:
                raise AssertionError("listeners still running after the timeout")
            time.sleep(0.01)


@dataclass
class RunningApp:
    url: str
    container: Container
    slack: SlackDriver
    standin: SlackStandIn
    database: Database
    clock: Clock
    executor: TrackingExecutor

    def settle(self) -> None:
        """Wait until work done after the ack (fan-out, later replies) has finished."""
        self.executor.wait_idle()


@pytest.fixture
def rapport(standin: SlackStandIn, database: Database) -> Iterator[RunningApp]:
    """The real Bolt app behind the real WSGI server on a free loopback port."""
    settings = make_settings(standin, database.url)
    clock = Clock()
    container = Container(
        settings,
        database,
        make_client(settings.slack_bot_token, settings.slack_api_url),
        clock,
        Pacer(500),
    )
    executor = TrackingExecutor()
    app = create_app(container, listener_executor=executor)
    server = create_server(
        make_wsgi(app, database), host="127.0.0.1", port=0, threads=8, asyncore_use_poll=True
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}"  # type: ignore[union-attr]
    driver = SlackDriver(url, SECRET, standin, settle=executor.wait_idle)
    running = RunningApp(url, container, driver, standin, database, clock, executor)
    yield running
    running.settle()
    server.close()
    executor.shutdown(wait=True)
