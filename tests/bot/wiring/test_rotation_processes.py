"""Token rotation across real processes: a `rapport clock` and the web app refresh at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from storage.db import Database
from tests.support.installing import CLIENT, PROVIDER, install, running_distributed
from tests.support.processes import ClockProcess
from tests.support.workspaces import CLIENT_ID, CLIENT_SECRET, Workspaces


def test_a_clock_process_and_bursts_of_requests_never_spend_a_refresh_token_twice(
    database: Database, tmp_path: Path
) -> None:
    # Every token issued expires within the refresh window, so whoever looks refreshes:
    # the clock at each tick, every request from the workspace, all at once.
    standin = Workspaces(CLIENT, PROVIDER, expiring=True, lifetime=60).start()
    try:
        with running_distributed(standin, database) as running:
            install(running, standin, CLIENT.team_id)
            clock = ClockProcess(
                standin,
                database.url,
                tmp_path / "clock.log",
                SLACK_BOT_TOKEN="",
                SLACK_CLIENT_ID=CLIENT_ID,
                SLACK_CLIENT_SECRET=CLIENT_SECRET,
            )
            replies: list[str] = []
            try:
                deadline = time.monotonic() + 30
                while clock.state() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                for _ in range(3):
                    barrier = threading.Barrier(8)

                    def ask(barrier: threading.Barrier = barrier) -> None:
                        barrier.wait()
                        reply = running.slack.command("help", user="U0A1", team=CLIENT.team_id)
                        replies.append(reply.text)

                    threads = [threading.Thread(target=ask) for _ in range(8)]
                    for thread in threads:
                        thread.start()
                    for thread in threads:
                        thread.join()
                    time.sleep(1.0)  # a clock tick in between
            finally:
                log = clock.stop()
    finally:
        standin.stop()
    assert clock.state() is not None, log
    assert "refreshed the token of installation" in log, log
    assert "Traceback" not in log, log
    assert len(standin.presented) == len(set(standin.presented)) >= 4
    refused = [c for c in standin.calls_to("oauth.v2.access", ok_only=False) if c.status != 200]
    assert refused == []
    assert len(replies) == 24 and all("/rapport" in reply for reply in replies)
