"""Divergence alerts end to end: close, post, update in place, resolve in the thread."""

from __future__ import annotations

import json

from tests.support import flows
from tests.support.running import RunningApp


def test_divergence_is_posted_updated_in_place_and_resolved_in_the_thread(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    summary = flows.close(rapport)
    assert "client 16 (tolerance 70), provider 91 (tolerance 60)" in summary

    posts = flows.channel_posts(rapport)
    rules = set(flows.alerts(rapport))
    assert {"divergence", "gap"} <= rules
    divergence = flows.alerts(rapport)["divergence"]
    marker = json.dumps(json.dumps({"a": divergence.id}))[1:-1]
    post = next(p for p in posts if marker in flows.blocks_text(p))
    text = flows.blocks_text(post)
    assert "16" in text and "70" in text and "91" in text and "60" in text
    assert "Answered: client 3 of 4, provider 3 of 3" in text
    assert "U0CLI1" not in text  # counts, never names
    assert "alert.ack" in text and "alert.assign" in text

    # Still diverging: the same message is updated, no new post.
    flows.answer_round(rapport, [1, 1, 1], [5, 5, 5])
    flows.close(rapport)
    assert len(flows.channel_posts(rapport)) == len(posts)
    updates = [
        c.params
        for c in rapport.standin.calls_to("chat.update")
        if c.params.get("ts") == divergence.message_ts
    ]
    assert updates and "Worse since the last pulse" in flows.blocks_text(updates[-1])
    assert "Since the last pulse: client -16" in flows.blocks_text(updates[-1])

    # The sides agree again: resolved, with a reply in the alert's thread.
    flows.answer_round(rapport, [5, 4, 5], [5, 4, 5])
    flows.close(rapport)
    resolved = flows.alerts(rapport)["divergence"]
    assert resolved.status == "resolved"
    thread = [
        c.params
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("thread_ts") == divergence.message_ts
    ]
    assert len(thread) == 1 and "Resolved" in str(thread[0]["text"])


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
    flows.close(rapport)
    told = [
        c
        for c in rapport.standin.dms()
        if c.params["channel"] == flows.LEAD
        and "couldn't post an alert" in str(c.params.get("text"))
    ]
    assert told and "/invite @Rapport" in str(told[0].params["text"])
    assert flows.alerts(rapport)["divergence"].post_error == "not_in_channel"
