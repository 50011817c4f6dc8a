"""Published figures and drivers never change after close; removed members cannot answer."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from storage.models import Delivery, Engagement, Member, PublishedDriver, Response
from tests.support import flows
from tests.support.running import RunningApp

ANSWERS = {flows.LEAD: 5, "U0CLI1": 1, "U0CLI2": 4, "U0CLI3": 3}
PROVIDER_ANSWERS = {"U0PRO1": 4, "U0PRO2": 2, "U0PRO3": 5}


def uploads_to(rapport: RunningApp, user: str) -> list[bytes]:
    """The bytes of each file uploaded into the user's DM, in order."""
    found = []
    for call in rapport.standin.calls_to("files.completeUploadExternal"):
        if call.params.get("channel_id") != "D" + user[1:]:
            continue
        files = call.params["files"]
        for item in json.loads(files) if isinstance(files, str) else files:
            found.append(rapport.standin.uploads[item["id"]])
    return found


def export(rapport: RunningApp) -> bytes:
    reply = rapport.slack.command("export")
    assert reply.status == 200 and "pulse" in reply.text, reply.text
    rapport.settle()
    return uploads_to(rapport, flows.LEAD)[-1]


def closed_pulse_with_four_client_answers(rapport: RunningApp) -> bytes:
    """One closed pulse: four client answers (the lead is on the client side), three provider."""
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    for user, rating in {**ANSWERS, **PROVIDER_ANSWERS}.items():
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user, picks in DRIVER_PICKS.items():
        flows.pick_drivers(rapport, user, picks)
    closed = rapport.slack.command("close")
    assert "Closed the pulse" in closed.text, closed.text
    rapport.settle()
    before = export(rapport)
    [row] = before.decode().splitlines()[1:]
    assert ",4,4,1.0," in row  # client: answered 4 of 4, published
    return before


DRIVER_PICKS = {
    flows.LEAD: ["value"],
    "U0CLI1": ["value", "people"],
    "U0CLI2": ["people"],
    "U0CLI3": ["value"],
    "U0PRO1": ["delivery"],
    "U0PRO2": ["delivery", "communication"],
    "U0PRO3": ["communication"],
}
PUBLISHED_DRIVERS = {
    ("client", "value"): (3, 4),
    ("client", "people"): (2, 4),
    ("provider", "delivery"): (2, 3),
    ("provider", "communication"): (2, 3),
}


def published_drivers(rapport: RunningApp) -> dict[tuple[str, str], tuple[int, int]]:
    """The closed pulse's driver counts as stored at close (drivers nobody named left out)."""
    with rapport.database.reading() as session:
        rows = session.scalars(select(PublishedDriver)).all()
        return {(r.side, r.driver): (r.people, r.named) for r in rows if r.people}


