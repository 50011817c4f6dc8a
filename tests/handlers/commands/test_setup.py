"""`/rapport setup`, typed and through the form."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import Engagement, Member
from tests.support import flows
from tests.support.running import RunningApp


def test_typed_setup_creates_engagement_with_caller_as_lead(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    with rapport.database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
        lead = session.scalars(select(Member)).one()
    assert (engagement.name, engagement.client_org, engagement.provider_org) == (
        "Acme deal",
        "Acme",
        "Globex",
    )
    assert engagement.channel_id == "C0ALERTS"
    assert engagement.timezone == "Europe/Berlin"  # from the lead's Slack profile
    assert (lead.user_id, lead.role, lead.side) == (flows.LEAD, "lead", "client")
    announcement = rapport.standin.calls_to("chat.postMessage")[-1]
    assert announcement.params["channel"] == "C0ALERTS"
    assert "Acme deal" in announcement.params["text"]


def test_setup_tells_the_lead_when_the_bot_cannot_post_in_the_channel(rapport: RunningApp) -> None:
    rapport.standin.fail("chat.postMessage", "not_in_channel")
    reply = rapport.slack.command(
        'setup "Acme deal" client:Acme provider:Globex channel:<#C0PRIV|priv>'
    )
    rapport.settle()
    assert "/invite @Rapport" in reply.all_text()


def test_setup_with_a_taken_name_is_refused(rapport: RunningApp) -> None:
    flows.set_up(rapport)
    reply = rapport.slack.command('setup "acme DEAL" client:A provider:B channel:<#C0OTHER>')
    assert "already exists" in reply.text
    with rapport.database.unit_of_work() as session:
        assert len(session.scalars(select(Engagement)).all()) == 1


def test_setup_without_arguments_opens_the_form_and_submitting_it_creates(
    rapport: RunningApp,
) -> None:
    reply = rapport.slack.command("setup", channel="C0HERE")
    rapport.settle()
    assert reply.status == 200
    opened = rapport.standin.calls_to("views.open")
    assert len(opened) == 1
    view = opened[0].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == "engagement.setup"
    values = {
        "name": {"value": {"type": "plain_text_input", "value": "Initech support"}},
        "client": {"value": {"type": "plain_text_input", "value": "Initech"}},
        "provider": {"value": {"type": "plain_text_input", "value": "Globex"}},
        "channel": {"value": {"type": "conversations_select", "selected_conversation": "C0HERE"}},
    }
    submitted = rapport.slack.submit("engagement.setup", values, user="U0ANA")
    rapport.settle()
    assert submitted.status == 200 and not submitted.body
    with rapport.database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
        assert engagement.name == "Initech support" and engagement.channel_id == "C0HERE"
        assert session.scalars(select(Member)).one().user_id == "U0ANA"
    confirmations = [c for c in rapport.standin.dms() if c.params["channel"] == "U0ANA"]
    assert confirmations and "is set up" in confirmations[0].params["text"]


def test_setup_form_errors_are_shown_on_the_fields_and_nothing_is_written(
    rapport: RunningApp,
) -> None:
    values = {
        "name": {"value": {"type": "plain_text_input", "value": "   "}},
        "client": {"value": {"type": "plain_text_input", "value": "<script>"}},
        "provider": {"value": {"type": "plain_text_input", "value": "Globex"}},
        "channel": {"value": {"type": "conversations_select", "selected_conversation": None}},
    }
    reply = rapport.slack.submit("engagement.setup", values, user="U0ANA")
    assert reply.status == 200
    assert reply.body["response_action"] == "errors"
    assert set(reply.body["errors"]) == {"name", "client", "channel"}
    assert flows.count_rows(rapport.database)["engagements"] == 0


def _setup_form_values(name: str, channel: str) -> dict[str, object]:
    return {
        "name": {"value": {"type": "plain_text_input", "value": name}},
        "client": {"value": {"type": "plain_text_input", "value": "Initech"}},
        "provider": {"value": {"type": "plain_text_input", "value": "Globex"}},
        "channel": {"value": {"type": "conversations_select", "selected_conversation": channel}},
    }


def test_setup_by_someone_outside_the_channel_is_refused_and_writes_nothing(
    rapport: RunningApp,
) -> None:
    rapport.standin.channel_members["C0PRIVATE"] = ["U0LEAD", "U0CLI1"]
    typed = rapport.slack.command(
        'setup "Hijack" client:A provider:B channel:<#C0PRIVATE>', user="U0EVE"
    )
    rapport.settle()
    assert "You're not in <#C0PRIVATE>" in typed.all_text()
    form = rapport.slack.submit(
        "engagement.setup", _setup_form_values("Hijack", "C0PRIVATE"), user="U0EVE"
    )
    assert form.body["response_action"] == "errors"
    assert "You're not in <#C0PRIVATE>" in form.body["errors"]["channel"]
    assert sum(flows.count_rows(rapport.database).values()) == 0
    assert not [c for c in rapport.standin.calls_to("chat.postMessage")]


def test_setup_when_slack_cannot_list_the_channel_is_refused(rapport: RunningApp) -> None:
    rapport.standin.fail("conversations.members", "channel_not_found")
    reply = rapport.slack.command('setup "Acme deal" client:A provider:B channel:<#C0SECRET>')
    rapport.settle()
    assert "invite me there" in reply.all_text() and "Nothing was saved" in reply.all_text()
    assert flows.count_rows(rapport.database)["engagements"] == 0


def test_setup_into_a_used_channel_is_refused_without_naming_the_other_engagement(
    rapport: RunningApp,
) -> None:
    flows.set_up(rapport, "Secret merger", channel="C0USED")
    before = flows.count_rows(rapport.database)
    posts = len(rapport.standin.calls_to("chat.postMessage"))
    typed = rapport.slack.command(
        'setup "Mine" client:A provider:B channel:<#C0USED>', user="U0EVE", channel="C0USED"
    )
    rapport.settle()
    form = rapport.slack.submit(
        "engagement.setup", _setup_form_values("Mine", "C0USED"), user="U0EVE"
    )
    texts = typed.all_text() + json.dumps(form.body)
    assert "already the alert channel of another engagement" in typed.all_text()
    assert "already the alert channel" in form.body["errors"]["channel"]
    assert "Secret merger" not in texts
    assert flows.count_rows(rapport.database) == before
    assert len(rapport.standin.calls_to("chat.postMessage")) == posts


def test_names_lose_control_bidi_and_zero_width_characters(rapport: RunningApp) -> None:
    reply = rapport.slack.command(
        'setup "Acme\u202e laed\u200b\x00  deal" client:"Ac\u2066me" provider:Globex channel:<#C0X>'
    )
    rapport.settle()
    assert reply.status == 200
    with rapport.database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
    assert (engagement.name, engagement.client_org) == ("Acme laed deal", "Acme")


def test_another_engagements_name_is_never_shown_in_a_shared_legacy_channel(
    rapport: RunningApp,
) -> None:
    flows.set_up(rapport, "Secret merger", channel="C0OLD")
    flows.set_up(rapport, "Ours", lead="U0ANA", channel="C0NEW")
    with rapport.database.unit_of_work() as session:
        # Data from before setup refused used channels: two engagements in one channel.
        session.scalars(
            select(Engagement).where(Engagement.name == "Ours")
        ).one().channel_id = "C0OLD"
    status = rapport.slack.command("status", user="U0ANA", channel="C0OLD")
    assert "*Ours*" in status.all_text() and "Secret merger" not in status.all_text()
    stranger = rapport.slack.command("status", user="U0EVE", channel="C0OLD")
    assert "Secret merger" not in stranger.all_text() and "Ours" not in stranger.all_text()
