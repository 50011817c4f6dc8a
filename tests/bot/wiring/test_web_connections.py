"""`rapport web` stays reachable when clients open connections and say nothing."""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.support.processes import WebProcess, free_port
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.slow


@contextmanager
def idle_connections(url: str, count: int) -> Iterator[list[socket.socket]]:
    """`count` connections that send nothing, as half-open or abandoned clients do."""
    host, port = url.removeprefix("http://").split(":")
    with ExitStack() as stack:
        opened = [
            stack.enter_context(socket.create_connection((host, int(port)), timeout=5))
            for _ in range(count)
        ]
        yield opened


def answers_health(url: str, within: float) -> float:
    """Seconds until /healthz answers (fails the test after `within`)."""
    start = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as answer:
                assert answer.status == 200
                return time.monotonic() - start
        except OSError:
            if time.monotonic() - start > within:
                raise AssertionError(f"/healthz did not answer within {within} s") from None


def test_ninety_nine_idle_connections_leave_room_for_slack(
    standin: SlackStandIn, tmp_path: Path
) -> None:
    """The defect: 99 idle connections filled waitress's 100 slots (the listening socket
    counts too) and /healthz timed out."""
    web = WebProcess(standin, f"sqlite:///{tmp_path / 'r.db'}", tmp_path / "web.log", free_port())
    try:
        web.wait_until_serving()
        with idle_connections(web.url, 99):
            assert answers_health(web.url, within=3) < 3
    finally:
        web.stop()


def test_idle_connections_past_the_limit_are_closed_and_requests_served_again(
    standin: SlackStandIn, tmp_path: Path
) -> None:
    env = {"WEB_CONNECTION_LIMIT": "20", "WEB_CHANNEL_TIMEOUT": "2"}
    url = f"sqlite:///{tmp_path / 'r.db'}"
    web = WebProcess(standin, url, tmp_path / "web.log", free_port(), **env)
    try:
        web.wait_until_serving()
        with idle_connections(web.url, 30):
            # Served again once the idle ones are found and closed, not a minute later.
            assert answers_health(web.url, within=10) < 10
    finally:
        web.stop()