CHANGES = {
    "weight change": ["weight <@U0CLI1|cli1> 10"],
    # Recomputed, the client side would count five answers and the provider side two.
    "moving a member between sides": ["add <@U0PRO1|pro1> client"],
    "raising the minimum": ["config anonymity=5"],
    "trying to lower the minimum": ["config anonymity=5", "config anonymity=2"],
    "removing a member": ["remove <@U0CLI3|cli3>"],
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_closed_pulse_exports_the_same_bytes_after_the_change(
    rapport: RunningApp, change: str
) -> None:
    before = closed_pulse_with_four_client_answers(rapport)
    assert published_drivers(rapport) == PUBLISHED_DRIVERS
    for command in CHANGES[change]:
        reply = rapport.slack.command(command)
        rapport.settle()
        assert reply.status == 200
        if command == "config anonymity=2":
            assert "can't go below 3" in reply.all_text(), reply.all_text()
        elif not command.startswith("remove"):
            assert "applies from the next pulse" in reply.all_text(), reply.all_text()
    assert export(rapport) == before
    assert published_drivers(rapport) == PUBLISHED_DRIVERS


def test_a_change_applies_from_the_next_pulse(rapport: RunningApp) -> None:
    closed_pulse_with_four_client_answers(rapport)
    rapport.slack.command("add <@U0PRO1|pro1> client")
    rapport.slack.command("weight <@U0CLI1|cli1> 2")
    rapport.slack.command("config anonymity=4")
    rapport.settle()
    flows.send(rapport)
    with rapport.database.reading() as session:
        latest = {
            m.user_id: (d.side, d.weight, d.pulse.anonymity_min)
            for d, m in session.execute(select(Delivery, Member).join(Member))
            if d.pulse.status == "open"
        }
    assert latest["U0PRO1"] == ("client", 1.0, 4)
    assert latest["U0CLI1"] == ("client", 2.0, 4)


def test_the_minimum_cannot_go_below_three_in_the_form(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    rapport.slack.command("config")
    [opened] = rapport.standin.calls_to("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    values = {
        block["block_id"]: {
            "value": {"type": "plain_text_input", "value": block["element"]["initial_value"]}
        }
        for block in view["blocks"]
    }
    values["anonymity"]["value"]["value"] = "2"
    refused = rapport.slack.submit(
        "engagement.config", values, user=flows.LEAD, private_metadata=view["private_metadata"]
    )
    assert refused.body["response_action"] == "errors"
    assert "can't go below 3" in refused.body["errors"]["anonymity"]
    with rapport.database.reading() as session:
        assert session.scalars(select(Engagement.anonymity_min)).one() == 3


def removed_member_with_a_pulse(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    reply = rapport.slack.command("remove <@U0CLI1|cli1>")
    assert "is off" in reply.text
    # Their pulse DM says so straight away, before they try to answer it.
    [retired] = rapport.standin.calls_to("chat.update")
    assert retired.params["channel"] == "D0CLI1"
    assert retired.params["text"] == NO_LONGER


NO_LONGER = "You are no longer on Acme – Globex; nothing was saved."


def test_a_removed_members_click_is_refused_not_stored_and_their_dm_updated(
    rapport: RunningApp,
) -> None:
    removed_member_with_a_pulse(rapport)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.1")
    assert NO_LONGER in reply.all_text()
    with rapport.database.reading() as session:
        assert session.scalars(select(Response)).all() == []
    update = rapport.standin.calls_to("chat.update")[-1]
    assert update.params["channel"] == "D0CLI1" and update.params["text"] == NO_LONGER
    assert "pulse.rate" not in json.dumps(update.params["blocks"])  # the buttons are gone
    # The comment button does not open the form either.
    assert NO_LONGER in flows.click(rapport, "U0CLI1", "pulse.comment").all_text()
    assert rapport.standin.calls_to("views.open") == []


def test_a_removed_members_comment_is_refused_and_not_stored(rapport: RunningApp) -> None:
    removed_member_with_a_pulse(rapport)
    dm = flows.dms_to(rapport.standin, "U0CLI1")[0]
    pulse_id = json.loads(flows.pulse_button(dm, "pulse.rate.1")["value"])["p"]
    meta = json.dumps({"p": pulse_id, "c": "D0CLI1", "ts": "1700000099.000100"})
    values = {"comment": {"text": {"type": "plain_text_input", "value": "secret complaint"}}}
    reply = rapport.slack.submit("pulse.comment", values, user="U0CLI1", private_metadata=meta)
    rapport.settle()
    assert reply.body["errors"]["comment"] == NO_LONGER
    with rapport.database.reading() as session:
        assert session.scalars(select(Response)).all() == []
    assert rapport.standin.calls_to("chat.update")[-1].params["text"] == NO_LONGER


def test_a_member_removed_while_the_pulse_is_open_is_not_counted(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    for user, rating in ANSWERS.items():  # four client answers, then one is removed
        flows.click(rapport, user, f"pulse.rate.{rating}")
    rapport.slack.command("remove <@U0CLI1|cli1>")
    rapport.settle()
    rapport.slack.command("close")
    rapport.settle()
    [row] = export(rapport).decode().splitlines()[1:]
    fields = dict(zip(export_header(rapport), row.split(","), strict=True))
    assert (fields["client_answered"], fields["client_eligible"]) == ("3", "3")
    # The three left: 5, 4 and 3 → 100, 75 and 50.
    assert fields["client_index"] == "75.0"


def export_header(rapport: RunningApp) -> list[str]:
    return uploads_to(rapport, flows.LEAD)[-1].decode().splitlines()[0].split(",")
