"""The clock as operators run it: real `rapport clock` processes, twice at once, and killed."""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.db import Database
from tests.support.processes import ClockProcess, engagement_with
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.slow


def pulse_of(call: object) -> int:
    metadata = call.params.get("metadata") or {}  # type: ignore[attr-defined]
    return int(metadata["event_payload"]["pulse"])


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def idle_after_work(clocks: list[ClockProcess]) -> bool:
    """Every clock has finished a tick, none is working, and one is idle: nothing due is
    left undone (a standing-by clock does no work)."""
    states = [clock.state() for clock in clocks]
    return None not in states and "working" not in states and "idle" in states


def test_two_clocks_over_several_pulses_send_each_member_each_pulse_once(
    standin: SlackStandIn, database: Database, tmp_path: Path
) -> None:
    members = 12
    sponsor = "U0SPONSOR"
    now = datetime.now(UTC)
    due = now - timedelta(minutes=1)
    for n in range(3):
        engagement_with(
            database,
            members,
            name=f"Acme deal {n}",
            schedule=f"daily {due:%H:%M}",
            created=now - timedelta(hours=2),
            digest=f"{due:%a %H:%M}".lower(),
            sponsor=sponsor if n == 0 else None,
        )
    clocks = [ClockProcess(standin, database.url, tmp_path / f"clock-{i}.log") for i in range(2)]
    logs: list[str] = []
    try:
        wait_for(lambda: len(standin.dms()) >= 3 * members, timeout=60, what="three pulses")
        wait_for(lambda: idle_after_work(clocks), timeout=30, what="the clocks to be idle")
    finally:
        logs = [clock.stop() for clock in clocks]
        print("\n---\n".join(logs))  # shown by pytest when the test fails
    per_pulse = Counter((pulse_of(c), c.params["channel"]) for c in standin.dms())
    pulses = {pulse for pulse, _ in per_pulse}
    assert len(pulses) == 3
    for pulse in pulses:
        recipients = [user for (p, user), n in per_pulse.items() if p == pulse]
        assert len(recipients) == members
    assert set(per_pulse.values()) == {1}, "someone got a pulse twice"
    assert all(c.params["channel"] != sponsor for c in standin.dms()), "sponsors get no pulses"
    digests = [
        c
        for c in standin.calls_to("chat.postMessage")
        if c.params.get("channel") == "D" + sponsor[1:]
    ]
    assert len(digests) == 1, "the sponsor's weekly digest goes out exactly once"
    assert all("Traceback" not in log for log in logs)
    if database.is_postgres:
        assert sum("now the leader" in log for log in logs) == 1


def test_a_clock_killed_mid_fanout_resumes_without_duplicates_or_losses(
    standin: SlackStandIn, database: Database, tmp_path: Path
) -> None:
    members = 200
    due = (datetime.now(UTC) - timedelta(minutes=2)).strftime("%H:%M")
    engagement_with(
        database, members, schedule=f"daily {due}", created=datetime.now(UTC) - timedelta(hours=1)
    )
    standin.latency = 0.01
    # The DMs the kill left unsettled are each looked up in their DM's history, which
    # Slack allows once a minute per workspace: here a minute of Slack's lasts a second.
    standin.time_factor = 60.0
    # Four senders: the kill leaves at most four DMs whose fate is unknown, each read back
    # from its history at Slack's pace for an unlisted app.
    env = {
        "WORKER_CONCURRENCY": "4",
        "SLACK_MESSAGES_PER_SECOND": "40",
        "STALE_SENDING_SECONDS": "3",
        "SLACK_TIMEOUT_SECONDS": "1",
        # The process's spacing of history reads follows the stand-in's minute.
        "SLACK_HISTORY_SPACING_SECONDS": "1",
    }
    first = ClockProcess(standin, database.url, tmp_path / "first.log", **env)
    try:
        wait_for(lambda: len(standin.dms()) >= members // 2, timeout=60, what="half the fan-out")
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=10)
    finally:
        first.stop()
    sent_before = len(standin.dms())
    assert 0 < sent_before < members, "the kill did not land mid fan-out"
    second = ClockProcess(standin, database.url, tmp_path / "second.log", **env)
    try:
        wait_for(
            lambda: len({c.params["channel"] for c in standin.dms()}) >= members,
            timeout=90,
            what="the rest",
        )
        wait_for(lambda: idle_after_work([second]), timeout=30, what="the clock to be idle")
    finally:
        print(second.stop())  # shown by pytest when the test fails
    counts = Counter(c.params["channel"] for c in standin.dms())
    assert len(counts) == members
    assert set(counts.values()) == {1}
