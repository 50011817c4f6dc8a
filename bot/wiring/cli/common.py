"""What the subcommands share: the one-line operator error, the database a command opens,
output path checks, clean starts."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain import operator_text as text

if TYPE_CHECKING:
    from storage.db import Database


class OperatorError(Exception):
    """Something the operator can fix; the message is one line saying what and how."""


@contextmanager
def command_database(
    url: str,
    key: str | None,
    *,
    read_only: bool = False,
    refused: tuple[type[Exception], ...] = (),
) -> Iterator[Database]:
    """The database a one-shot command works on, closed again however the block ends.

    A database failure inside becomes the operator's one line
    (`storage.errors.database_problems`), and an error of a kind in ``refused`` (an
    engagement not found, a file that is no SLA history) an `OperatorError` with its message.
    """
    from storage.db import Database
    from storage.errors import database_problems

    with database_problems(url):
        database = Database(url, key, read_only=read_only)
        try:
            yield database
        except refused as error:
            raise OperatorError(str(error)) from error
        finally:
            database.dispose()


def writable_file(path: Path) -> Path:
    """``path`` if a file can be written there; otherwise an `OperatorError` saying why."""
    directory = path.parent if str(path.parent) else Path()
    if path.is_dir():
        raise OperatorError(text.CANNOT_WRITE.format(path=path, reason="it is a directory"))
    if not directory.is_dir():
        raise OperatorError(text.NO_DIRECTORY.format(path=path, directory=directory))
    _probe(directory)
    return path


def new_output_file(path: Path, *, force: bool) -> Path:
    """``path`` if a file may be written there: never through a symbolic link, and an
    existing file only with ``force``; otherwise an `OperatorError` saying why."""
    if path.is_symlink():
        raise OperatorError(text.OUT_IS_A_LINK.format(path=path))
    if path.exists() and not path.is_dir() and not force:
        raise OperatorError(text.OUT_EXISTS.format(path=path))
    return writable_file(path)


def write_output_file(path: Path, content: str, *, force: bool) -> None:
    """Write ``content`` to ``path`` without following a symbolic link at it, and without
    replacing a file unless ``force``: checked again at the open itself (``O_NOFOLLOW``,
    ``O_EXCL``), so a link or file put there since the first check is refused too."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError as error:
        if path.is_symlink():
            raise OperatorError(text.OUT_IS_A_LINK.format(path=path)) from error
        raise OperatorError(text.OUT_EXISTS.format(path=path)) from error
    except OSError as error:
        if path.is_symlink():
            raise OperatorError(text.OUT_IS_A_LINK.format(path=path)) from error
        reason = error.strerror or str(error)
        raise OperatorError(text.CANNOT_WRITE.format(path=path, reason=reason)) from error
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)


def writable_directory(path: Path) -> Path:
    """``path``, created if missing, if files can be written in it; else `OperatorError`."""
    if path.exists() and not path.is_dir():
        raise OperatorError(text.NOT_A_DIRECTORY.format(path=path))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        parent = next(p for p in path.absolute().parents if p.exists())
        raise OperatorError(
            text.CANNOT_CREATE.format(
                path=path.absolute(), directory=parent, reason=error.strerror or error
            )
        ) from error
    _probe(path)
    return path


def _probe(directory: Path) -> None:
    """Write and remove a scratch file: the only sure test (read-only mounts, ACLs, root)."""
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=".rapport-")
    except OSError as error:
        raise OperatorError(
            text.NOT_WRITABLE.format(path=directory.absolute(), reason=error.strerror or error)
        ) from error
    os.close(fd)
    os.unlink(name)


class Start:
    """One process start: a SQLite file it created (and the comment key it generated for
    it) is removed again if the start fails.

    Used as ``with Start(url) as start:`` around everything before the process serves;
    each `Database` it opens is added to ``start.databases`` so it can be closed first.
    A file another process has open by then (its WAL is still there once ours are
    closed) is left alone.
    """

    def __init__(self, url: str) -> None:
        path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        self.created = path if path is not None and not path.exists() else None
        self.databases: list[Database] = []

    def __enter__(self) -> Start:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            return
        for database in self.databases:
            database.dispose()
        if self.created is None or _in_use(self.created):
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.created}{suffix}").unlink(missing_ok=True)
        # A comment key this start generated for the file it created seals nothing now.
        for database in self.databases:
            if database.key_created and database.key_file is not None:
                database.key_file.unlink(missing_ok=True)


def _in_use(path: Path) -> bool:
    """SQLite removes a WAL file when its last connection closes: one left means another."""
    return Path(f"{path}-wal").exists()
