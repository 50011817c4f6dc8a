"""Slack's contract as the stand-in enforces it, and every call the product makes allowed by it."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.scopes import BOT_SCOPES
from tests.support.slack_api import SlackStandIn
from tests.support.slack_rules import METHODS, Limits, manifest_scopes

ROOT = Path(__file__).resolve().parents[3]


class Clock:
    """Slack's time for the stand-in, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def strict() -> Iterator[tuple[SlackStandIn, WebClient, Clock]]:
    server = SlackStandIn()
    clock = Clock()
    server.clock = clock
    server.start()
    yield server, WebClient(token="xoxb-test", base_url=server.api_url), clock
    server.stop()


def refusal(call: object) -> dict[str, object]:
    with pytest.raises(SlackApiError) as raised:
        call()  # type: ignore[operator]
    data = raised.value.response.data
    assert isinstance(data, dict)
    return {**data, "status": raised.value.response.status_code}


def test_a_scope_the_manifest_lacks_is_refused_as_slack_refuses_it(
    strict: tuple[SlackStandIn, WebClient, Clock],
) -> None:
    standin, client, _ = strict
    standin.scopes = manifest_scopes() - {"channels:history"}
    answer = refusal(lambda: client.conversations_history(channel="C0PUBLIC"))
    assert answer["error"] == "missing_scope"
    assert answer["needed"] == "channels:history"
    assert "groups:history" in str(answer["provided"])
    # Each conversation type needs its own family of scopes.
    assert client.conversations_history(channel="G0PRIVATE")["ok"]
    standin.scopes = manifest_scopes() - {"im:history"}
    answer = refusal(lambda: client.conversations_history(channel="D0ANA"))
    assert answer["needed"] == "im:history"
    standin.scopes = frozenset()
    assert refusal(lambda: client.users_info(user="U0ANA"))["needed"] == "users:read"
    assert refusal(lambda: client.chat_postMessage(channel="U0ANA", text="x"))["needed"] == (
        "chat:write"
    )


def test_each_tier_answers_429_with_retry_after_and_lets_calls_through_a_minute_later(
    strict: tuple[SlackStandIn, WebClient, Clock],
) -> None:
    _, client, clock = strict
    client.retry_handlers = []
    for _ in range(50):  # chat.update is Tier 3: 50 a minute
        client.chat_update(channel="C0ALERTS", ts="1.0", text="x")
    answer = refusal(lambda: client.chat_update(channel="C0ALERTS", ts="1.0", text="x"))
    assert answer["status"] == 429 and answer["error"] == "ratelimited"
    clock.now += 30
    with pytest.raises(SlackApiError) as raised:
        client.chat_update(channel="C0ALERTS", ts="1.0", text="x")
    assert raised.value.response.headers["Retry-After"] == "30"
    # Another method has its own quota; the minute over, the method is allowed again.
    assert client.users_info(user="U0ANA")["ok"]
    clock.now += 30
    assert client.chat_update(channel="C0ALERTS", ts="1.0", text="x")["ok"]


def test_posts_are_one_a_second_per_channel_with_short_bursts(
    strict: tuple[SlackStandIn, WebClient, Clock],
) -> None:
    _, client, clock = strict
    client.retry_handlers = []
    for _ in range(5):
        client.chat_postMessage(channel="C0ALERTS", text="x")
    assert refusal(lambda: client.chat_postMessage(channel="C0ALERTS", text="x"))["status"] == 429
    assert client.chat_postMessage(channel="C0OTHER", text="x")["ok"]
    clock.now += 1
    assert client.chat_postMessage(channel="C0ALERTS", text="x")["ok"]


def test_history_outside_the_marketplace_is_one_read_a_minute_in_pages_of_fifteen(
    strict: tuple[SlackStandIn, WebClient, Clock],
) -> None:
    standin, client, clock = strict
    client.retry_handlers = []
    for _ in range(20):
        client.chat_postMessage(channel="C0ALERTS", text="x")
        clock.now += 1
    page = client.conversations_history(channel="C0ALERTS", limit=100)
    assert len(page["messages"]) == 15 and page["has_more"]
    assert refusal(lambda: client.conversations_history(channel="C0OTHER"))["status"] == 429
    clock.now += 60
    assert client.conversations_history(channel="C0ALERTS")["ok"]
    for distribution in ("internal", "marketplace"):  # Tier 3: 50 reads a minute
        standin.limits = Limits(distribution=distribution)
        for _ in range(50):
            page = client.conversations_history(channel="C0ALERTS", limit=100)
            assert len(page["messages"]) == 20
        assert refusal(lambda: client.conversations_history(channel="C0ALERTS"))["status"] == 429


