"""Migrations create the schema and are a no-op the second time."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from sqlalchemy import inspect, text

from storage.db import Database
from storage.migrate import current_revision, head_revision, upgrade


def test_upgrade_twice_is_a_noop(database: Database) -> None:
    before, after = upgrade(database)
    assert before == after == head_revision()
    tables = set(inspect(database.engine).get_table_names())
    assert {"engagements", "members", "pulses", "deliveries", "responses"} <= tables


def test_two_processes_upgrading_at_once_both_succeed(tmp_path: Path, database_url: str) -> None:
    """`web` and `clock` starting together both migrate; neither may fail or repeat a step."""
    fresh = database_url
    if database_url.startswith("sqlite"):
        fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = {**os.environ, "DATABASE_URL": fresh}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "migrate"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    database = Database(fresh)
    assert current_revision(database) == head_revision()
    database.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/x.db")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_a_new_sqlite_database_and_its_wal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "private.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.unit_of_work() as session:
        session.execute(text("SELECT 1"))
    files = [path, path.with_name("private.db-wal"), path.with_name("private.db-shm")]
    modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files if f.exists()}
    db.dispose()
    assert modes["private.db"] == 0o600 and "private.db-wal" in modes
    assert set(modes.values()) == {0o600}
    shown = subprocess.run(["stat", "-c", "%a", str(path)], capture_output=True, text=True)
    assert shown.stdout.strip() == "600"
