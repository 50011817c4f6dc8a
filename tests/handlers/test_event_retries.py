"""Events with an effect are applied once when Slack retries them (same event_id,
`X-Slack-Retry-Num`). Before: a retried uninstall or unshare told the leads again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from storage.db import Database
from tests.support.installing import CLIENT, PROVIDER, install, running_distributed
from tests.support.running import RunningApp
from tests.support.signing import signed_headers
from tests.support.two_companies import A_LEAD, B_LEAD, companies, set_up
from tests.support.workspaces import Workspaces


@pytest.fixture
def standin() -> Iterator[Workspaces]:
    server = companies().start()
    yield server
    server.stop()


def deliver(running: RunningApp, team_id: str, inner: dict[str, Any], retry: int = 0) -> int:
    """One delivery of an event (`retry` > 0: Slack's retry of the same event)."""
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": team_id,
            "api_app_id": "A0RAPPORT",
            "event": inner,
            "event_id": f"Ev{team_id}{inner['type']}",
            "event_time": 1_700_000_000,
        }
    )
    headers = signed_headers(body, running.slack.secret)
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    reply = running.slack.post(body, "application/json", headers=headers)
    running.settle()
    return reply.status


def told(standin: Workspaces, since: int, words: str) -> list[str]:
    return [
        str(c.params["channel"])
        for c in standin.calls[since:]
        if c.method == "chat.postMessage" and words in str(c.params.get("text"))
    ]


def test_a_retried_uninstall_tells_the_other_leads_once(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        before = len(standin.calls)
        for retry in (0, 1, 2, 3):
            assert deliver(running, PROVIDER.team_id, {"type": "app_uninstalled"}, retry) == 200
        assert told(standin, before, "removed Rapport") == [A_LEAD]


def test_a_retried_unshare_tells_the_leads_once(standin: Workspaces, database: Database) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        before = len(standin.calls)
        unshared = {"type": "channel_unshared", "channel": "C0SHARED", "is_ext_shared": False}
        for retry in (0, 1):
            assert deliver(running, CLIENT.team_id, unshared, retry) == 200
        assert sorted(told(standin, before, "no longer shared")) == sorted([A_LEAD, B_LEAD])
