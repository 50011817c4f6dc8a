"""Divergence alerts end to end: close, post, update in place, resolve in the thread."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import Alert
from tests.support import flows
from tests.support.running import RunningApp


def answer_round(rapport: RunningApp, client: list[int], provider: list[int]) -> None:
    flows.send(rapport)
    for user, rating in zip(flows.CLIENTS, client, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user, rating in zip(flows.PROVIDERS, provider, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")


def close(rapport: RunningApp) -> str:
    reply = rapport.slack.command("close")
    assert reply.status == 200
    return reply.text


def channel_posts(rapport: RunningApp) -> list[dict[str, object]]:
    return [
        c.params
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("channel") == flows.CHANNEL and "blocks" in c.params
    ]


def alerts(rapport: RunningApp) -> dict[str, Alert]:
    with rapport.database.reading() as session:
        return {a.rule: a for a in session.scalars(select(Alert)).all()}


def blocks_text(params: dict[str, object]) -> str:
    blocks = params["blocks"]
    return json.dumps(blocks if not isinstance(blocks, str) else json.loads(blocks))


def test_divergence_is_posted_updated_in_place_and_resolved_in_the_thread(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    answer_round(rapport, [2, 2, 1], [5, 4, 5])
    summary = close(rapport)
    assert "client 16 (tolerance 70), provider 91 (tolerance 60)" in summary

    posts = channel_posts(rapport)
    rules = set(alerts(rapport))
    assert {"divergence", "gap"} <= rules
    divergence = alerts(rapport)["divergence"]
    marker = json.dumps(json.dumps({"a": divergence.id}))[1:-1]
    post = next(p for p in posts if marker in blocks_text(p))
    text = blocks_text(post)
    assert "16" in text and "70" in text and "91" in text and "60" in text
    assert "Answered: client 3 of 4, provider 3 of 3" in text
    assert "U0CLI1" not in text  # counts, never names
    assert "alert.ack" in text and "alert.assign" in text

    # Still diverging: the same message is updated, no new post.
    answer_round(rapport, [1, 1, 1], [5, 5, 5])
    close(rapport)
    assert len(channel_posts(rapport)) == len(posts)
    updates = [
        c.params
        for c in rapport.standin.calls_to("chat.update")
        if c.params.get("ts") == divergence.message_ts
    ]
    assert updates and "Worse since the last pulse" in blocks_text(updates[-1])
    assert "Since the last pulse: client -16" in blocks_text(updates[-1])

    # The sides agree again: resolved, with a reply in the alert's thread.
    answer_round(rapport, [5, 4, 5], [5, 4, 5])
    close(rapport)
    resolved = alerts(rapport)["divergence"]
    assert resolved.status == "resolved"
    thread = [
        c.params
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("thread_ts") == divergence.message_ts
    ]
    assert len(thread) == 1 and "Resolved" in str(thread[0]["text"])


def test_only_leads_can_acknowledge(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    answer_round(rapport, [2, 2, 1], [5, 4, 5])
    close(rapport)
    alert = alerts(rapport)["divergence"]
    value = json.dumps({"a": alert.id})
    refused = rapport.slack.click(
        "alert.ack", value, user="U0CLI1", channel=flows.CHANNEL, ts=str(alert.message_ts)
    )
    assert "Only a lead" in refused.text
    assert alerts(rapport)["divergence"].status == "open"
    updates_before = len(rapport.standin.calls_to("chat.update"))

    rapport.slack.click(
        "alert.ack", value, user=flows.LEAD, channel=flows.CHANNEL, ts=str(alert.message_ts)
    )
    acknowledged = alerts(rapport)["divergence"]
    assert (acknowledged.status, acknowledged.acknowledged_by) == ("acknowledged", flows.LEAD)
    update = rapport.standin.calls_to("chat.update")[updates_before:]
    assert update and "Acknowledged by <@U0LEAD>" in blocks_text(update[-1].params)


def test_assign_owner_opens_a_form_for_leads_and_shows_the_owner(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    answer_round(rapport, [2, 2, 1], [5, 4, 5])
    close(rapport)
    alert = alerts(rapport)["divergence"]
    value = json.dumps({"a": alert.id})
    rapport.slack.click(
        "alert.assign", value, user=flows.LEAD, channel=flows.CHANNEL, ts=str(alert.message_ts)
    )
    assert rapport.standin.calls_to("views.open")
    values = {"owner": {"value": {"type": "users_select", "selected_user": "U0PRO1"}}}
    reply = rapport.slack.submit("alert.assign", values, user=flows.LEAD, private_metadata=value)
    assert reply.status == 200 and not reply.body
    assert alerts(rapport)["divergence"].owner_user_id == "U0PRO1"
    listing = rapport.slack.command("alerts", user="U0CLI2").text
    assert (
        "owner <@U0PRO1>" in listing and "The two sides see the relationship differently" in listing
    )


def test_watermelon_fires_with_green_slas_and_not_with_red(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "recorded as *green*" in rapport.slack.command("sla green all targets met").text
    answer_round(rapport, [2, 3, 2], [3, 3, 3])
    close(rapport)
    assert "watermelon" in alerts(rapport)
    rapport.slack.command("sla red two P1 incidents")
    answer_round(rapport, [2, 3, 2], [3, 3, 3])
    close(rapport)
    assert alerts(rapport)["watermelon"].status == "resolved"


def test_withheld_side_never_shows_a_number(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.1")
    flows.click(rapport, "U0CLI2", "pulse.rate.1")
    for user in flows.PROVIDERS:
        flows.click(rapport, user, "pulse.rate.5")
    summary = close(rapport)
    assert "client withheld (fewer than 3 answered)" in summary
    assert "client 0" not in summary
    for post in channel_posts(rapport):
        assert "client 0" not in blocks_text(post) and "at 0" not in blocks_text(post)


def test_alerts_go_to_the_leads_when_the_bot_is_not_in_the_channel(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    answer_round(rapport, [2, 2, 1], [5, 4, 5])
    # Only the channel refuses: DMs to people still work.
    rapport.standin.fail("chat.postMessage", "not_in_channel", user=flows.CHANNEL)
    close(rapport)
    told = [
        c
        for c in rapport.standin.dms()
        if c.params["channel"] == flows.LEAD
        and "couldn't post an alert" in str(c.params.get("text"))
    ]
    assert told and "/invite @Rapport" in str(told[0].params["text"])
    assert alerts(rapport)["divergence"].post_error == "not_in_channel"


def test_config_and_weight_are_for_leads_and_change_the_settings(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "Only a lead" in rapport.slack.command("config gap=20", user="U0CLI1").text
    done = rapport.slack.command("config client_tolerance=75 gap=20 anonymity=4").text
    assert "client tolerance 75" in done and "gap 20" in done and "anonymity minimum 4" in done
    assert "stake weight" in rapport.slack.command("weight <@U0CLI1> 3").text
    assert "can't go below 3" in rapport.slack.command("config anonymity=1").text
    assert "must be a whole number from 3" in rapport.slack.command("config anonymity=51").text
