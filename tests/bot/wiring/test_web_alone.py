"""`rapport web` with no clock: a fan-out that Slack or a crash interrupted is finished."""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.db import Database
from storage.models import Delivery
from tests.support.processes import WebProcess, engagement_with, free_port
from tests.support.running import SECRET
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

pytestmark = pytest.mark.slow
LEAD = "U0M0000"
FAST = {
    "SLACK_TIMEOUT_SECONDS": "1",
    "RETRY_BASE_SECONDS": "1",
    "STALE_SENDING_SECONDS": "3",
    # The stand-in runs a minute of Slack's in a second (`time_factor`): so does the
    # process's spacing of history reads.
    "SLACK_HISTORY_SPACING_SECONDS": "1",
}


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def pulse_dms(standin: SlackStandIn) -> Counter[str]:
    return Counter(
        str(c.params["channel"]) for c in standin.dms() if "rapport_pulse" in str(c.params)
    )


def statuses(database: Database) -> Counter[str]:
    with database.reading() as session:
        return Counter(session.scalars(select(Delivery.status)).all())


def test_web_alone_finishes_a_fan_out_that_slack_timeouts_interrupted(
    standin: SlackStandIn, database: Database, tmp_path: Path
) -> None:
    members = 10
    engagement_with(
        database, members, schedule="weekly tue 10:00", created=datetime.now(UTC) - timedelta(1)
    )
    # Two DMs time out after landing, two before: four uncertain ends to settle.
    standin.hang("chat.postMessage", 2.5, user="U0M0001", landed=True)
    standin.hang("chat.postMessage", 2.5, user="U0M0002", landed=True)
    standin.hang("chat.postMessage", 2.5, user="U0M0003")
    standin.hang("chat.postMessage", 2.5, user="U0M0004")
    # Each is looked up in its DM's history, which Slack allows once a minute per
    # workspace: here a minute of Slack's lasts a second.
    standin.time_factor = 60.0
    web = WebProcess(standin, database.url, tmp_path / "web.log", free_port(), **FAST)
    try:
        web.wait_until_serving()
        reply = SlackDriver(web.url, SECRET, standin).command("send", user=LEAD)
        assert reply.status == 200
        wait_for(lambda: statuses(database) == {"sent": members}, 60, "every DM settled")
        time.sleep(2)  # nothing more goes out afterwards
    finally:
        log = web.stop()
    counts = pulse_dms(standin)
    assert len(counts) == members and set(counts.values()) == {1}, counts
    assert "Exception in thread" not in log
    lead_told = "\n".join(str(body.get("text")) for _, body in standin.responses)
    assert "sent to 6 of 10 people. Not sent yet to 4 (timeout)" in lead_told, lead_told


def test_web_restarted_after_a_kill_mid_fan_out_resumes_without_duplicates(
    standin: SlackStandIn, database: Database, tmp_path: Path
) -> None:
    members = 60
    engagement_with(
        database, members, schedule="weekly tue 10:00", created=datetime.now(UTC) - timedelta(1)
    )
    standin.latency = 0.02
    # The DMs the kill left unsettled are each looked up in their DM's history, which
    # Slack allows once a minute per workspace: here a minute of Slack's lasts a second.
    standin.time_factor = 60.0
    env = {**FAST, "SLACK_MESSAGES_PER_SECOND": "15"}
    first = WebProcess(standin, database.url, tmp_path / "first.log", free_port(), **env)
    try:
        first.wait_until_serving()
        assert SlackDriver(first.url, SECRET, standin).command("send", user=LEAD).status == 200
        wait_for(lambda: len(pulse_dms(standin)) >= members // 3, 60, "a third of the DMs")
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=10)
    finally:
        first.stop()
    sent_before = len(pulse_dms(standin))
    assert 0 < sent_before < members, "the kill did not land mid fan-out"
    second = WebProcess(standin, database.url, tmp_path / "second.log", free_port(), **env)
    try:
        second.wait_until_serving()
        wait_for(lambda: statuses(database) == {"sent": members}, 90, "every DM settled")
    finally:
        log = second.stop()
    counts = pulse_dms(standin)
    assert len(counts) == members and set(counts.values()) == {1}, counts
    assert "resumed the DMs of 1 open pulse" in log
