"""`command_database`: the database a one-shot command opens, its failures and its closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from bot.wiring.cli.common import OperatorError, command_database
from storage.errors import UnusableDatabaseError


class NotFoundError(Exception):
    """Stands for a service's refusal (an engagement not found)."""


def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rapport.db'}"


def test_the_block_works_on_the_database_and_its_connections_are_closed_after(
    tmp_path: Path,
) -> None:
    with command_database(url(tmp_path), None) as database:
        with database.unit_of_work() as session:
            session.execute(text("CREATE TABLE notes (body TEXT)"))
            session.execute(text("INSERT INTO notes VALUES ('kept')"))
        pool = database.engine.pool
    assert database.engine.pool is not pool  # disposed: a fresh pool replaced the used one
    with command_database(url(tmp_path), None) as again, again.reading() as session:
        assert session.execute(text("SELECT body FROM notes")).scalar_one() == "kept"


def test_a_refused_kind_becomes_the_operators_one_line(tmp_path: Path) -> None:
    refused = (KeyError, NotFoundError)
    with (
        pytest.raises(OperatorError, match=r"^No engagement called x$") as raised,
        command_database(url(tmp_path), None, refused=refused) as database,
    ):
        pool = database.engine.pool
        raise NotFoundError("No engagement called x")
    assert isinstance(raised.value.__cause__, NotFoundError)
    assert database.engine.pool is not pool


def test_an_error_of_another_kind_passes_unchanged(tmp_path: Path) -> None:
    with (
        pytest.raises(ValueError, match="not refused"),
        command_database(url(tmp_path), None, refused=(NotFoundError,)),
    ):
        raise ValueError("not refused")


def test_a_database_failure_is_explained(tmp_path: Path) -> None:
    with (
        pytest.raises(UnusableDatabaseError, match="rapport migrate"),
        command_database(url(tmp_path), None) as database,
        database.reading() as session,
    ):
        session.execute(text("SELECT * FROM pulses"))
