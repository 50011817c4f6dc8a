"""`rapport playground` in this process: the demo served from a fresh database, and its options."""

from __future__ import annotations

import argparse
import socket
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest

from bot.wiring.cli.common import OperatorError
from bot.wiring.playground.page import PageServer
from bot.wiring.playground.run import DATABASE_FILE, _bind, _database, port_or_any, start


def test_the_demo_starts_with_every_pulse_dm_delivered_and_the_page_served(
    tmp_path: Path,
) -> None:
    (tmp_path / f"{DATABASE_FILE}-wal").write_text("stale")
    with ExitStack() as stack:
        page_server = PageServer(0)
        stack.callback(page_server.close)
        sent, recipients = start(tmp_path, page_server, stack)
        with urllib.request.urlopen(page_server.url, timeout=10) as reply:
            assert reply.status == 200
    assert sent == recipients > 0
    assert (tmp_path / DATABASE_FILE).exists()


def test_each_run_starts_from_a_fresh_database(tmp_path: Path) -> None:
    for leftover in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        (tmp_path / leftover).write_text("old")
    assert _database(tmp_path) == f"sqlite:///{tmp_path / DATABASE_FILE}"
    assert list(tmp_path.iterdir()) == []


def test_a_port_in_use_is_one_sentence_for_the_operator() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OperatorError) as refused:
            _bind(port)
    assert str(port) in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize(("typed", "port"), [("0", 0), ("3100", 3100), ("65535", 65535)])
def test_a_port_is_a_whole_number_in_range(typed: str, port: int) -> None:
    assert port_or_any(typed) == port


@pytest.mark.parametrize("typed", ["-1", "65536", "http", "31.5", ""])
def test_anything_else_is_refused_saying_what_a_port_is(typed: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="whole number"):
        port_or_any(typed)
