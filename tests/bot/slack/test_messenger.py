"""The Slack adapter against the Web API stand-in: each call does what the port says, and
every failure arrives as the project's own outcome (429, refusal, timeout, reset, 5xx)."""

from __future__ import annotations

import inspect
import json
import time
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackObjectFormationError

from bot.domain.outcomes import RateLimitedError, RefusedBySlackError, UncertainError
from bot.services.messenger import Messenger, Posted, Tag, TakenOverError, renewing
from bot.slack.client import make_client, make_installation_client, posting_client
from bot.slack.messenger import SlackMessenger
from bot.slack.pacing import (
    CONVERSATION_BURST,
    CONVERSATION_PER_SECOND,
    Pacer,
    PerConversation,
    PerWorkspace,
)
from tests.support.fake_messenger import FakeMessenger
from tests.support.slack_api import SlackStandIn

ANA = "U0ANA"
CHANNEL = "C0ALERTS"
TAG = Tag("rapport_pulse", "delivery", 7)
BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "Hello"}}]


def client_for(standin: SlackStandIn) -> WebClient:
    """The client a process makes (retries short 429s, resets and 5xx), with a 1 s timeout."""
    return make_client("xoxb-test-token", standin.api_url, timeout=1)


@pytest.fixture
def messenger(standin: SlackStandIn) -> SlackMessenger:
    return SlackMessenger(client_for(standin))


@pytest.fixture
def without_retries(standin: SlackStandIn) -> SlackMessenger:
    """A messenger whose every call is tried once, so a failure shows at once."""
    return SlackMessenger(posting_client(client_for(standin)))


@pytest.mark.parametrize("implementation", [SlackMessenger, FakeMessenger])
def test_it_is_a_messenger(implementation: type) -> None:
    # Structurally: every method of the port, with the port's own parameters (the tests'
    # fake too, so a use case tested with it meets the same calls in production).
    for name, wanted in inspect.getmembers(Messenger, inspect.isfunction):
        if name.startswith("_"):
            continue
        found = getattr(implementation, name)
        assert inspect.signature(found) == inspect.signature(wanted), name
    # And for mypy: the adapter is assignable to the port.
    _: Messenger = SlackMessenger(WebClient())


# -- each call ----------------------------------------------------------------


