"""Divergence alerts end to end: close, post, update in place, resolve in the thread."""

from __future__ import annotations

import json
from typing import Any

from tests.support import flows
from tests.support.running import RunningApp


def test_one_close_posts_one_message_updated_in_place_and_resolved_in_its_thread(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    summary = flows.close(rapport)
    assert "client 16 (tolerance 70), provider 91 (tolerance 60)" in summary

    posts = flows.channel_posts(rapport)
    rules = set(flows.alerts(rapport))
    assert {"divergence", "gap"} <= rules
    assert len(posts) == 1, "every finding of one close is in one message"
    (message,) = flows.messages(rapport)
    assert {a.message_id for a in flows.alerts(rapport).values()} == {message.id}
    assert posts[0]["metadata"] == {
        "event_type": "rapport_alert",
        "event_payload": {"message": message.id},
    } or json.loads(str(posts[0]["metadata"]))["event_payload"] == {"message": message.id}
    text = flows.blocks_text(posts[0])
    assert "The client side is unhappy" in text  # the headline
    assert "*16*" in text and "tolerance 70" in text and "*91*" in text and "tolerance 60" in text
    assert "Answered: client 3 of 4, provider 3 of 3" in text
    assert "Next step:" in text
    assert "U0CLI1" not in text  # counts, never names
    for alert in flows.alerts(rapport).values():
        marker = json.dumps(json.dumps({"a": alert.id}))[1:-1]
        assert marker in text, "each finding keeps its own buttons inside the message"
    assert "alert.ack" in text and "alert.assign" in text

    # Still diverging, the client lower: the same message is updated, no new post.
    flows.answer_round(rapport, [1, 1, 1], [5, 5, 5])
    flows.close(rapport)
    assert len(flows.channel_posts(rapport)) == 1
    updates = [
        c.params
        for c in rapport.standin.calls_to("chat.update")
        if c.params.get("ts") == message.message_ts
    ]
    assert updates
    assert "Worse: the client side fell from 16 to 0." in flows.blocks_text(updates[-1])
    assert "Since the last pulse: client -16" in flows.blocks_text(updates[-1])

    # The sides agree again: resolved, with a reply in the message's thread saying why.
    flows.answer_round(rapport, [5, 4, 5], [5, 4, 5])
    flows.close(rapport)
    resolved = flows.alerts(rapport)["divergence"]
    assert resolved.status == "resolved" and resolved.fixed_at_account
    thread = [
        str(c.params["text"])
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("thread_ts") == message.message_ts
    ]
    said = [t for t in thread if "The two sides see the relationship differently" in t]
    assert len(said) == 1 and "resolved" in said[0] and "client back at 91" in said[0]
    assert flows.messages(rapport)[0].status == "done"
    assert len(flows.channel_posts(rapport)) == 1


def test_watermelon_fires_with_green_slas_and_not_with_red(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "recorded as *green*" in rapport.slack.command("sla green all targets met").text
    flows.answer_round(rapport, [2, 3, 2], [3, 3, 3])
    flows.close(rapport)
    assert "watermelon" in flows.alerts(rapport)
    rapport.slack.command("sla red two P1 incidents")
    flows.answer_round(rapport, [2, 3, 2], [3, 3, 3])
    flows.close(rapport)
    assert flows.alerts(rapport)["watermelon"].status == "resolved"


def test_withheld_side_never_shows_a_number(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.1")
    flows.click(rapport, "U0CLI2", "pulse.rate.1")
    for user in flows.PROVIDERS:
        flows.click(rapport, user, "pulse.rate.5")
    summary = flows.close(rapport)
    assert "client withheld (fewer than 3 answered)" in summary
    assert "client 0" not in summary
    for post in flows.channel_posts(rapport):
        assert "client 0" not in flows.blocks_text(post) and "at 0" not in flows.blocks_text(post)


def test_alerts_go_to_the_leads_when_the_bot_is_not_in_the_channel(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    # Only the channel refuses: DMs to people still work.
    rapport.standin.fail("chat.postMessage", "not_in_channel", user=flows.CHANNEL)
    reply = flows.close(rapport)
    assert "The alert message could not be posted in the channel (not_in_channel)" in reply
    told = [
        c
        for c in rapport.standin.dms()
        if c.params["channel"] == flows.LEAD
        and "couldn't post an alert" in str(c.params.get("text"))
    ]
    assert told and "/invite @Rapport" in str(told[0].params["text"])
    assert flows.messages(rapport)[0].post_error == "not_in_channel"


def test_over_http_one_close_posts_one_message_and_the_next_close_updates_it(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    rapport_http.slack.command("sla green all targets met")
    flows.answer_round(rapport_http, [2, 2, 1], [5, 4, 5])
    flows.close(rapport_http)
    assert len(flows.alerts(rapport_http)) >= 3  # divergence, gap, watermelon, …
    (post,) = flows.channel_posts(rapport_http)
    (message,) = flows.messages(rapport_http)
    assert "The SLA status is green" in flows.blocks_text(post)

    def channel_updates() -> list[Any]:
        calls = rapport_http.standin.calls_to("chat.update")
        return [c for c in calls if c.params.get("channel") == flows.CHANNEL]

    assert channel_updates() == []
    flows.answer_round(rapport_http, [1, 2, 1], [5, 5, 5])
    flows.close(rapport_http)
    assert len(flows.channel_posts(rapport_http)) == 1, "a later close posts nothing new"
    updates = channel_updates()
    assert [u.params["ts"] for u in updates] == [message.message_ts]
    assert "Worse: the client side fell from 16 to 8." in flows.blocks_text(updates[0].params)


def test_a_close_that_opens_a_finding_posts_a_new_message_and_the_live_ones_move_into_it(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    (first,) = flows.messages(rapport)
    before = {a.rule for a in flows.alerts(rapport).values()}
    assert "watermelon" not in before

    rapport.slack.command("sla green all targets met")
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    posts = flows.channel_posts(rapport)
    assert len(posts) == 2, "a new finding is posted at the bottom of the channel, not hidden"
    old, new = flows.messages(rapport)
    assert old.id == first.id and old.status == "done" and old.superseded_at is not None
    alerts = flows.alerts(rapport)
    assert {a.message_id for a in alerts.values() if a.status != "resolved"} == {new.id}
    assert "The SLA status is green" in flows.blocks_text(posts[1])
    assert "New this pulse." in flows.blocks_text(posts[1])
    assert "No change: the client side is at 16, as before." in flows.blocks_text(posts[1])
    moved = [
        c.params
        for c in rapport.standin.calls_to("chat.update")
        if c.params.get("ts") == first.message_ts
    ]
    assert moved and "moved with them to the newer message below" in flows.blocks_text(moved[-1])
    assert "alert.ack" not in flows.blocks_text(moved[-1]), "each finding has one set of buttons"


def test_a_close_with_both_sides_quiet_says_both_in_the_headline_and_the_notification(
    rapport: RunningApp,
) -> None:
    # Before: headline "The client side has gone quiet", notification text
    # "…: A side is going quiet, A side is going quiet".
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.4")
    flows.click(rapport, "U0PRO1", "pulse.rate.4")
    flows.close(rapport)
    rapport.settle()
    assert {(a.rule, a.side) for a in flows.alerts(rapport).values()} <= {
        ("silence", "client"),
        ("silence", "provider"),
    }
    (post,) = flows.channel_posts(rapport)
    assert post["text"] == (
        "Both sides have gone quiet — Acme deal: "
        "The client side is going quiet, The provider side is going quiet"
    )
    text = flows.blocks_text(post)
    assert ":warning: *Both sides have gone quiet* \\u2014 Acme deal" in text
    assert "*The client side is going quiet*" in text
    assert "*The provider side is going quiet*" in text
