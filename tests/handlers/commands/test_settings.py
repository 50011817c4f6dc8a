"""Schedules and settings: typed, in the form, checked, and shown back."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import Engagement
from tests.support import flows
from tests.support.running import RunningApp


def engagement(rapport: RunningApp) -> Engagement:
    with rapport.database.reading() as session:
        return session.scalars(select(Engagement)).one()


def test_typed_schedule_settings_are_stored_in_canonical_form(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command(
        'config schedule="Fortnightly Wednesday 9:00" timezone=america/new_york window=2d '
        'reminder=12h digest="FRI 16:00"'
    )
    assert "Saved." in reply.text
    saved = engagement(rapport)
    assert (
        saved.schedule,
        saved.timezone,
        saved.window_hours,
        saved.reminder_hours,
        saved.digest_schedule,
    ) == (
        "fortnightly wed 09:00",
        "America/New_York",
        48,
        12,
        "fri 16:00",
    )
    status = rapport.slack.command("status").text
    assert "Next pulse: <!date^" in status and "`fortnightly wed 09:00`, America/New_York" in status


def test_bad_schedule_settings_say_what_is_accepted_and_change_nothing(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    before = engagement(rapport)
    for text, advice in (
        ('config schedule="every blue moon"', "weekly tue 10:00"),
        ("config timezone=Mars/Olympus", "time zone"),
        ("config window=30m", "`window`"),
        ("config reminder=80h", "keep `reminder` shorter than `window`"),
        ('config digest="someday"', "`digest`"),
    ):
        reply = rapport.slack.command(text)
        assert reply.ephemeral and advice in reply.text, (text, reply.text)
    after = engagement(rapport)
    assert (after.schedule, after.timezone, after.window_hours, after.reminder_hours) == (
        before.schedule,
        before.timezone,
        before.window_hours,
        before.reminder_hours,
    )


def test_config_without_arguments_opens_the_form_for_a_lead_and_saves_it(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    rapport.slack.command("config")
    [opened] = rapport.standin.calls_to("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == "engagement.config"
    values = {
        block["block_id"]: {
            "value": {"type": "plain_text_input", "value": block["element"]["initial_value"]}
        }
        for block in view["blocks"]
    }
    values["schedule"]["value"]["value"] = "monthly 31 10:00"
    values["gap"]["value"]["value"] = "20"
    reply = rapport.slack.submit(
        "engagement.config", values, user=flows.LEAD, private_metadata=view["private_metadata"]
    )
    assert reply.status == 200 and not reply.body
    saved = engagement(rapport)
    assert (saved.schedule, saved.gap_threshold, saved.window_hours) == ("monthly 31 10:00", 20, 72)
    values["timezone"]["value"]["value"] = "Nowhere/Special"
    values["anonymity"]["value"]["value"] = "1"
    refused = rapport.slack.submit(
        "engagement.config", values, user=flows.LEAD, private_metadata=view["private_metadata"]
    )
    assert refused.body["response_action"] == "errors"
    assert set(refused.body["errors"]) == {"timezone", "anonymity"}


def test_members_see_the_settings_and_cannot_open_the_form(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("config", user="U0CLI1")
    assert "`weekly tue 10:00`" in reply.text and "client tolerance 70" in reply.text
    assert rapport.standin.calls_to("views.open") == []


def test_config_and_weight_are_for_leads_and_change_the_settings(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "Only a lead" in rapport.slack.command("config gap=20", user="U0CLI1").text
    done = rapport.slack.command("config client_tolerance=75 gap=20 anonymity=4").text
    assert "client tolerance 75" in done and "gap 20" in done and "anonymity minimum 4" in done
    assert "stake weight" in rapport.slack.command("weight <@U0CLI1> 3").text
    assert "can't go below 3" in rapport.slack.command("config anonymity=1").text
    assert "must be a whole number from 3" in rapport.slack.command("config anonymity=51").text


def test_the_ladder_durations_take_minutes_hours_or_days(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("config ack_within=90m escalate_after=1d12h escalate_pulses=4")
    assert "Saved." in reply.text
    assert "raised again after 1h30m" in reply.text and "after 1d12h or 4 pulses" in reply.text
    saved = engagement(rapport)
    assert (saved.ack_within_minutes, saved.escalate_after_minutes, saved.escalate_pulses) == (
        90,
        36 * 60,
        4,
    )
    for text, advice in (
        ("config ack_within=0m", "between 1m and 90d"),
        ("config escalate_after=400d", "between 1m and 365d"),
        ("config ack_within=soon", "as a duration"),
        ("config escalate_pulses=0", "a whole number from 1 to 52"),
    ):
        refused = rapport.slack.command(text)
        assert refused.ephemeral and advice in refused.text, (text, refused.text)
    assert engagement(rapport).ack_within_minutes == 90
