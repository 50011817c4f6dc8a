"""The playground's Slack: conversations in time order, threads, ephemerals, homes and modals."""

from __future__ import annotations

import pytest

from bot.wiring.playground.workspace import Message, Person, Reply, Workspace

ANA, BEN = Person("U0ANA", "Ana", "Lead"), Person("U0BEN", "Ben", "Analyst")


def workspace() -> Workspace:
    found = Workspace("T0ACME", "U0BOT", [ANA, BEN])
    found.add_channel("C0DEAL", "acme-deal", [ANA.user_id])
    return found


def test_a_post_lands_where_slack_would_put_it() -> None:
    slack = workspace()
    assert slack.channel_for("C0DEAL") == "C0DEAL"
    assert slack.channel_for("U0ANA") == "D0ANA" == slack.dm_of("U0ANA")
    assert slack.channel_for("D0BEN") == "D0BEN"
    assert slack.channel_for("U0NOBODY") is None and slack.channel_for("C0NONE") is None
    assert slack.channels["C0DEAL"][1] == ["U0ANA", "U0BOT"]


def test_timestamps_only_grow_and_messages_keep_their_order() -> None:
    slack = workspace()
    stamps = [slack.new_ts() for _ in range(1000)]
    assert stamps == sorted(stamps, key=float) and len(set(stamps)) == 1000
    late, early = stamps[-1], stamps[0]
    slack.post(Message("C0DEAL", late, "U0BOT", "second"))
    slack.post(Message("C0DEAL", early, "U0BOT", "first"))
    assert [m.text for m in slack.timeline("C0DEAL", "U0ANA")] == ["first", "second"]


def test_threads_and_ephemerals_are_seen_by_whom_they_are_for() -> None:
    slack = workspace()
    top = slack.post(Message("C0DEAL", slack.new_ts(), "U0BOT", "alert"))
    slack.post(Message("C0DEAL", slack.new_ts(), "U0ANA", "on it", thread_ts=top.ts))
    slack.post(Message("C0DEAL", slack.new_ts(), "U0BOT", "only Ana", only_for="U0ANA"))
    assert [m.text for m in slack.timeline("C0DEAL", "U0ANA")] == ["alert", "only Ana"]
    assert [m.text for m in slack.timeline("C0DEAL", "U0BEN")] == ["alert"]
    assert [m.text for m in slack.thread("C0DEAL", top.ts)] == ["on it"]


def test_a_message_is_updated_and_deleted_in_place_and_each_change_counts() -> None:
    slack = workspace()
    message = slack.post(Message("C0DEAL", slack.new_ts(), "U0BOT", "old"))
    before = slack.version
    assert slack.update("C0DEAL", message.ts, "new", [{"type": "divider"}])
    assert slack.find("C0DEAL", message.ts) == message and message.text == "new"
    assert slack.delete("C0DEAL", message.ts) and not slack.delete("C0DEAL", message.ts)
    assert not slack.update("C0DEAL", message.ts, "gone", [])
    assert slack.version == before + 2


def test_a_message_reads_as_slack_returns_it() -> None:
    plain = Message("C0DEAL", "1.000001", "U0BOT", "hi").as_slack()
    assert plain == {
        "type": "message",
        "ts": "1.000001",
        "user": "U0BOT",
        "text": "hi",
        "blocks": [],
    }
    threaded = Message("C0DEAL", "2.0", "U0BOT", thread_ts="1.0", metadata={"event_type": "x"})
    assert threaded.as_slack()["thread_ts"] == "1.0" and "files" not in threaded.as_slack()


def test_a_trigger_opens_one_modal_once_and_views_update_by_id() -> None:
    slack = workspace()
    trigger = slack.trigger_for("U0ANA")
    first = slack.open_modal(trigger, {"type": "modal", "title": "one"})
    with pytest.raises(KeyError):
        slack.open_modal(trigger, {"type": "modal"})
    pushed = slack.open_modal(
        slack.trigger_for("U0ANA"), {"type": "modal", "title": "two"}, push=True
    )
    assert slack.modal_of("U0ANA") == pushed
    assert slack.update_view(first["id"], {"type": "modal", "title": "one again"}) is not None
    slack.close_modal("U0ANA")
    assert slack.modal_of("U0ANA") == {"type": "modal", "title": "one again", "id": first["id"]}
    slack.close_modal("U0ANA", everything=True)
    assert slack.modal_of("U0ANA") is None
    assert slack.update_view("V_NONE", {}) is None


def test_a_home_keeps_its_view_id_and_a_reply_url_knows_whom_it_answers() -> None:
    slack = workspace()
    first = slack.publish_home("U0ANA", {"type": "home", "blocks": []})
    again = slack.publish_home("U0ANA", {"type": "home", "blocks": [{"type": "divider"}]})
    assert first["id"] == again["id"] and slack.homes["U0ANA"] == again
    assert slack.update_view(first["id"], {"type": "home"}) == {"type": "home", "id": first["id"]}
    reply = Reply("U0ANA", "C0DEAL")
    token = slack.reply_url_token(reply)
    assert slack.replies[token] == reply and slack.reply_url_token(reply) != token
