"""Shared fixtures: real databases (SQLite and PostgreSQL), the Slack stand-in, the real app.

The harness itself lives in `tests/support/`; tests import from there, never from here.
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.assertion import rewrite
from hypothesis import settings
from slack_bolt.listener import thread_runner
from sqlalchemy import create_engine, text

from bot.slack import history
from storage.db import Database
from storage.installations import store_tables
from storage.migrate import upgrade
from storage.models import Base
from tests.support.keys import key_for
from tests.support.running import RunningApp, running_app
from tests.support.slack_api import SlackStandIn

# The fast loop (README, Developing) tries each property on 20 examples
# (`--hypothesis-profile=fast`); the whole suite, as CI runs it, on Hypothesis's 100.
settings.register_profile("fast", max_examples=20)

POSTGRES_ADMIN_URL = os.environ.get(
    "RAPPORT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


# The suite keeps the bytecode of what it imports, the test modules' rewritten assertions
# included, even where PYTHONDONTWRITEBYTECODE is set (as on CI): otherwise every worker
# and every run compiles and rewrites them all again.
sys.dont_write_bytecode = False


def pytest_configure(config: pytest.Config) -> None:
    """Compile the project and rewrite the test modules once, before the workers start, so
    that the workers and every `rapport` process the tests start load bytecode instead of
    compiling or rewriting each module again."""
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has compiled
    root = Path(__file__).parent.parent
    for package in ("bot", "handlers", "storage", "tests/support"):
        compileall.compile_dir(root / package, quiet=2)
    sources = sorted(
        source
        for source in Path(__file__).parent.rglob("*.py")
        if source.name.startswith("test_") or source.name == "conftest.py"
    )
    # Half of them on the other core.
    child = os.fork()
    if child == 0:
        try:
            _rewrite(config, sources[1::2])
        finally:
            os._exit(0)
    _rewrite(config, sources[::2])
    os.waitpid(child, 0)


def _rewrite(config: pytest.Config, sources: list[Path]) -> None:
    """Write the assertion-rewritten bytecode of these test modules, as pytest's import hook
    would (same cache file, same checks), so that each worker loads it instead of rewriting
    every module itself."""
    state = config.stash[rewrite.assertstate_key]
    for source in sources:
        cache_dir = rewrite.get_cache_dir(source)
        if not rewrite.try_makedirs(cache_dir):
            continue
        pyc = cache_dir / (source.name[:-3] + rewrite.PYC_TAIL)
        if rewrite._read_pyc(source, pyc, state.trace) is None:
            source_hash, code = rewrite._rewrite_test(source, config)
            rewrite._write_pyc(state, code, source_hash, pyc)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first: the chaos cycles, then the other process tests, so that with
    the workers stealing each other's work none of them is left to run alone at the end."""
    items.sort(
        key=lambda item: (
            0 if item.get_closest_marker("chaos") else 1 if item.get_closest_marker("slow") else 2
        )
    )


FAST_LOOP = (Path(__file__).parent / "bot" / "domain", Path(__file__).parent / "bot" / "services")


class _NoProcess:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError(
            "a test of the fast loop starts a process: mark it `slow` (README, Development)"
        )


@pytest.fixture(autouse=True)
def fast_loop_starts_no_process(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The domain and service tests start no process unless marked `slow`, so the fast loop
    (which leaves `slow` out) stays fast."""
    path = request.node.path
    if request.node.get_closest_marker("slow") is None and any(
        path.is_relative_to(folder) for folder in FAST_LOOP
    ):
        monkeypatch.setattr(subprocess, "Popen", _NoProcess)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, migrated once, dropped at the end.

    Its commits do not wait for the write-ahead log to reach the disk (`synchronous_commit
    = off`): what a commit makes visible, and when, is unchanged; only a crash of the
    server could lose the last commits, and the tests never crash this server (those that
    stop a database start a cluster of their own, tests/support/throwaway_postgres.py)."""
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
        connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = Database(url)
    upgrade(database)
    database.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# The job queue's own tables (procrastinate's), children first.
QUEUE_TABLES = (
    "procrastinate_periodic_defers",
    "procrastinate_events",
    "procrastinate_jobs",
    "procrastinate_workers",
)


class PostgresEmptier:
    """Empties every table of the test database and restarts its ids, as `TRUNCATE …
    RESTART IDENTITY` would, in one round trip on one connection kept for the run.

    Deleting the few rows a test leaves costs about 2 ms; a `TRUNCATE` of every table
    costs about 90 ms, as it gives each table and index new files."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        tables = [t.name for t in Base.metadata.sorted_tables] + sorted(store_tables().tables)
        # Children before parents, so that no foreign key ever points at a deleted row;
        # the names are the models' own.
        deletes = (f"DELETE FROM {name}" for name in [*QUEUE_TABLES, *reversed(tables)])  # noqa: S608
        self.deletes = "; ".join(deletes)
        with self.engine.connect() as connection:
            self.sequences = list(
                connection.execute(
                    text(
                        "SELECT pg_get_serial_sequence(table_name, column_name) "
                        "FROM information_schema.columns "
                        "WHERE table_schema = current_schema() AND table_name = ANY(:tables) "
                        "AND pg_get_serial_sequence(table_name, column_name) IS NOT NULL"
                    ),
                    {"tables": tables},
                ).scalars()
            )

    def empty(self) -> None:
        with self.engine.begin() as connection:
            connection.execute(text(self.deletes))
            connection.execute(
                text("SELECT setval(s, 1, false) FROM unnest(CAST(:s AS text[])) AS s"),
                {"s": self.sequences},
            )


@pytest.fixture(scope="session")
def postgres_emptier(postgres_url: str) -> Iterator[PostgresEmptier]:
    emptier = PostgresEmptier(postgres_url)
    yield emptier
    emptier.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per run; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "rapport.db"
    database = Database(f"sqlite:///{path}")
    upgrade(database)
    database.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every test that uses the database runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "rapport.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_url")
    request.getfixturevalue("postgres_emptier").empty()
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = Database(database_url, key_for(database_url))
    yield database
    database.dispose()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def module_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One database for all the tests of a module, on SQLite and on PostgreSQL, for data
    that takes seconds to make (a simulated story) and that the tests only read.

    On PostgreSQL it is the run's database, which `database` empties before each test: a
    module that uses both reads this one only while its module-scoped fixtures are set up."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("module") / "rapport.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_url")
        request.getfixturevalue("postgres_emptier").empty()
    database = Database(url, key_for(url))
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def history_reads_forgotten() -> None:
    """Each test starts with no conversation read in the last minute (bot/slack/history.py)."""
    history.GATE.forget()


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    server = SlackStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def rapport(standin: SlackStandIn, database: Database) -> Iterator[RunningApp]:
    """The real Bolt app with every listener, driven in process through `App.dispatch`."""
    with running_app(standin, database) as running:
        yield running


@pytest.fixture
def rapport_http(standin: SlackStandIn, database: Database) -> Iterator[RunningApp]:
    """The real Bolt app behind the real WSGI server on a free loopback port."""
    with running_app(standin, database, http=True) as running:
        yield running


class _PollEveryMillisecond:
    """`time` as Bolt's listener runner sees it, its 10 ms wait for an ack cut to 1 ms."""

    def __getattr__(self, name: str) -> object:
        return getattr(time, name)

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(min(seconds, 0.001))


setattr(thread_runner, "time", _PollEveryMillisecond())  # noqa: B010 - the module does not export it
