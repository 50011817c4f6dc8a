"""`/rapport add`, `remove` and `members`."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Member
from tests.support import flows
from tests.support.running import RunningApp


def people(rapport: RunningApp) -> dict[str, tuple[str, str, str, float]]:
    with rapport.database.unit_of_work() as session:
        return {
            m.user_id: (m.side, m.role, m.status, m.weight)
            for m in session.scalars(select(Member)).all()
        }


def test_add_puts_people_on_sides_with_roles(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    text = flows.add(rapport, ("U0CLI1", "U0CLI2"), "client")
    assert "Added to the client side" in text and "<@U0CLI1>" in text
    flows.add(rapport, ("U0PRO1",), "provider", "lead")
    flows.add(rapport, ("U0SPON",), "provider", "sponsor", "weight:2")
    assert people(rapport) == {
        flows.LEAD: ("client", "lead", "active", 1.0),
        "U0CLI1": ("client", "member", "active", 1.0),
        "U0CLI2": ("client", "member", "active", 1.0),
        "U0PRO1": ("provider", "lead", "active", 1.0),
        "U0SPON": ("provider", "sponsor", "active", 2.0),
    }


def test_add_confirms_every_role_side_and_weight_it_set(rapport: RunningApp) -> None:
    # Before: "/rapport add @x client sponsor" answered "Added to the client side" only.
    flows.set_up(rapport)
    sponsor = flows.add(rapport, ("U0SPON",), "client", "sponsor")
    assert sponsor.startswith("Added to the client side of *Acme deal* as sponsor: <@U0SPON>.")
    assert "Sponsors get the weekly digest and escalated findings by DM, and no pulses." in sponsor
    leads = flows.add(rapport, ("U0PRO1", "U0PRO2"), "provider", "lead", "weight:2")
    assert leads.startswith(
        "Added to the provider side of *Acme deal* as leads: <@U0PRO1>, <@U0PRO2>."
    )
    assert "Leads change the engagement's people and settings" in leads
    assert "Stake weight: 2." in leads
    member = flows.add(rapport, ("U0SPON",), "client", "member")
    assert "as member: <@U0SPON>." in member and "Members answer the pulses." in member
    plain = flows.add(rapport, ("U0CLI1",), "client")
    assert plain.startswith("Added to the client side of *Acme deal*: <@U0CLI1>.")
    assert " as " not in plain.split(".")[0]
    assert people(rapport)["U0SPON"] == ("client", "member", "active", 1.0)
    assert people(rapport)["U0PRO2"] == ("provider", "lead", "active", 2.0)


def test_adding_again_moves_rather_than_duplicates(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    flows.add(rapport, ("U0CLI1",), "client")
    flows.add(rapport, ("U0CLI1",), "provider")
    assert people(rapport)["U0CLI1"][0] == "provider"
    assert flows.count_rows(rapport.database)["members"] == 2


def test_unknown_and_bot_users_are_refused_with_reasons(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    rapport.standin.unknown_users.add("U0GHOST")
    rapport.standin.bots.add("U0ROBOT")
    text = flows.add(rapport, ("U0GHOST", "U0ROBOT", "U0CLI1"), "client")
    assert "can't find <@U0GHOST>" in text and "<@U0ROBOT> is a bot" in text
    assert set(people(rapport)) == {flows.LEAD, "U0CLI1"}


def test_remove_takes_someone_off_and_members_lists_sides(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("remove <@U0CLI2|cli2>")
    assert "is off *Acme deal*" in reply.text
    assert people(rapport)["U0CLI2"][2] == "removed"
    listing = rapport.slack.command("members", user="U0PRO1", channel="D0PRO1").text
    assert "Client — Acme:" in listing and "Provider — Globex:" in listing
    assert "<@U0CLI1>" in listing and "<@U0CLI2>" not in listing
    assert "<@U0LEAD> (lead)" in listing


def test_the_last_lead_cannot_be_removed(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    reply = rapport.slack.command(f"remove <@{flows.LEAD}>")
    assert "last lead" in reply.text
    assert people(rapport)[flows.LEAD][2] == "active"


def test_non_leads_cannot_add_remove_or_send_and_nothing_is_written(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    before = flows.count_rows(rapport.database)
    for text in ("add <@U0NEW> client", "remove <@U0CLI1>", "send"):
        reply = rapport.slack.command(text, user="U0CLI1")
        assert reply.status == 200 and reply.ephemeral
        assert "Only a lead of *Acme deal*" in reply.text and "<@U0LEAD>" in reply.text
    rapport.settle()
    assert flows.count_rows(rapport.database) == before
    assert people(rapport)["U0CLI1"][2] == "active"
    assert rapport.standin.dms() == []


def test_outsiders_cannot_list_members(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command('members in:"Acme deal"', user="U0STRANGER", channel="D0X")
    assert "You're not on *Acme deal*" in reply.text


def test_commands_outside_the_channel_need_a_choice_when_ambiguous(rapport: RunningApp) -> None:
    flows.set_up(rapport, name="Acme deal", channel="C0ONE")
    flows.set_up(rapport, name="Initech", channel="C0TWO")
    reply = rapport.slack.command("add <@U0CLI1> client", channel="D0LEAD")
    assert 'in:"name"' in reply.text and '"Acme deal"' in reply.text
    flows.add(rapport, ("U0CLI1",), "client", 'in:"Initech"')
    in_channel = rapport.slack.command("members", channel="C0TWO").text
    assert "*Initech*" in in_channel and "<@U0CLI1>" in in_channel


def test_a_lookup_slack_does_not_answer_refuses_only_that_person(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    # Before, a timeout on users.info ended the whole `add` with an apology.
    rapport.standin.hang("users.info", 2.5, user="U0CLI2")
    text = flows.add(rapport, ("U0CLI1", "U0CLI2", "U0CLI3"), "client")
    assert "<@U0CLI1>" in text and "<@U0CLI3>" in text.split("Not added")[0]
    assert "Slack didn't answer about <@U0CLI2> (timeout)" in text
    members = rapport.slack.command("members").text
    assert "U0CLI2" not in members and "U0CLI1" in members
