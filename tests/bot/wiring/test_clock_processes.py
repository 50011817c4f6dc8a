"""The clock as operators run it: real `rapport clock` processes, twice at once, and killed."""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from storage.db import Database
from tests.support.processes import clock_process, engagement_with
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


def test_two_clocks_over_several_pulses_send_each_member_each_pulse_once(
    standin: SlackStandIn, database: Database
) -> None:
    members = 12
    sponsor = "U0SPONSOR"
    digest_due = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%a %H:%M").lower()
    engagement_with(
        database,
        members,
        schedule="* * * * *",
        created=datetime.now(UTC),
        digest=digest_due,
        sponsor=sponsor,
    )
    clocks = [clock_process(standin, database.url) for _ in range(2)]
    logs: list[str] = []
    try:
        wait_for(
            lambda: (
                len({pulse_of(c) for c in standin.dms()}) >= 3 and len(standin.dms()) >= 3 * members
            ),
            timeout=200,
            what="three pulses",
        )
        time.sleep(2)  # anything duplicated would have gone out by now
    finally:
        for process in clocks:
            process.terminate()
        logs = [process.communicate(timeout=20)[1] for process in clocks]
        print("\n---\n".join(logs))  # shown by pytest when the test fails
    per_pulse = Counter((pulse_of(c), c.params["channel"]) for c in standin.dms())
    pulses = {pulse for pulse, _ in per_pulse}
    assert len(pulses) >= 3
    for pulse in sorted(pulses)[:3]:
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
        assert sum("now the leader" in log for log in logs) >= 1


def test_a_clock_killed_mid_fanout_resumes_without_duplicates_or_losses(
    standin: SlackStandIn, database: Database
) -> None:
    members = 200
    due = (datetime.now(UTC) - timedelta(minutes=2)).strftime("%H:%M")
    engagement_with(
        database, members, schedule=f"daily {due}", created=datetime.now(UTC) - timedelta(hours=1)
    )
    standin.latency = 0.01
    env = {"SLACK_MESSAGES_PER_SECOND": "40", "STALE_SENDING_SECONDS": "1"}
    first = clock_process(standin, database.url, **env)
    try:
        wait_for(lambda: len(standin.dms()) >= members // 2, timeout=60, what="half the fan-out")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    sent_before = len(standin.dms())
    assert 0 < sent_before < members, "the kill did not land mid fan-out"
    second = clock_process(standin, database.url, **env)
    try:
        wait_for(
            lambda: len({c.params["channel"] for c in standin.dms()}) >= members,
            timeout=90,
            what="the rest",
        )
        time.sleep(2)
    finally:
        second.terminate()
        print(second.communicate(timeout=20)[1])  # shown by pytest when the test fails
    counts = Counter(c.params["channel"] for c in standin.dms())
    assert len(counts) == members
    assert set(counts.values()) == {1}
