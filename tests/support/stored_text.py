"""Is a piece of text still stored anywhere? The raw SQLite file, or every PostgreSQL table."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url, text

from storage.db import Database
from storage.models import Base


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
