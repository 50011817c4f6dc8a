"""The escalation ladder as operators run it: two real `rapport clock` processes, a flaky Slack.

Leads set `ack_within=1m escalate_after=3m`; the findings are made older in the
database rather than waiting real minutes, as the other clock tests put slots in the
past. An unacknowledged finding is re-raised once in its message's thread, to the
leads of both sides, and then escalated once by DM to every sponsor of both sides;
one resolved before that is fixed at account level and never climbs the ladder.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.domain.vocabulary import utcnow
from storage.models import Alert, Engagement, LadderPost
from tests.support import flows
from tests.support.processes import ClockProcess
from tests.support.running import RunningApp

pytestmark = pytest.mark.slow

PROVIDER_LEAD = "U0PLEAD"
SPONSORS = ("U0SPCLI", "U0SPPRO")


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def tagged_posts(rapport: RunningApp) -> list[dict[str, Any]]:
    """Every re-raise and escalation that landed (metadata `rapport_ladder`), however many
    times; the replies saying why a finding resolved travel the same way and are left out."""
    with rapport.database.reading() as session:
        kinds: dict[int, str] = {
            post_id: kind
            for post_id, kind in session.execute(select(LadderPost.id, LadderPost.kind)).all()
        }
    found = []
    for call in rapport.standin.calls_to("chat.postMessage"):
        raw = call.params.get("metadata") or {}
        metadata = json.loads(raw) if isinstance(raw, str) else dict(raw)
        post = int((metadata.get("event_payload") or {}).get("post") or 0)
        if metadata.get("event_type") == "rapport_ladder" and kinds.get(post) != "resolution":
            found.append(call.params)
    return found


def opened_ago(rapport: RunningApp, alerts: Iterable[int], age: timedelta) -> None:
    """Make the findings `alerts` as old as `age`, as the other clock tests put slots in
    the past rather than wait real minutes."""
    with rapport.database.unit_of_work() as session:
        session.execute(
            update(Alert).where(Alert.id.in_(list(alerts))).values(opened_at=utcnow() - age)
        )


def test_an_unacknowledged_finding_is_reraised_once_then_escalated_once_to_every_sponsor(
    rapport: RunningApp, tmp_path: Path
) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, (PROVIDER_LEAD,), "provider", "lead")
    flows.add(rapport, (SPONSORS[0],), "client", "sponsor")
    flows.add(rapport, (SPONSORS[1],), "provider", "sponsor")
    reply = rapport.slack.command("config ack_within=1m escalate_after=3m")
    assert "raised again after 1m" in reply.all_text() and "after 3m" in reply.all_text()

    rapport.slack.command("sla green all targets met")
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    rapport.slack.command("sla red two P1 incidents")  # the watermelon is gone next close
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    alerts = flows.alerts(rapport)
    fixed = alerts["watermelon"]
    assert fixed.status == "resolved" and fixed.fixed_at_account
    live = {a.id: a for a in alerts.values() if a.status != "resolved"}
    assert {"divergence", "gap"} <= {a.rule for a in live.values()}
    (message,) = flows.messages(rapport)

    # Time moves on: the live findings opened 1m10s ago, so the re-raise is due now and
    # the escalation only once they are made older still, after the re-raises landed.
    opened_ago(rapport, live, timedelta(minutes=1, seconds=10))
    with rapport.database.reading() as session:
        assert session.get_one(Engagement, message.engagement_id).ack_within_minutes == 1
    # Slack fails once each way: a thread reply that lands but times out, a DM that 503s.
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1, landed=True)
    rapport.standin.server_error("chat.postMessage", user=SPONSORS[1], times=1)

    env = {"RETRY_BASE_SECONDS": "1", "SLACK_TIMEOUT_SECONDS": "1"}
    url = rapport.database.url
    clocks = [
        ClockProcess(rapport.standin, url, tmp_path / f"clock-{i}.log", **env) for i in range(2)
    ]
    expected_dms = len(live) * len(SPONSORS)
    logs: list[str] = []
    try:
        wait_for(
            lambda: sum(p.get("thread_ts") is not None for p in tagged_posts(rapport)) >= len(live),
            timeout=60,
            what="the re-raises",
        )
        assert not any(p.get("thread_ts") is None for p in tagged_posts(rapport))
        opened_ago(rapport, live, timedelta(minutes=3, seconds=10))
        wait_for(
            lambda: sum(p.get("thread_ts") is None for p in tagged_posts(rapport)) >= expected_dms,
            timeout=90,
            what="the escalations",
        )
        time.sleep(3)  # any second re-raise or DM would land in this time
    finally:
        logs = [clock.stop() for clock in clocks]
        print("\n---\n".join(logs))
    posts = tagged_posts(rapport)
    kinds = ["reraise" if p.get("thread_ts") else "escalation" for p in posts]
    assert kinds.index("escalation") > kinds.index("reraise"), "re-raised before escalated"
    reraises = [p for p in posts if p.get("thread_ts") is not None]
    assert len(reraises) == len(live), "each finding is re-raised exactly once"
    for post in reraises:
        assert post["thread_ts"] == message.message_ts
        assert f"<@{flows.LEAD}>" in post["text"] and f"<@{PROVIDER_LEAD}>" in post["text"]
    titles = Counter(str(p["text"]).split("*")[1] for p in reraises)
    assert all(n == 1 for n in titles.values())

    dms = [p for p in posts if p.get("thread_ts") is None]
    per_sponsor = Counter(str(p["channel"]) for p in dms)
    assert per_sponsor == Counter({"D" + s[1:]: len(live) for s in SPONSORS})
    for dm in dms:
        text = str(dm["text"])
        assert text.startswith("*Escalated to you: ")
        assert "*History*" in text and "*What we need from you*" in text and "*Owner*" in text
    assert all("Watermelon" not in str(p["text"]) for p in posts), "a fixed finding never climbs"

    with rapport.database.reading() as session:
        for alert_id in live:
            alert = session.get_one(Alert, alert_id)
            assert alert.reraised_at is not None and alert.escalated_at is not None
            assert not alert.fixed_at_account
    assert all("Traceback" not in log for log in logs)
