"""Is a piece of text still stored anywhere? The raw SQLite file, or every PostgreSQL table."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url, select, text

from storage.db import Database
from storage.models import Base, Response


def still_stored(database: Database, needle: str) -> bool:
    """After a checkpoint: the raw file and WAL bytes on SQLite; all table rows on PostgreSQL."""
    if not database.is_postgres:
        database.checkpoint()
        path = Path(str(make_url(database.url).database))
        files = [path, path.with_name(path.name + "-wal")]
        return any(needle.encode() in f.read_bytes() for f in files if f.exists())
    with database.reading() as session:
        for table in Base.metadata.sorted_tables:
            # Table names come from our own metadata, never from input.
            query = text(f"SELECT t::text FROM {table.name} AS t")  # noqa: S608
            rows = session.execute(query).scalars()
            if any(needle in row for row in rows):
                return True
    return False


def in_table_files(database: Database, needle: str) -> bool:
    """Whether the text is in the files that hold the tables, dead row versions included.

    SQLite: the raw file and WAL after a checkpoint. PostgreSQL: a CHECKPOINT writes
    every dirty page, then each table's heap and TOAST files are read as bytes (the test
    server's superuser may read them with `pg_read_binary_file`).
    """
    if not database.is_postgres:
        return still_stored(database, needle)
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql("CHECKPOINT")
        paths = c.exec_driver_sql(
            "SELECT pg_relation_filepath(oid) FROM pg_class "
            "WHERE relkind IN ('r', 't') AND relnamespace IN "
            "(SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'pg_toast')) "
            "AND pg_relation_size(oid) > 0"
        ).scalars()
        for path in list(paths):
            found = c.execute(text("SELECT pg_read_binary_file(:p)"), {"p": path}).scalar()
            if found is not None and needle.encode() in bytes(found):
                return True
    return False


def readable(database: Database, needle: str) -> bool:
    """Whether a stored comment, opened with the database's key, contains the text."""
    with database.reading() as session:
        found = session.scalars(select(Response.comment).where(Response.comment.is_not(None)))
        return any(needle in (comment or "") for comment in found)


def sealed_form(database: Database, needle: str) -> str:
    """The comment containing ``needle`` exactly as the database holds it (sealed)."""
    with database.reading() as session:
        for raw in session.execute(
            text("SELECT comment FROM responses WHERE comment IS NOT NULL")
        ).scalars():
            if database.sealer is not None and needle in database.sealer.open(raw):
                return str(raw)
    raise AssertionError(f"no stored comment holds {needle!r}")