def test_a_post_carries_its_text_blocks_tag_and_thread(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    posted = messenger.post(CHANNEL, "Hello", BLOCKS, tag=TAG, thread_ts="1.000100")
    (call,) = standin.calls_to("chat.postMessage")
    assert call.params["text"] == "Hello"
    assert call.params["blocks"] == BLOCKS
    assert call.params["metadata"] == {
        "event_type": "rapport_pulse",
        "event_payload": {"delivery": 7},
    }
    assert call.params["thread_ts"] == "1.000100"
    ((_, ts),) = standin.messages
    assert posted == Posted(CHANNEL, ts)


def test_a_post_to_a_person_lands_in_their_dm(messenger: SlackMessenger) -> None:
    posted = messenger.post(ANA, "Hi")
    assert posted.channel == "D0ANA"


def test_a_plain_post_sends_no_blocks_metadata_or_thread(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    messenger.post(CHANNEL, "Just text")
    (call,) = standin.calls_to("chat.postMessage")
    assert not {"blocks", "metadata", "thread_ts"} & set(call.params)


def test_an_update_replaces_text_and_blocks(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    posted = messenger.post(CHANNEL, "Before")
    messenger.update(posted.channel, posted.ts, "After", BLOCKS)
    messenger.update(posted.channel, posted.ts, "Text only")
    first, second = standin.calls_to("chat.update")
    assert (first.params["ts"], first.params["text"], first.params["blocks"]) == (
        posted.ts,
        "After",
        BLOCKS,
    )
    assert "blocks" not in second.params


def test_a_dm_is_opened_with_the_person(standin: SlackStandIn, messenger: SlackMessenger) -> None:
    assert messenger.open_dm(ANA) == "D0ANA"
    (call,) = standin.calls_to("conversations.open")
    assert call.params["users"] == ANA


def test_a_tagged_message_is_found_and_an_untagged_one_is_not(
    messenger: SlackMessenger,
) -> None:
    messenger.post(CHANNEL, "Other", tag=Tag("rapport_pulse", "delivery", 8))
    posted = messenger.post(CHANNEL, "Mine", tag=TAG)
    assert messenger.find_tagged(CHANNEL, TAG) == posted.ts


def test_a_message_not_there_is_not_found(messenger: SlackMessenger) -> None:
    messenger.post(CHANNEL, "Untagged")
    assert messenger.find_tagged(CHANNEL, TAG) is None


def test_a_conversation_is_read_at_most_once_a_minute(messenger: SlackMessenger) -> None:
    messenger.find_tagged(CHANNEL, TAG)
    with pytest.raises(RateLimitedError) as held:
        messenger.find_tagged(CHANNEL, TAG)
    assert held.value.reason == "held"
    assert 0 < held.value.retry_after <= 60


def test_a_tagged_reply_is_found_in_its_thread(messenger: SlackMessenger) -> None:
    parent = messenger.post(CHANNEL, "Alert")
    reply = messenger.post(CHANNEL, "Resolved", tag=TAG, thread_ts=parent.ts)
    assert messenger.find_tagged_reply(CHANNEL, parent.ts, TAG) == reply.ts


def test_an_upload_sends_the_file_its_name_title_and_description(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    messenger.upload("D0ANA", filename="chart.png", title="Chart", file=b"PNG", alt_text="A chart")
    messenger.upload("D0ANA", filename="pulses.csv", title="Pulses", content="a,b\n")
    first, second = standin.calls_to("files.getUploadURLExternal")
    assert (first.params["filename"], first.params["alt_txt"]) == ("chart.png", "A chart")
    assert "alt_txt" not in second.params
    assert sorted(standin.uploads.values()) == [b"PNG", b"a,b\n"]
    done = standin.calls_to("files.completeUploadExternal")
    assert [c.params["channel_id"] for c in done] == ["D0ANA", "D0ANA"]
    assert "Chart" in str(done[0].params["files"]) and "Pulses" in str(done[1].params["files"])


def test_home_is_published_for_the_person(standin: SlackStandIn, messenger: SlackMessenger) -> None:
    view = {"type": "home", "blocks": BLOCKS}
    messenger.publish_home(ANA, view)
    (call,) = standin.calls_to("views.publish")
    sent = call.params["view"]
    assert call.params["user_id"] == ANA
    assert (json.loads(sent) if isinstance(sent, str) else sent) == view


def test_a_person_is_what_slack_says(standin: SlackStandIn, messenger: SlackMessenger) -> None:
    standin.user_tz[ANA], standin.user_locale[ANA] = "Europe/Paris", "fr-FR"
    standin.user_team[ANA] = "T0OTHER"
    ana = messenger.person(ANA, "T0RAPPORT")
    assert (ana.exists, ana.team_id, ana.tz, ana.locale) == (
        True,
        "T0OTHER",
        "Europe/Paris",
        "fr-FR",
    )


def test_someone_slack_does_not_know_does_not_exist(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.unknown_users.add("U0GHOST")
    ghost = messenger.person("U0GHOST", "T0RAPPORT")
    assert (ghost.exists, ghost.unknown_because) == (False, None)


def test_a_person_slack_will_not_describe_now_is_unknown_with_the_reason(
    standin: SlackStandIn, without_retries: SlackMessenger
) -> None:
    standin.hang("users.info", 2.5)
    ana = without_retries.person(ANA, "T0RAPPORT")
    assert (ana.exists, ana.unknown_because) == (False, "timeout")


def test_membership_of_a_channel(standin: SlackStandIn, messenger: SlackMessenger) -> None:
    standin.channel_members[CHANNEL] = ["U0LEAD", "U0BOT"]
    assert messenger.is_in_channel(CHANNEL, "U0LEAD")
    assert not messenger.is_in_channel(CHANNEL, ANA)


def test_a_channel_slack_will_not_list_is_refused(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.fail("conversations.members", "channel_not_found")
    with pytest.raises(RefusedBySlackError) as refused:
        messenger.is_in_channel(CHANNEL, ANA)
    assert refused.value.reason == "channel_not_found"


def test_a_members_list_that_times_out_is_uncertain_not_refused(
    standin: SlackStandIn, without_retries: SlackMessenger
) -> None:
    standin.hang("conversations.members", 2.5)
    with pytest.raises(UncertainError) as uncertain:
        without_retries.is_in_channel(CHANNEL, ANA)
    assert uncertain.value.reason == "timeout"


def test_a_members_list_refused_for_its_rate_is_rate_limited(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.rate_limit("conversations.members", retry_after=30)
    with pytest.raises(RateLimitedError) as limited:
        messenger.is_in_channel(CHANNEL, ANA)
    assert limited.value.retry_after == 30


# -- failures, as the project's own outcomes -----------------------------------


def test_a_429_is_rate_limited_with_slacks_wait(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.rate_limit("chat.update", retry_after=30)
    with pytest.raises(RateLimitedError) as limited:
        messenger.update(CHANNEL, "1.000100", "Later")
    assert (limited.value.kind, limited.value.retry_after) == ("rate_limited", 30)


def test_a_short_429_is_waited_out_in_place(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.rate_limit("chat.postMessage", retry_after=1)
    assert messenger.post(CHANNEL, "Soon").channel == CHANNEL


def test_a_paced_post_refused_for_its_rate_holds_every_sender_back(
    standin: SlackStandIn,
) -> None:
    pacer = Pacer(1000.0)
    messenger = SlackMessenger(client_for(standin), pacer)
    standin.rate_limit("chat.postMessage", retry_after=30)
    with pytest.raises(RateLimitedError):
        messenger.post(CHANNEL, "Now", paced=True, exactly_once=True)
    assert (pacer.stats().sent, pacer.stats().backoffs) == (1, 1)
    messenger.post(CHANNEL, "Unpaced")
    assert pacer.stats().sent == 1


@pytest.mark.parametrize(
    ("method", "call"),
    [
        ("chat.postMessage", lambda m: m.post(CHANNEL, "Hi")),
        ("chat.update", lambda m: m.update(CHANNEL, "1.000100", "Hi")),
        ("conversations.open", lambda m: m.open_dm(ANA)),
        ("views.publish", lambda m: m.publish_home(ANA, {"type": "home", "blocks": []})),
        ("conversations.history", lambda m: m.find_tagged(CHANNEL, TAG)),
        ("conversations.replies", lambda m: m.find_tagged_reply(CHANNEL, "1.000100", TAG)),
        (
            "files.getUploadURLExternal",
            lambda m: m.upload("D0ANA", filename="a.csv", title="A", content="a"),
        ),
    ],
)
def test_a_refusal_is_refused_with_slacks_code(
    standin: SlackStandIn, messenger: SlackMessenger, method: str, call: object
) -> None:
    standin.fail(method, "channel_not_found")
    with pytest.raises(RefusedBySlackError) as refused:
        call(messenger)  # type: ignore[operator]
    assert refused.value.reason == "channel_not_found"


def test_a_timeout_is_uncertain(standin: SlackStandIn, without_retries: SlackMessenger) -> None:
    standin.hang("chat.postMessage", 2.5, landed=True)
    with pytest.raises(UncertainError) as uncertain:
        without_retries.post(CHANNEL, "Did it land?", tag=TAG)
    assert uncertain.value.reason == "timeout"


def test_a_reset_is_uncertain(standin: SlackStandIn, without_retries: SlackMessenger) -> None:
    standin.reset("chat.update")
    with pytest.raises(UncertainError) as uncertain:
        without_retries.update(CHANNEL, "1.000100", "Again")
    assert uncertain.value.reason == "connection_error"


def test_a_server_error_is_uncertain(
    standin: SlackStandIn, without_retries: SlackMessenger
) -> None:
    standin.server_error("views.publish", 503)
    with pytest.raises(UncertainError) as uncertain:
        without_retries.publish_home(ANA, {"type": "home", "blocks": []})
    assert uncertain.value.reason == "http_503"


def test_slacks_own_internal_error_is_uncertain(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.fail("conversations.open", "internal_error")
    with pytest.raises(UncertainError) as uncertain:
        messenger.open_dm(ANA)
    assert uncertain.value.reason == "internal_error"


def test_a_post_that_must_land_once_is_not_retried_blindly(
    standin: SlackStandIn, messenger: SlackMessenger
) -> None:
    standin.server_error("chat.postMessage", 503, times=1)
    with pytest.raises(UncertainError):
        messenger.post(CHANNEL, "Once", tag=TAG, exactly_once=True)
    assert len(standin.calls_to("chat.postMessage", ok_only=False)) == 1


def test_blocks_slack_would_refuse_fail_before_they_leave_the_process() -> None:
    sent: list[str] = []

    class Recording(WebClient):
        def api_call(self, api_method: str, **kwargs: object) -> Any:
            sent.append(api_method)
            raise AssertionError("nothing may be sent")

    messenger = SlackMessenger(Recording(base_url="http://127.0.0.1:9/"))
    too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    with pytest.raises(SlackObjectFormationError):
        messenger.post("C1", "fallback", too_long)
    with pytest.raises(SlackObjectFormationError):
        messenger.update("C1", "1.0", "fallback", too_long)
    with pytest.raises(SlackObjectFormationError):
        messenger.publish_home("U1", {"type": "home", "blocks": too_long})
    assert sent == []


# -- a paced post and the claim of the one who sends it ------------------------


def waiting_pacer() -> Pacer:
    """One post a second on a clock that moves only when the pacer sleeps: the second post
    waits one (simulated) second for its turn."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    return Pacer(1.0, clock=lambda: now[0], sleep=sleep)


def paced_messenger(standin: SlackStandIn, mode: str, pacer: Pacer) -> SlackMessenger:
    """Single-workspace mode paces in the messenger; distributed mode in the client, per
    workspace, after routing the call to its installation."""
    if mode == "one workspace":
        return SlackMessenger(client_for(standin), pacer)
    client = make_installation_client(standin.api_url, timeout=1)
    client.route = lambda _args: ("T0ONE", "xoxb-test-token")
    client.pacers = PerWorkspace(1.0)
    client.pacers._pacers["T0ONE"] = pacer
    return SlackMessenger(client)


@pytest.mark.parametrize("mode", ["one workspace", "distributed"])
def test_a_paced_post_whose_sender_lost_its_claim_while_it_waited_is_not_sent(
    standin: SlackStandIn, mode: str
) -> None:
    messenger = paced_messenger(standin, mode, waiting_pacer())
    asked: list[float] = []

    def renewed(waited: float) -> bool:
        asked.append(waited)
        return len(asked) < 3  # the third post's claim was taken over while it waited

    with renewing(renewed):
        messenger.post(CHANNEL, "First", paced=True, exactly_once=True)
        messenger.post(CHANNEL, "Second", paced=True, exactly_once=True)
        with pytest.raises(TakenOverError):
            messenger.post(CHANNEL, "Third", paced=True, exactly_once=True)
    # Each post asks when its turn has come, with how long it waited for it.
    assert asked == [0.0, 1.0, 1.0]
    assert [c.params["text"] for c in standin.calls_to("chat.postMessage")] == ["First", "Second"]
    # Outside a sender's claim, a paced post asks no one.
    messenger.post(CHANNEL, "Fourth", paced=True)
    assert len(asked) == 3


def test_posts_in_one_channel_keep_to_slacks_pace_for_a_channel(standin: SlackStandIn) -> None:
    # Slack allows about one post a second in a channel, after a short burst (the
    # stand-in: five): six alert posts at once land without a 429, spread over the
    # seconds they need. DMs (each its own conversation) are not held.
    messenger = SlackMessenger(client_for(standin), Pacer(1000.0), PerConversation())
    started = time.monotonic()
    for n in range(6):
        messenger.post(CHANNEL, f"Alert {n}", paced=True, exactly_once=True)
    took = time.monotonic() - started
    assert len(standin.calls_to("chat.postMessage", ok_only=False)) == 6
    assert len(standin.calls_to("chat.postMessage")) == 6
    assert took >= (6 - CONVERSATION_BURST) / CONVERSATION_PER_SECOND * 0.9
    started = time.monotonic()
    for person in ("U0ANA", "U0BEN", "U0CAL", "U0DEE"):
        messenger.post(person, "Your pulse", paced=True, exactly_once=True)
    assert time.monotonic() - started < 0.5