def api_methods_the_product_calls() -> set[str]:
    """Every Web API method the code calls, through slack_sdk's client methods or by name."""
    source = "\n".join(
        p.read_text() for d in ("bot", "handlers", "storage") for p in (ROOT / d).rglob("*.py")
    )
    methods = set(re.findall(NAMED, source))
    seen: set[str] = set()
    todo = set(re.findall(r"\.([a-z]+_[A-Za-z_0-9]+)\(", source))
    while todo:  # a client method may call others (files_upload_v2 calls two)
        name = todo.pop()
        seen.add(name)
        member = getattr(WebClient, name, None)
        if member is None or not callable(member):
            continue
        body = inspect.getsource(member)
        methods |= set(re.findall(NAMED, body))
        todo |= set(re.findall(r"self\.([a-z]+_[A-Za-z_0-9]+)\(", body)) - seen
    return methods


NAMED = r'api_call\(\s*"([a-z]+\.[A-Za-z.]+)"'


# The conversation types Rapport addresses with each conversations.* method: DMs with
# members, and the alert channel (public or private).
CONVERSATIONS_USED = {
    "conversations.open": ("D",),
    "conversations.history": ("C", "G", "D"),
    "conversations.replies": ("C", "G", "D"),
    "conversations.members": ("C", "G"),
}
# Scopes no Web API method asks for, and what asks for them instead.
NOT_FOR_A_METHOD = {
    "commands": "the /rapport slash command in the manifest",
    "chat:write.public": "chat.postMessage to a public channel Rapport was not invited to",
}


def test_every_method_the_product_calls_is_allowed_and_every_scope_is_needed() -> None:
    called = api_methods_the_product_calls()
    assert {"chat.postMessage", "conversations.history", "users.info"} <= called
    assert called <= set(METHODS), "a method with no rule in tests/support/slack_rules.py"
    needed: set[str] = set()
    for method in called:
        for kind in CONVERSATIONS_USED.get(method, ("C",)):
            needed |= set(METHODS[method].needed(kind))
    granted = manifest_scopes()
    assert needed - granted == set(), "the product calls a method the manifest cannot"
    assert granted - needed - set(NOT_FOR_A_METHOD) == set(), "a scope nothing needs"
    assert set(BOT_SCOPES) == granted
    # Each scope's reason stays beside it.
    scopes_source = (ROOT / "bot/slack/scopes.py").read_text()
    for scope in BOT_SCOPES:
        assert re.search(rf'"{re.escape(scope)}",\s*# \S', scopes_source), scope


def test_a_grid_admin_may_install_rapport_for_the_whole_org() -> None:
    manifest = (ROOT / "manifest.yml").read_text()
    assert re.search(r"^  org_deploy_enabled: true$", manifest, re.MULTILINE)


def test_a_rate_set_per_workspace_counts_each_workspace_apart() -> None:
    from tests.support.workspaces import Team, Workspaces

    standin = Workspaces(Team("T0A", "A", people={"U0A1"}), Team("T0B", "B", people={"U0B1"}))
    standin.tokens.update({"xoxb-a": "T0A", "xoxb-b": "T0B"})
    standin.limit_rate("chat.postMessage", 2, per_workspace=True)
    standin.start()
    try:
        a, b = (WebClient(token=t, base_url=standin.api_url) for t in ("xoxb-a", "xoxb-b"))
        a.retry_handlers = []
        for _ in range(2):
            assert a.chat_postMessage(channel="U0A1", text="x")["ok"]
        assert refusal(lambda: a.chat_postMessage(channel="U0A1", text="x"))["status"] == 429
        assert b.chat_postMessage(channel="U0B1", text="x")["ok"]
    finally:
        standin.stop()
