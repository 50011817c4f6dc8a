"""Looking for an uncertain post within Slack's limits, and the leads told when Slack refuses.

Before: the alert channel's history needed `channels:history`, which Rapport did not ask
for; the refusal was retried every few seconds for ever and the leads were never told. A
429 on the read slept out its Retry-After inside slack_sdk, holding the clock's tick.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Literal

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.vocabulary import utcnow
from bot.services import jobs
from bot.slack import history
from bot.slack.client import make_client, make_installation_client
from bot.slack.outcomes import HeldBackError, outcome_of
from storage.db import Database
from tests.support import flows
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn
from tests.support.slack_rules import Limits, manifest_scopes


def retry_at(rapport: RunningApp, later: timedelta) -> None:
    rapport.clock.frozen = utcnow() + later
    jobs.retry_alert_posts(rapport.container)
    rapport.clock.frozen = None


def told_leads(rapport: RunningApp) -> list[str]:
    return [
        str(c.params["text"])
        for c in rapport.standin.dms()
        if c.params["channel"] == flows.LEAD and "couldn't post an alert" in str(c.params["text"])
    ]


def alert_posts(rapport: RunningApp) -> int:
    """The alert messages Slack took in the channel."""
    return sum(
        c.params["channel"] == flows.CHANNEL and "rapport_alert" in str(c.params)
        for c in rapport.standin.calls_to("chat.postMessage")
    )


def uncertain_alert_post(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1)
    flows.close(rapport)
    (message,) = flows.messages(rapport)
    assert message.message_ts is None and message.post_error == "timeout"


def test_a_channel_slack_will_not_let_rapport_read_sends_the_alert_to_the_leads_at_once(
    rapport: RunningApp,
) -> None:
    # A workspace that installed Rapport before it asked for channels:history.
    rapport.standin.scopes = manifest_scopes() - {"channels:history"}
    uncertain_alert_post(rapport)
    for minutes in (1, 2, 3, 10):
        retry_at(rapport, timedelta(minutes=minutes))
    assert len(told_leads(rapport)) == 1
    reads = rapport.standin.calls_to("conversations.history", ok_only=False)
    assert len(reads) == 1, "a refused read is not repeated"
    (message,) = flows.messages(rapport)
    assert message.next_post_at is None and message.post_error == "missing_scope"


def test_a_429_on_the_read_is_recorded_and_the_clock_moves_on(rapport: RunningApp) -> None:
    uncertain_alert_post(rapport)
    rapport.standin.rate_limit("conversations.history", retry_after=55, times=1)
    started = time.monotonic()
    retry_at(rapport, timedelta(minutes=1))
    assert time.monotonic() - started < 5, "the Retry-After was slept out"
    (message,) = flows.messages(rapport)
    assert message.message_ts is None and message.next_post_at is not None
    assert message.next_post_at - utcnow() >= timedelta(seconds=55)
    retry_at(rapport, timedelta(minutes=3))
    (message,) = flows.messages(rapport)
    assert message.message_ts is not None
    assert not told_leads(rapport)


@pytest.mark.parametrize("fault", ["hang", "reset"])
def test_a_read_that_times_out_or_is_cut_is_looked_again_later_and_posts_once(
    rapport: RunningApp, fault: str
) -> None:
    """A read with no answer is no SlackApiError: it leaves the gate as it is (counted,
    for it may have reached Slack), the look is recorded as uncertain and tried again after
    its backoff; nothing is posted blindly and the leads are not told."""
    uncertain_alert_post(rapport)
    if fault == "hang":
        rapport.standin.hang("conversations.history", 2.5, times=1)
    else:  # every try of the client's own retries is cut
        rapport.standin.reset("conversations.history", times=4)
    retry_at(rapport, timedelta(minutes=1))
    (message,) = flows.messages(rapport)
    assert message.message_ts is None
    assert message.post_error in {"timeout", "connection_error"}
    assert message.next_post_at is not None
    assert alert_posts(rapport) == 0, "posted without a look"
    retry_at(rapport, timedelta(minutes=5))
    (message,) = flows.messages(rapport)
    assert message.message_ts is not None
    assert alert_posts(rapport) == 1
    assert not told_leads(rapport)


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return make_client("xoxb-test-token", standin.api_url, 1)


def test_each_conversation_is_read_once_a_minute_in_pages_of_fifteen(
    standin: SlackStandIn, client: WebClient
) -> None:
    now = [0.0]
    history.GATE.clock = standin.clock = lambda: now[0]
    assert history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1) is None
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1, limit=100)
    assert outcome_of(held.value).kind == "rate_limited"
    assert outcome_of(held.value).retry_after == pytest.approx(60)
    now[0] = 60.0
    history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1, limit=100)
    reads = standin.calls_to("conversations.history", ok_only=False)
    assert len(reads) == 2 and all(int(c.params["limit"]) <= 15 for c in reads)


@pytest.mark.parametrize("distribution", ["internal", "marketplace"])
def test_an_internal_or_marketplace_app_reads_at_tier_3_in_deeper_pages(
    standin: SlackStandIn, client: WebClient, distribution: Literal["internal", "marketplace"]
) -> None:
    """Tier 3 is 50 calls a minute: the looks after an outage go at once, up to 50, and
    the next when the first of them is a minute old."""
    now = [0.0]
    history.GATE.clock = standin.clock = lambda: now[0]
    standin.limits = Limits(distribution=distribution)
    history.GATE.follow(distribution)
    for _ in range(20):
        client.chat_postMessage(channel="C0ALERTS", text="x")
        now[0] += 1.0
    assert history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1, limit=100) is None
    now[0] += 1.25
    for n in range(49):
        history.find_tagged(client, f"D0CLI{n}", "rapport_pulse", "delivery", 1, limit=500)
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    assert outcome_of(held.value).retry_after == pytest.approx(58.75)
    now[0] += 58.75
    history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    reads = standin.calls_to("conversations.history", ok_only=False)
    assert [int(c.params["limit"]) for c in reads[:2]] == [100, 200]
    assert len(reads) == 51 and all(c.status == 200 for c in reads)
    history.GATE.follow("unlisted")
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    assert outcome_of(held.value).retry_after == pytest.approx(60)


def test_a_spacing_set_by_the_operator_replaces_the_distributions_and_keeps_its_page(
    standin: SlackStandIn, client: WebClient
) -> None:
    now = [0.0]
    history.GATE.clock = standin.clock = lambda: now[0]
    standin.time_factor = 12.0  # a minute of Slack's lasts five seconds
    history.GATE.follow("unlisted", 5)
    history.find_tagged(client, "D0CLI1", "rapport_pulse", "delivery", 1, limit=100)
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "D0CLI1", "rapport_pulse", "delivery", 1)
    assert outcome_of(held.value).retry_after == pytest.approx(5)
    now[0] = 5.0
    history.find_tagged(client, "D0CLI1", "rapport_pulse", "delivery", 1, limit=100)
    reads = standin.calls_to("conversations.history", ok_only=False)
    assert [int(c.params["limit"]) for c in reads] == [15, 15]


def test_a_workspace_reads_history_once_a_minute_whichever_conversation(
    standin: SlackStandIn, client: WebClient
) -> None:
    """Slack's limit is per method per workspace: a second conversation read within the
    minute is held back here, not refused by Slack."""
    now = [0.0]
    history.GATE.clock = standin.clock = lambda: now[0]
    history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "D0CLI1", "rapport_pulse", "delivery", 1)
    assert outcome_of(held.value).retry_after == pytest.approx(60)
    # conversations.replies has a limit of its own.
    history.find_tagged_reply(client, "C0ALERTS", "1.000", "rapport_ladder", "post", 1)
    now[0] = 60.0
    history.find_tagged(client, "D0CLI1", "rapport_pulse", "delivery", 1)
    reads = standin.calls_to("conversations.history", ok_only=False)
    assert [c.status for c in reads] == [200, 200]


def test_a_429_on_a_read_holds_the_next_read_for_its_retry_after(
    standin: SlackStandIn, client: WebClient
) -> None:
    now = [0.0]
    history.GATE.clock = standin.clock = lambda: now[0]
    standin.rate_limit("conversations.history", retry_after=90, times=1)
    with pytest.raises(SlackApiError):
        history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    now[0] = 60.0
    with pytest.raises(HeldBackError) as held:
        history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    assert outcome_of(held.value).retry_after == pytest.approx(30)
    now[0] = 90.0
    history.find_tagged(client, "C0ALERTS", "rapport_alert", "message", 1)
    assert len(standin.calls_to("conversations.history", ok_only=False)) == 2


def test_in_distributed_mode_each_workspace_keeps_its_own_minute(standin: SlackStandIn) -> None:
    client = make_installation_client(standin.api_url)
    teams = {"C0ONE": ("T0ONE", "xoxb-one"), "C0TWO": ("T0TWO", "xoxb-two")}
    client.route = lambda args: teams.get(str(args.get("channel")))
    assert history.workspace_of(client, "C0ONE") == "T0ONE"
    assert history.workspace_of(client, "C0UNKNOWN") == history.ONE_WORKSPACE
    history.GATE.enter("T0ONE", history.HISTORY)
    history.GATE.enter("T0TWO", history.HISTORY)
    with pytest.raises(HeldBackError):
        history.GATE.enter("T0ONE", history.HISTORY)


@pytest.fixture
def two_processes(postgres_url: str) -> Iterator[tuple[history.ReadGate, history.ReadGate]]:
    """Two processes' gates (two objects, two connections) on one PostgreSQL database."""
    databases = [Database(postgres_url) for _ in range(2)]
    gates = (history.ReadGate(), history.ReadGate())
    for gate, database in zip(gates, databases, strict=True):
        gate.share(database)
    yield gates
    for database in databases:
        database.dispose()


