"""Engine and unit of work: SQLite (WAL, foreign keys) by default, PostgreSQL by URL."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.column_types import SEALER
from storage.secrets import Sealer, key_file_for, read_or_create_key_file

READ_ONLY = "rapport_read_only"
logger = logging.getLogger(__name__)


def make_engine(url: str, read_only: bool = False) -> Engine:
    """Create the engine with the pragmas and pool settings each backend needs."""
    # hide_parameters: an error's text never carries a rating or a comment into a log.
    if url.startswith("sqlite"):
        if read_only:
            url = _read_only_sqlite(url)
        else:
            _create_private_file(url)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=True,
        )
        _configure_sqlite(engine, read_only)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True
    )


def _create_private_file(url: str) -> None:
    """Create a new SQLite file readable by its owner only (0600).

    SQLite gives its -wal and -shm files the database file's mode, so they are
    private too. An existing file keeps the mode its owner chose.
    """
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return
    except OSError:
        # A missing or read-only directory: SQLite's own error, at first use, says so in
        # one line for the operator (storage/errors.py).
        return


def _read_only_sqlite(url: str) -> str:
    """The URL that opens a SQLite file without writing anything, e.g. a backup copy.

    While a process has the file open in WAL mode its -wal file exists, and the file is
    read through SQLite's shared memory like any reader. Otherwise nothing has it open,
    and it is read as immutable: no -wal or -shm file is made beside it (a read-only
    directory could not hold them; a writable one would keep them, since a read-only
    connection cannot remove them).
    """
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return url
    absolute = os.path.abspath(path)
    mode = "mode=ro" if os.path.exists(absolute + "-wal") else "immutable=1"
    return f"sqlite:///file:{absolute}?{mode}&uri=true"


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        if not read_only:
            _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted text (a forgotten person's comments) is overwritten, not left in free pages.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front (IMMEDIATE), so two of them queue instead
        # of one failing with "database is locked" when it upgrades a read lock. Readers
        # begin deferred: in WAL mode they never wait for a writer.
        if read_only or connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _use_wal(cursor: Any) -> None:
    """Put the file in WAL mode, once: the mode is stored in the file itself.

    Switching needs an exclusive lock and SQLite answers "database is locked" at once,
    without its busy handler, when another process (a second `rapport` starting, say)
    holds one; so the switch is retried for a while before giving up.
    """
    deadline = time.monotonic() + 30
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Database:
    """The engine and its session factory, created once per process and passed down.

    ``key`` seals comments (``RAPPORT_SECRET_KEY``: one Fernet key, or several with the
    sealing one first). Without it a SQLite file uses the key file beside it, created
    if missing (``key_file``; ``key_created`` says it was made now); PostgreSQL gets no
    key, so a comment can be neither stored nor read (processes refuse to start first).
    ``read_only`` opens a SQLite file without writing anything beside it (an export
    from a backup copy).
    """

    def __init__(self, url: str, key: str | None = None, read_only: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, read_only)
        self.key_file: Path | None = None
        self.key_file_unusable: Path | None = None
        self.key_created = False
        self.key = key or ""
        self.sealer = self._sealer(key)
        setattr(self.engine.dialect, SEALER, self.sealer)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reading = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        # SQLite has one writer at a time; queueing this process's writers on a lock
        # wakes each as soon as the last one commits, where SQLite's busy handler
        # would poll with growing sleeps. Other processes still meet busy_timeout.
        self._write_lock = threading.Lock() if self.engine.dialect.name == "sqlite" else None

    def _sealer(self, key: str | None) -> Sealer | None:
        if key:
            return Sealer(key)
        if self.engine.dialect.name != "sqlite":
            return None
        path = make_url(self.url).database
        if not path or path == ":memory:" or path.startswith("file:"):
            self.key = Fernet.generate_key().decode()  # gone with the database
            return Sealer(self.key)
        try:
            found, self.key_created = read_or_create_key_file(key_file_for(path))
        except (OSError, ValueError):
            # An unreadable key file or a read-only directory: a process's start-up
            # check says so in one line before anything is written.
            self.key_file_unusable = key_file_for(path)
            return None
        self.key_file, self.key = key_file_for(path), found
        return Sealer(found)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._write_lock or nullcontext(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A transaction that only reads: it never waits for writers on SQLite."""
        with self._reading() as session, session.begin():
            yield session

    def checkpoint(self) -> None:
        """After an erasure: copy SQLite's WAL into the file and empty it, so the erased
        text is not left behind in the WAL. Best effort: a busy reader can delay it."""
        if self.engine.dialect.name != "sqlite":
            return
        # Outside any transaction: a checkpoint cannot run inside one.
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()

    def scrub(self, tables: Sequence[str]) -> None:
        """After an erasure, outside any transaction: clear erased text out of the files.

        SQLite: checkpoint the WAL into the file (deleted rows are already overwritten,
        `secure_delete`). PostgreSQL: VACUUM FULL the tables the erasure touched. A plain
        VACUUM prunes dead row versions but can leave their bytes in a page's free space
        (seen in the test); FULL rewrites each table into a new file holding live rows
        only, under a short exclusive lock (these tables are small). The WAL and backups
        keep the text until they are recycled (docs/privacy.md). Best effort: a failure
        is logged, never raised, because the erasure itself is already committed.
        """
        if not self.is_postgres:
            self.checkpoint()
            return
        names = [name for name in tables if name.isidentifier()]
        if not names:
            return
        try:
            with self.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            ) as connection:
                # Table names come from the code, never from input.
                connection.exec_driver_sql(f"VACUUM FULL {', '.join(names)}")
        except Exception as error:
            logger.warning(
                "VACUUM FULL after an erasure failed (%s); the erased text stays in dead rows "
                "until autovacuum reaches %s",
                type(error).__name__,
                ", ".join(names),
            )

    def dispose(self) -> None:
        self.engine.dispose()
