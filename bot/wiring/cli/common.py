"""What the subcommands share: the one-line operator error and the output path checks."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bot.domain import operator_text as text


class OperatorError(Exception):
    """Something the operator can fix; the message is one line saying what and how."""


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
        raise OperatorError(
            text.NOT_WRITABLE.format(path=path, reason=error.strerror or error)
        ) from error
    _probe(path)
    return path


def _probe(directory: Path) -> None:
    """Write and remove a scratch file: the only sure test (read-only mounts, ACLs, root)."""
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=".rapport-")
    except OSError as error:
        raise OperatorError(
            text.NOT_WRITABLE.format(path=directory, reason=error.strerror or error)
        ) from error
    os.close(fd)
    os.unlink(name)
