"""Migrations create the schema and are a no-op the second time."""

from __future__ import annotations

import threading

from sqlalchemy import inspect

from storage.db import Database
from storage.migrate import head_revision, upgrade


def test_upgrade_twice_is_a_noop(database: Database) -> None:
    before, after = upgrade(database)
    assert before == after == head_revision()
    tables = set(inspect(database.engine).get_table_names())
    assert {"engagements", "members", "pulses", "deliveries", "responses"} <= tables


def test_two_processes_upgrading_at_once_both_succeed(database_url: str) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        db = Database(database_url)
        try:
            upgrade(db)
        except BaseException as error:
            errors.append(error)
        finally:
            db.dispose()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/x.db")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
