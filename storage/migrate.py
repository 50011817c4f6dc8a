"""Create or upgrade the schema with Alembic; safe to run twice and from two processes."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from bot.domain import operator_text
from storage.db import Database
from storage.errors import UnusableDatabaseError, location

MIGRATIONS = Path(__file__).parent / "migrations"
# New migration files start with their date (`alembic revision` names them so), so that
# listing `versions/` by name shows the order they apply in; the older files carry their
# place in the chain as a prefix, and their revision ids are unchanged.
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"
# Any constant will do: it names the PostgreSQL advisory lock migrations queue on.
_ADVISORY_LOCK = 7_271_771


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(database: Database) -> tuple[str | None, str | None]:
    """Upgrade to the newest schema; returns the revisions before and after."""
    with database.engine.connect() as connection:
        if database.is_postgres:
            # Two processes starting together must not both run the same migration.
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _ADVISORY_LOCK})
            connection.commit()
        try:
            before = MigrationContext.configure(connection).get_current_revision()
            connection.rollback()
            command.upgrade(_config(connection), "head")
            connection.commit()
            after = MigrationContext.configure(connection).get_current_revision()
        finally:
            if database.is_postgres:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _ADVISORY_LOCK})
                connection.commit()
    return before, after


def require_current(database: Database) -> None:
    """Raise `UnusableDatabaseError` unless the schema is at the newest revision (say: migrate)."""
    current, head = current_revision(database), head_revision()
    where = location(database.url)
    if current is None:
        raise UnusableDatabaseError(operator_text.NOT_MIGRATED.format(where=where))
    if current != head:
        raise UnusableDatabaseError(
            operator_text.OLD_SCHEMA.format(where=where, current=current, head=head)
        )


def require_sqlite_file(url: str) -> None:
    """For commands that only read: refuse a SQLite file that does not exist, creating none."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise UnusableDatabaseError(operator_text.NO_SQLITE_FILE.format(path=path))
