"""Actions on an alert, over HTTP: added by leads of either side, listed, overdue, marked done."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from storage.models import Action, AlertMessage, Engagement
from tests.support import flows
from tests.support.digests_flow import SPONSOR, blocks_text, dm_posts
from tests.support.running import RunningApp

PROVIDER_LEAD = "U0PLEAD"
REVIEW = "Joint 30-minute review of response times"
ASK = "Each lead asks their side one question"


def with_alert(rapport: RunningApp) -> int:
    """A closed pulse with the client side unhappy: a divergence alert in the channel."""
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.add(rapport, (PROVIDER_LEAD,), "provider", "lead")
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    rapport.settle()
    return flows.alerts(rapport)["divergence"].id


def today(rapport: RunningApp) -> date:
    with rapport.database.reading() as session:
        zone = session.scalars(select(Engagement.timezone)).one()
    return rapport.container.now().astimezone(ZoneInfo(zone)).date()


def press(rapport: RunningApp, action_id: str, value: dict[str, int], user: str) -> Any:
    with rapport.database.reading() as session:
        ts = session.scalars(select(AlertMessage.message_ts)).first()
    reply = rapport.slack.click(
        action_id, json.dumps(value), user=user, channel=flows.CHANNEL, ts=str(ts)
    )
    rapport.settle()
    return reply


def submit(rapport: RunningApp, alert_id: int, user: str, text: str, owner: str, due: date) -> Any:
    values = {
        "text": {"value": {"type": "plain_text_input", "value": text}},
        "owner": {"value": {"type": "users_select", "selected_user": owner}},
        "due": {"value": {"type": "datepicker", "selected_date": due.isoformat()}},
    }
    meta = json.dumps({"a": alert_id})
    reply = rapport.slack.submit("alert.add_action", values, user=user, private_metadata=meta)
    rapport.settle()
    return reply


def actions(rapport: RunningApp) -> list[Action]:
    with rapport.database.reading() as session:
        return list(session.scalars(select(Action).order_by(Action.id)).all())


def last_alert_update(rapport: RunningApp) -> str:
    return flows.blocks_text(rapport.standin.calls_to("chat.update")[-1].params)


def test_only_leads_open_the_form_and_it_asks_what_who_and_by_when(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    alert_id = with_alert(rapport)
    refused = press(rapport, "alert.add_action", {"a": alert_id}, "U0CLI1")
    assert "Only a lead of *Acme deal*" in refused.text and refused.ephemeral
    assert rapport.standin.calls_to("views.open") == []
    for lead in (flows.LEAD, PROVIDER_LEAD):
        press(rapport, "alert.add_action", {"a": alert_id}, lead)
    opened = rapport.standin.calls_to("views.open")
    assert len(opened) == 2
    view = opened[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    kinds = {block["block_id"]: block["element"]["type"] for block in view["blocks"]}
    assert kinds == {"text": "plain_text_input", "owner": "users_select", "due": "datepicker"}


def test_the_form_refuses_what_it_cannot_keep(rapport_http: RunningApp) -> None:
    rapport = rapport_http
    alert_id = with_alert(rapport)
    day = today(rapport)
    cases = [
        ("text", "   ", "U0PRO1", day, "Say in a few words"),
        ("owner", REVIEW, "U0STRANGER", day, "isn't on either side of *Acme deal*"),
        ("due", REVIEW, "U0PRO1", day - timedelta(days=1), "The due date has passed"),
        ("text", "x" * 201, "U0PRO1", day, "under 200 characters"),
    ]
    for field, text, owner, due, said in cases:
        reply = submit(rapport, alert_id, flows.LEAD, text, owner, due)
        assert reply.body["response_action"] == "errors", reply.body
        assert said in reply.body["errors"][field]
    not_lead = submit(rapport, alert_id, "U0CLI1", REVIEW, "U0PRO1", day)
    assert "Only a lead" in not_lead.body["errors"]["text"]
    assert actions(rapport) == []


def test_actions_are_listed_shown_overdue_and_done_without_resolving_the_finding(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    alert_id = with_alert(rapport)
    day = today(rapport)
    assert not submit(rapport, alert_id, flows.LEAD, REVIEW, "U0PRO1", day + timedelta(days=2)).body
    assert not submit(rapport, alert_id, PROVIDER_LEAD, ASK, "U0CLI2", day + timedelta(days=9)).body
    first, second = actions(rapport)
    assert (first.owner_user_id, first.due_on, first.created_by) == (
        "U0PRO1",
        day + timedelta(days=2),
        flows.LEAD,
    )
    shown = last_alert_update(rapport)
    assert "*Actions*" in shown and REVIEW in shown and ASK in shown
    assert f"alert.action_done.{first.id}" in shown and "Add action" in shown

    listing = rapport.slack.command("alerts", user="U0CLI3").text
    assert "*Open actions* (2, 0 overdue)" in listing
    assert f"{REVIEW} — <@U0PRO1>, due" in listing and "Overdue" not in listing

    # Three days on, the first is past its due date and not done.
    rapport.clock.frozen = rapport.container.now() + timedelta(days=3)
    listing = rapport.slack.command("alerts", user="U0CLI3").text
    assert "*Open actions* (2, 1 overdue)" in listing
    assert f":warning: *Overdue:* {REVIEW} — <@U0PRO1>" in listing
    assert f"Overdue:* {ASK}" not in listing
    rapport.slack.home_opened(flows.LEAD)
    home = json.dumps(rapport.standin.calls_to("views.publish")[-1].params["view"])
    assert "*Overdue actions* (1)" in home and REVIEW in home and ASK not in home
    rapport.slack.home_opened("U0PRO1")  # a member who owns one sees it, and nobody else's
    own = json.dumps(rapport.standin.calls_to("views.publish")[-1].params["view"])
    assert "*Your actions*" in own and f"*Overdue:* {REVIEW}" in own and ASK not in own
    reply = rapport.slack.command("digest", user=SPONSOR, channel="D0SPON")
    assert "in our DM" in reply.text
    rapport.settle()
    digest = blocks_text(dm_posts(rapport, SPONSOR)[-1])
    assert "*Overdue actions* (1)" in digest and REVIEW in digest

    # Someone else than the owner or a lead may not close it; the owner and a lead may.
    refused = press(rapport, f"alert.action_done.{first.id}", {"x": first.id}, "U0CLI3")
    assert "Only the action's owner or a lead" in refused.text
    assert actions(rapport)[0].done_at is None
    press(rapport, f"alert.action_done.{first.id}", {"x": first.id}, "U0PRO1")
    press(rapport, f"alert.action_done.{second.id}", {"x": second.id}, PROVIDER_LEAD)
    press(rapport, f"alert.action_done.{second.id}", {"x": second.id}, PROVIDER_LEAD)  # again
    done = actions(rapport)
    assert [(a.done_by, a.done_at is not None) for a in done] == [
        ("U0PRO1", True),
        (PROVIDER_LEAD, True),
    ]
    shown = last_alert_update(rapport)
    assert f"~{REVIEW}~ \\u2014 done by <@U0PRO1>" in shown  # struck through, with who
    assert "alert.action_done" not in shown

    # Every action done, and the finding is still open: only the figures resolve it.
    assert flows.alerts(rapport)["divergence"].status == "open"
    listing = rapport.slack.command("alerts", user="U0CLI3").text
    assert "The two sides see the relationship differently" in listing
    assert "Open actions" not in listing
    flows.answer_round(rapport, [5, 5, 4], [5, 4, 5])  # the figures recover: now it resolves
    flows.close(rapport)
    rapport.settle()
    assert flows.alerts(rapport)["divergence"].status == "resolved"


def test_an_action_not_done_when_its_finding_resolves_is_closed_with_it(
    rapport: RunningApp,
) -> None:
    # Before: the digest said "Open alerts: none" above "Overdue actions (3)", each of
    # a finding resolved weeks before.
    alert_id = with_alert(rapport)
    assert not submit(rapport, alert_id, flows.LEAD, REVIEW, "U0PRO1", today(rapport)).body
    flows.answer_round(rapport, [5, 5, 4], [5, 4, 5])  # the figures recover: it resolves
    flows.close(rapport)
    rapport.settle()
    assert flows.alerts(rapport)["divergence"].status == "resolved"
    (action,) = actions(rapport)
    assert action.done_at is None  # closed with its finding, not marked done

    # A week on, the due date long past: nothing calls it open or overdue.
    rapport.clock.frozen = rapport.container.now() + timedelta(days=7)
    listing = rapport.slack.command("alerts", user="U0CLI3").text
    assert "Open actions" not in listing and REVIEW not in listing
    rapport.slack.home_opened("U0PRO1")
    home = json.dumps(rapport.standin.calls_to("views.publish")[-1].params["view"])
    assert REVIEW not in home and "Overdue" not in home
    rapport.slack.command("digest", user=SPONSOR, channel="D0SPON")
    rapport.settle()
    digest = blocks_text(dm_posts(rapport, SPONSOR)[-1])
    assert "*Open alerts*: none." in digest
    assert "Overdue" not in digest and REVIEW not in digest

    # Where it still shows, under its resolved finding, it says what happened to it.
    shown = last_alert_update(rapport)
    assert f"{REVIEW} \\u2014 <@U0PRO1>, due" in shown
    assert "closed when its finding resolved, not marked done" in shown
    assert "alert.action_done" not in shown
