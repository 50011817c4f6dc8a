"""The database: a private SQLite file in WAL mode, units of work that commit or roll back, keys."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from storage.db import Database
from storage.migrate import upgrade
from storage.models import Engagement
from tests.storage.rows import add_engagement


def test_a_new_sqlite_file_is_private_and_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "rapport.db"
    database = Database(f"sqlite:///{path}")
    try:
        with database.reading() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert database.key_created and database.key_file == Path(f"{path}.key")
    finally:
        database.dispose()
    again = Database(f"sqlite:///{path}")
    try:
        assert not again.key_created and again.key == database.key
    finally:
        again.dispose()


def test_a_unit_of_work_commits_at_the_end_and_rolls_back_if_it_raises(
    database: Database,
) -> None:
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        add_engagement(session, "Lost")
        raise RuntimeError("boom")
    with database.unit_of_work() as session:
        add_engagement(session, "Kept")
    with database.reading() as session:
        assert session.scalars(select(Engagement.name)).all() == ["Kept"]


def test_a_backup_copy_is_read_without_writing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "backup.db"
    writer = Database(f"sqlite:///{path}")
    upgrade(writer)
    with writer.unit_of_work() as session:
        add_engagement(session)
    writer.checkpoint()
    writer.dispose()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    reader = Database(f"sqlite:///{path}", writer.key, read_only=True)
    try:
        with reader.reading() as session:
            assert session.scalar(select(func.count()).select_from(Engagement)) == 1
    finally:
        reader.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_which_backend_and_a_key_for_postgres_only_when_given(database_url: str) -> None:
    keyless = Database(database_url) if database_url.startswith("postgresql") else None
    try:
        if keyless is not None:
            assert keyless.is_postgres and keyless.sealer is None
    finally:
        if keyless is not None:
            keyless.dispose()
    memory = Database("sqlite://")
    try:
        assert not memory.is_postgres and memory.sealer is not None
    finally:
        memory.dispose()


@pytest.mark.postgres
def test_scrubbing_after_an_erasure_runs_on_postgres(database: Database) -> None:
    with database.unit_of_work() as session:
        add_engagement(session)
    database.scrub(["responses", "members; DROP TABLE engagements"])
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Engagement)) == 1
