"""A database that cannot be used is one line for the operator, from the real driver errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from storage.errors import UnusableDatabaseError, database_problems, explain, location


def failure(url: str, sql: str = "SELECT 1") -> SQLAlchemyError:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    except SQLAlchemyError as error:
        return error
    finally:
        engine.dispose()
    raise AssertionError("no error")


def test_the_location_never_shows_the_password() -> None:
    assert location("postgresql+psycopg://ana:s3cret@db.example:6543/rapport") == (
        "db.example:6543/rapport"
    )
    assert location("postgresql+psycopg:///rapport") == "localhost:5432/rapport"
    assert location("sqlite:////var/lib/rapport.db") == "/var/lib/rapport.db"
    assert location("not a url") == "DATABASE_URL"


def test_a_sqlite_file_in_a_missing_directory(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/missing/rapport.db"
    said = explain(failure(url), url)
    assert "does not exist" in said and str(tmp_path / "missing") in said
    assert "\n" not in said


def test_a_database_without_tables_asks_for_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/empty.db"
    said = explain(failure(url, "SELECT * FROM engagements"), url)
    assert "rapport migrate" in said


@pytest.mark.postgres
def test_a_server_that_refuses_and_a_database_that_is_missing(postgres_url: str) -> None:
    refused = "postgresql+psycopg://nobody:pw@127.0.0.1:1/rapport"
    said = explain(failure(refused), refused)
    assert "connection refused" in said and "127.0.0.1:1" in said and "pw" not in said
    missing = postgres_url.rsplit("/", 1)[0] + "/rapport_not_there"
    said = explain(failure(missing), missing)
    assert "'rapport_not_there' does not exist" in said and "createdb" in said


def test_any_error_inside_the_block_becomes_one_sentence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/empty.db"
    engine = create_engine(url)
    try:
        with (
            pytest.raises(UnusableDatabaseError) as caught,
            database_problems(url),
            engine.connect() as connection,
        ):
            connection.execute(text("SELECT * FROM pulses"))
    finally:
        engine.dispose()
    assert "rapport migrate" in str(caught.value)
    with database_problems(url):
        pass
