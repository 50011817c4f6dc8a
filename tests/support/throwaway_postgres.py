"""A PostgreSQL cluster of a test's own, on a free port, that the test may stop and start.

The shared server on 5432 is never stopped; a test that takes the database away starts
this one with `initdb`/`pg_ctl` (as the `postgres` user when run as root, since the
server refuses to run as root) and removes it at the end.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayPostgres:
    """One cluster in a temporary folder: `url` for the app, `stop()` and `start()`."""

    def __init__(self, folder: Path, port: int, as_user: list[str]) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = port
        self._as_user = as_user
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/rapport"

    def _run(self, *command: str) -> None:
        result = subprocess.run(
            [*self._as_user, *command], capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}")

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "rapport")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        """Stop at once, as a crash or a failover would: every connection is cut."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def destroy(self) -> None:
        subprocess.run(
            [*self._as_user, "pg_ctl", "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    """A fresh cluster with an empty `rapport` database; skips when PostgreSQL's tools
    are not installed here."""
    missing = [tool for tool in ("initdb", "pg_ctl", "createdb") if shutil.which(tool) is None]
    if missing:
        needed = ", ".join(missing)
        pytest.skip(f"needs PostgreSQL's {needed} on PATH to start a cluster of its own")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="rapport-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            pytest.skip("runs as root and there is no postgres user to own a cluster")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    cluster = ThrowawayPostgres(folder, _free_port(), as_user)
    try:
        cluster.init()
        yield cluster
    finally:
        cluster.destroy()
