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
