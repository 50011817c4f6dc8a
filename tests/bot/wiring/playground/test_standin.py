"""The playground's Slack, over real HTTP with the same Web API client the app uses."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.client import make_client
from bot.wiring.playground.standin import SlackStandIn
from bot.wiring.playground.workspace import Person, Reply, Workspace

TOKEN = "xoxb-playground-test"
ANA, BEN = "U0ANA", "U0BEN"
CHANNEL = "C0DEAL"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    workspace = Workspace(
        "T0PLAY", "U0RAPPORT", [Person(ANA, "Ana Lima", "client"), Person(BEN, "Ben Ode", "")]
    )
    workspace.add_channel(CHANNEL, "deal", [ANA, BEN])
    running = SlackStandIn(workspace, TOKEN).start()
    yield running
    running.stop()


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return make_client(TOKEN, standin.api_url, timeout=5)


def test_auth_test_names_the_workspace_and_a_wrong_token_is_refused(
    standin: SlackStandIn, client: WebClient
) -> None:
    who = client.auth_test()
    assert (who["team_id"], who["user_id"]) == ("T0PLAY", "U0RAPPORT")
    with pytest.raises(SlackApiError) as refused:
        make_client("xoxb-other", standin.api_url).auth_test()
    assert refused.value.response["error"] == "invalid_auth"


def test_a_dm_to_a_person_lands_in_their_dm_and_is_found_and_updated_by_its_ts(
    standin: SlackStandIn, client: WebClient
) -> None:
    metadata = {"event_type": "rapport_pulse", "event_payload": {"pulse": 7}}
    posted = client.chat_postMessage(
        channel=ANA, text="Pulse", blocks=[{"type": "divider"}], metadata=metadata
    )
    assert posted["channel"] == "D0ANA"
    history = client.conversations_history(channel="D0ANA", include_all_metadata=True)
    assert [m["ts"] for m in history["messages"]] == [posted["ts"]]
    assert history["messages"][0]["metadata"] == metadata
    client.chat_update(channel="D0ANA", ts=posted["ts"], text="Answered", blocks=[])
    found = standin.workspace.find("D0ANA", posted["ts"])
    assert found is not None and found.text == "Answered"
    with pytest.raises(SlackApiError) as missing:
        client.chat_update(channel="D0ANA", ts="1.000001", text="x")
    assert missing.value.response["error"] == "message_not_found"


def test_thread_replies_stay_out_of_the_channel_and_come_back_with_their_parent(
    standin: SlackStandIn, client: WebClient
) -> None:
    parent = client.chat_postMessage(channel=CHANNEL, text="Alert")
    reply = client.chat_postMessage(channel=CHANNEL, text="Re-raised", thread_ts=parent["ts"])
    timeline = standin.workspace.timeline(CHANNEL, ANA)
    assert [m.ts for m in timeline] == [parent["ts"]]
    thread = client.conversations_replies(channel=CHANNEL, ts=parent["ts"])
    assert [m["ts"] for m in thread["messages"]] == [parent["ts"], reply["ts"]]


def test_an_ephemeral_message_is_seen_by_its_person_only(
    standin: SlackStandIn, client: WebClient
) -> None:
    client.chat_postEphemeral(channel=CHANNEL, user=ANA, text="Only you")
    assert [m.text for m in standin.workspace.timeline(CHANNEL, ANA)] == ["Only you"]
    assert standin.workspace.timeline(CHANNEL, BEN) == []


def test_unknown_people_channels_and_methods_get_slacks_error_codes(client: WebClient) -> None:
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: client.users_info(user="U0NOBODY"), "user_not_found"),
        (lambda: client.conversations_members(channel="C0NONE"), "channel_not_found"),
        (lambda: client.chat_postMessage(channel="C0NONE", text="x"), "channel_not_found"),
        (lambda: client.api_call("reactions.add"), "unknown_method"),
        (
            lambda: client.api_call(
                "conversations.history", params={"channel": CHANNEL, "limit": "x"}
            ),
            "invalid_arguments",
        ),
    ]
    for call, code in calls:
        with pytest.raises(SlackApiError) as refused:
            call()
        assert refused.value.response["error"] == code
    assert client.users_info(user=ANA)["user"]["real_name"] == "Ana Lima"
    assert ANA in client.conversations_members(channel=CHANNEL)["members"]


def test_home_is_kept_per_person_and_a_modal_needs_a_fresh_trigger(
    standin: SlackStandIn, client: WebClient
) -> None:
    client.views_publish(user_id=ANA, view={"type": "home", "blocks": []})
    assert standin.workspace.homes[ANA]["type"] == "home"
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Comment"}, "blocks": []}
    trigger = standin.workspace.trigger_for(BEN)
    opened = client.views_open(trigger_id=trigger, view=modal)
    assert standin.workspace.modal_of(BEN) == opened["view"]
    with pytest.raises(SlackApiError) as used:
        client.views_open(trigger_id=trigger, view=modal)
    assert used.value.response["error"] == "invalid_trigger_id"


def test_an_uploaded_file_is_shared_in_the_dm_and_can_be_fetched(
    standin: SlackStandIn, client: WebClient
) -> None:
    client.files_upload_v2(channel="D0BEN", content="a,b\n1,2\n", filename="x.csv", title="X")
    [message] = standin.workspace.timeline("D0BEN", BEN)
    [shared] = message.files
    with urllib.request.urlopen(f"{standin.base}/files/{shared['id']}") as response:
        assert response.read() == b"a,b\n1,2\n"


def _respond(standin: SlackStandIn, token: str, body: dict[str, object]) -> None:
    request = urllib.request.Request(
        standin.response_url(token),
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 200


def test_response_urls_replace_delete_or_add_an_ephemeral_answer(
    standin: SlackStandIn, client: WebClient
) -> None:
    ws = standin.workspace
    ts = str(client.chat_postMessage(channel=ANA, text="Pulse")["ts"])
    token = ws.reply_url_token(Reply(ANA, "D0ANA", ts))
    _respond(standin, token, {"text": "Redrawn", "replace_original": True})
    assert [m.text for m in ws.timeline("D0ANA", ANA)] == ["Redrawn"]
    _respond(standin, token, {"text": "Closed already", "replace_original": False})
    answer = ws.timeline("D0ANA", ANA)[-1]
    assert (answer.text, answer.only_for) == ("Closed already", ANA)
    _respond(standin, token, {"delete_original": True})
    assert [m.text for m in ws.timeline("D0ANA", ANA)] == ["Closed already"]
    version = ws.version
    with pytest.raises(urllib.error.HTTPError):
        _respond(standin, "R-unknown", {"text": "x"})
    assert ws.version == version


def test_every_web_api_method_the_app_calls_is_answered(standin: SlackStandIn) -> None:
    """Walk the app's code for its client calls: each is one the stand-in knows."""
    root = Path(__file__).parents[4]
    called: set[str] = set()
    for top in ("bot", "handlers"):
        for path in (root / top).rglob("*.py"):
            if "playground" in path.relative_to(root).parts:
                continue
            for family, name in re.findall(
                r"\.(auth|chat|conversations|users|views|files)_(\w+)\(", path.read_text()
            ):
                called.add(f"{family}.{name.replace('_', '.')}")
    assert {"chat.postMessage", "views.open", "files.upload.v2", "auth.teams.list"} <= called
    # files_upload_v2 is Slack's two-step upload: a URL, then sharing the file.
    called.discard("files.upload.v2")
    called |= {"files.getUploadURLExternal", "files.completeUploadExternal"}
    assert called - set(standin.api.methods) == set()
