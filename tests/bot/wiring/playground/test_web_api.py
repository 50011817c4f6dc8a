"""The playground's Web API: Slack-shaped answers and Slack's error codes on a workspace."""

from __future__ import annotations

import json

from bot.wiring.playground.web_api import WebApi
from bot.wiring.playground.workspace import Person, Reply, Workspace

BASE = "http://127.0.0.1:9"


def api() -> WebApi:
    workspace = Workspace("T0ACME", "U0BOT", [Person("U0ANA", "Ana Lima", "Lead")])
    workspace.add_channel("C0DEAL", "acme-deal", ["U0ANA"])
    return WebApi(workspace, BASE)


def test_a_dm_is_posted_read_back_updated_and_deleted() -> None:
    slack = api()
    opened = slack.answer("conversations.open", {"users": "U0ANA"})
    channel = opened["channel"]["id"]
    blocks = json.dumps([{"type": "section", "text": {"type": "mrkdwn", "text": "Rate us"}}])
    posted = slack.answer(
        "chat.postMessage", {"channel": "U0ANA", "text": "Rate", "blocks": blocks}
    )
    assert posted["ok"] and posted["channel"] == channel
    assert posted["message"]["blocks"][0]["type"] == "section"
    history = slack.answer("conversations.history", {"channel": channel, "limit": 1})
    assert [m["ts"] for m in history["messages"]] == [posted["ts"]] and not history["has_more"]
    assert slack.answer("chat.update", {"channel": channel, "ts": posted["ts"], "text": "Thanks"})[
        "ok"
    ]
    assert slack.workspace.find(channel, posted["ts"]).text == "Thanks"  # type: ignore[union-attr]
    assert slack.answer("chat.delete", {"channel": channel, "ts": posted["ts"]})["ok"]
    gone = slack.answer("chat.delete", {"channel": channel, "ts": posted["ts"]})
    assert gone == {"ok": False, "error": "message_not_found"}


def test_slacks_error_codes_for_what_slack_would_refuse() -> None:
    slack = api()
    cases = {
        ("users.info", "user"): ("U0NOBODY", "user_not_found"),
        ("conversations.open", "users"): ("U0ANA,U0BOT", "user_not_found"),
        ("conversations.members", "channel"): ("C0NONE", "channel_not_found"),
        ("chat.postMessage", "channel"): ("C0NONE", "channel_not_found"),
        ("views.open", "trigger_id"): ("used-already", "invalid_arguments"),
        ("files.completeUploadExternal", "files"): ('[{"id": "F0NONE"}]', "file_not_found"),
        ("no.such.method", "x"): ("y", "unknown_method"),
    }
    for (method, key), (value, error) in cases.items():
        assert slack.answer(method, {key: value}) == {"ok": False, "error": error}, method
    assert slack.answer("chat.postMessage", {"channel": "C0DEAL"})["error"] == "no_text"


def test_identity_answers_name_the_workspace_and_the_bot() -> None:
    slack = api()
    assert slack.answer("auth.test", {})["user_id"] == "U0BOT"
    ana = slack.answer("users.info", {"user": "U0ANA"})["user"]
    assert (ana["real_name"], ana["is_bot"], ana["team_id"]) == ("Ana Lima", False, "T0ACME")
    assert slack.answer("users.info", {"user": "U0BOT"})["user"]["is_bot"]
    members = slack.answer("conversations.members", {"channel": "C0DEAL"})["members"]
    assert members == ["U0ANA", "U0BOT"]


def test_a_modal_needs_a_fresh_trigger_and_a_home_a_home_view() -> None:
    slack = api()
    modal = json.dumps({"type": "modal", "title": {"type": "plain_text", "text": "Set up"}})
    trigger = slack.workspace.trigger_for("U0ANA")
    opened = slack.answer("views.open", {"trigger_id": trigger, "view": modal})
    assert opened["ok"] and slack.workspace.modal_of("U0ANA") == opened["view"]
    again = slack.answer("views.open", {"trigger_id": trigger, "view": modal})
    assert again == {"ok": False, "error": "invalid_trigger_id"}
    home = json.dumps({"type": "home", "blocks": []})
    assert slack.answer("views.publish", {"user_id": "U0ANA", "view": home})["ok"]
    assert slack.answer("views.publish", {"user_id": "U0ANA", "view": modal})["error"] == (
        "invalid_arguments"
    )


def test_a_file_is_shared_only_after_its_upload_arrives() -> None:
    slack = api()
    url = slack.answer("files.getUploadURLExternal", {"filename": "digest.png", "length": 3})
    assert url["upload_url"].startswith(f"{BASE}/upload/")
    files = json.dumps([{"id": url["file_id"], "title": "Chart"}])
    assert not slack.answer("files.completeUploadExternal", {"files": files})["ok"]
    assert slack.receive_upload(url["file_id"], b"png") and not slack.receive_upload("F0X", b"")
    shared = slack.answer(
        "files.completeUploadExternal",
        {"files": files, "channel_id": "U0ANA", "initial_comment": "Here"},
    )
    assert shared["files"][0]["title"] == "Chart"
    (message,) = slack.workspace.timeline("D0ANA", "U0ANA")
    assert message.text == "Here" and message.files == shared["files"]


def test_a_response_url_replaces_deletes_or_answers_only_its_person() -> None:
    slack = api()
    original = slack.answer("chat.postMessage", {"channel": "C0DEAL", "text": "Ack?"})
    token = slack.workspace.reply_url_token(Reply("U0ANA", "C0DEAL", original["ts"]))
    assert slack.respond(token, {"replace_original": True, "text": "Acknowledged"})
    assert slack.workspace.find("C0DEAL", original["ts"]).text == "Acknowledged"  # type: ignore[union-attr]
    quiet = slack.workspace.reply_url_token(Reply("U0ANA", "C0DEAL"))
    assert slack.respond(quiet, {"text": "Only you can see this"})
    assert [m.text for m in slack.workspace.timeline("C0DEAL", "U0BOT")] == ["Acknowledged"]
    assert slack.respond(token, {"delete_original": True})
    assert slack.workspace.find("C0DEAL", original["ts"]) is None
    assert not slack.respond("R_NONE", {"text": "x"})
