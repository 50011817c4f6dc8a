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
