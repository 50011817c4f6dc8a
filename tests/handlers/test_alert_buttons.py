"""Alert buttons in the shared channel: Acknowledge, and Assign owner with its form (leads only)."""

from __future__ import annotations

import json

from tests.support import flows
from tests.support.running import RunningApp


def test_only_leads_can_acknowledge(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    alert = flows.alerts(rapport)["divergence"]
    value = json.dumps({"a": alert.id})
    refused = rapport.slack.click(
        "alert.ack",
        value,
        user="U0CLI1",
        channel=flows.CHANNEL,
        ts=str(flows.message_of(rapport, alert).message_ts),
    )
    assert "Only a lead" in refused.text
    assert flows.alerts(rapport)["divergence"].status == "open"
    updates_before = len(rapport.standin.calls_to("chat.update"))

    rapport.slack.click(
        "alert.ack",
        value,
        user=flows.LEAD,
        channel=flows.CHANNEL,
        ts=str(flows.message_of(rapport, alert).message_ts),
    )
    acknowledged = flows.alerts(rapport)["divergence"]
    assert (acknowledged.status, acknowledged.acknowledged_by) == ("acknowledged", flows.LEAD)
    update = rapport.standin.calls_to("chat.update")[updates_before:]
    assert update and "Acknowledged by <@U0LEAD>" in flows.blocks_text(update[-1].params)


def test_assign_owner_opens_a_form_for_leads_and_shows_the_owner(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    alert = flows.alerts(rapport)["divergence"]
    value = json.dumps({"a": alert.id})
    rapport.slack.click(
        "alert.assign",
        value,
        user=flows.LEAD,
        channel=flows.CHANNEL,
        ts=str(flows.message_of(rapport, alert).message_ts),
    )
    assert rapport.standin.calls_to("views.open")
    values = {"owner": {"value": {"type": "users_select", "selected_user": "U0PRO1"}}}
    reply = rapport.slack.submit("alert.assign", values, user=flows.LEAD, private_metadata=value)
    assert reply.status == 200 and not reply.body
    assert flows.alerts(rapport)["divergence"].owner_user_id == "U0PRO1"
    listing = rapport.slack.command("alerts", user="U0CLI2").text
    assert (
        "owner <@U0PRO1>" in listing and "The two sides see the relationship differently" in listing
    )
