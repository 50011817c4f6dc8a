"""Database failures turned into one sentence for the operator: what went wrong and the fix."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bot.domain import operator_text as text


class UnusableDatabaseError(Exception):
    """The database cannot be used as configured; the message says why and what to do."""


def _sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def location(url: str) -> str:
    """Where the database is, without the password: host:port/name or the SQLite file."""
    path = _sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "DATABASE_URL"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def _sqlite(path: Path, reason: str) -> str:
    directory = path.parent.resolve() if path.parent != Path("") else Path.cwd()
    if not directory.is_dir():
        return text.SQLITE_NO_DIRECTORY.format(path=path, directory=directory)
    writable = os.access(directory, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if not writable or "readonly" in reason or "read-only" in reason:
        return text.SQLITE_READ_ONLY.format(path=path, directory=directory)
    return text.SQLITE_CANNOT_OPEN.format(path=path, reason=reason)


def explain(error: BaseException, url: str) -> str:
    """One line saying what is wrong with the database at ``url`` and how to fix it."""
    reason = str(getattr(error, "orig", None) or error).splitlines()[0].strip()
    lowered = reason.lower()
    where = location(url)
    if (
        "no such table" in lowered
        or "undefinedtable" in type(getattr(error, "orig", error)).__name__.lower()
        or re.search(r'relation ".*" does not exist', lowered)
    ):
        return text.NOT_MIGRATED.format(where=where)
    path = _sqlite_path(url)
    if path is not None:
        return _sqlite(path, lowered)
    if "connection refused" in lowered:
        return text.DB_REFUSED.format(where=where.rsplit("/", 1)[0])
    if "resolve host" in lowered or "name or service not known" in lowered:
        return text.DB_UNKNOWN_HOST.format(host=make_url(url).host)
    missing = re.search(r'database "([^"]+)" does not exist', reason)
    if missing:
        return text.DB_MISSING.format(name=missing.group(1), where=where.rsplit("/", 1)[0])
    if "authentication failed" in lowered or "no password supplied" in lowered:
        return text.DB_AUTH.format(where=where.rsplit("/", 1)[0])
    return text.DB_UNREACHABLE.format(
        where=where, reason=reason.removeprefix("connection failed: ")
    )


@contextmanager
def database_problems(url: str) -> Iterator[None]:
    """Turn any database error raised inside the block into a `UnusableDatabaseError`."""
    try:
        yield
    except SQLAlchemyError as error:
        raise UnusableDatabaseError(explain(error, url)) from error