@pytest.mark.postgres
def test_on_postgresql_every_process_keeps_one_minute_between_them(
    two_processes: tuple[history.ReadGate, history.ReadGate],
) -> None:
    """The processes share the workspace's limit, and a 429 seen by one holds the other."""
    first, second = two_processes
    workspace = f"T{uuid.uuid4().hex[:10]}"
    for gate in two_processes:
        gate.follow("unlisted", 3)
    first.enter(workspace, history.HISTORY)
    with pytest.raises(HeldBackError) as held:
        second.enter(workspace, history.HISTORY)
    assert 2.5 < held.value.retry_after <= 3
    second.enter(workspace, history.REPLIES)
    time.sleep(1.5)
    started = time.monotonic()
    second.enter(workspace, history.HISTORY)  # the last 1.5 s waited out in place
    assert 1.2 < time.monotonic() - started < 2.5
    first.hold(workspace, history.HISTORY, 8)
    time.sleep(3.05)
    with pytest.raises(HeldBackError) as held:
        second.enter(workspace, history.HISTORY)
    assert 4.5 < held.value.retry_after <= 5


@pytest.mark.postgres
def test_on_postgresql_tier_3_allows_fifty_calls_a_minute_at_once(
    two_processes: tuple[history.ReadGate, history.ReadGate],
) -> None:
    workspace = f"T{uuid.uuid4().hex[:10]}"
    for gate in two_processes:
        gate.follow("internal")
    for n in range(history.TIER_3_CALLS):
        two_processes[n % 2].enter(workspace, history.HISTORY)
    for gate in two_processes:
        with pytest.raises(HeldBackError) as held:
            gate.enter(workspace, history.HISTORY)
        assert 55 < held.value.retry_after <= 60
