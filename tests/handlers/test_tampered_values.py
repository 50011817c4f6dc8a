"""A button value or form metadata altered by hand: the polite refusal of a click on
something not yours or gone, nothing written, and no traceback in the logs."""

from __future__ import annotations

import json
import logging

import pytest

from tests.support import flows
from tests.support.running import RunningApp

NOT_YOURS = "This pulse wasn't sent to you"
ALERT_GONE = "That alert no longer exists."
ACTION_GONE = "That action no longer exists."
ENGAGEMENT_GONE = "That engagement no longer exists."

CLICKS = [
    ("pulse.rate.3", '{"p": 1, "v": 9}', NOT_YOURS),
    ("pulse.guess.2", "garbage", NOT_YOURS),
    ("pulse.away", '{"p": "1"}', NOT_YOURS),
    ("pulse.comment", '{"p": 1, "x": 2}', NOT_YOURS),
    ("alert.ack", '{"a": -1}', ALERT_GONE),
    ("alert.assign", '{"a": 1, "b": 2}', ALERT_GONE),
    ("alert.add_action", '{"a": 99999999999999999999}', ALERT_GONE),
    ("alert.action_done.1", '{"x": true}', ACTION_GONE),
]
HOME_CLICKS = [
    ("home.digest", "None"),
    ("home.export", "-3"),
    ("home.open_engagement", '{"e": 1}'),
]
FORMS = [
    ("pulse.comment", "comment", '{"p": 1}', NOT_YOURS),
    ("alert.assign", "owner", '{"a": "1"}', ALERT_GONE),
    ("alert.add_action", "text", "[]", ALERT_GONE),
    ("engagement.config", "schedule", '{"e": 1.0}', ENGAGEMENT_GONE),
]
FORM_INPUTS = {
    "comment": {"comment": {"text": {"type": "plain_text_input", "value": "fine"}}},
    "owner": {"owner": {"value": {"type": "users_select", "selected_user": "U0PRO1"}}},
    "text": {"text": {"value": {"type": "plain_text_input", "value": "Call them"}}},
    "schedule": {},
}


def no_trouble_logged(caplog: pytest.LogCaptureFixture) -> None:
    troubled = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert troubled == [], [r.getMessage() for r in troubled]


@pytest.fixture
def pulse_out(rapport: RunningApp) -> RunningApp:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    return rapport


@pytest.mark.parametrize(("action_id", "value", "refusal"), CLICKS)
def test_a_tampered_button_gets_the_polite_refusal(
    pulse_out: RunningApp,
    caplog: pytest.LogCaptureFixture,
    action_id: str,
    value: str,
    refusal: str,
) -> None:
    rapport = pulse_out
    before = flows.count_rows(rapport.database)
    reply = rapport.slack.click(action_id, value, user=flows.LEAD, channel=flows.CHANNEL)
    assert reply.status == 200
    assert refusal in reply.text
    assert reply.ephemeral
    assert rapport.standin.calls_to("views.open") == []
    assert flows.count_rows(rapport.database) == before
    no_trouble_logged(caplog)


def test_a_tampered_driver_selection_gets_the_polite_refusal(
    pulse_out: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    rapport = pulse_out
    before = flows.count_rows(rapport.database)
    for block in ("pulse.drivers.0", "pulse.drivers.x", "pulse.drivers"):
        reply = rapport.slack.select("pulse.drivers", block, ["delivery"], user="U0CLI1")
        assert NOT_YOURS in reply.text
    assert flows.count_rows(rapport.database) == before
    no_trouble_logged(caplog)


@pytest.mark.parametrize(("action_id", "value"), HOME_CLICKS)
def test_a_tampered_home_button_is_refused_by_dm(
    pulse_out: RunningApp, caplog: pytest.LogCaptureFixture, action_id: str, value: str
) -> None:
    rapport = pulse_out
    sent_before = len(rapport.standin.calls_to("chat.postMessage"))
    reply = rapport.slack.click(action_id, value, user=flows.LEAD)
    assert reply.status == 200
    told = rapport.standin.calls_to("chat.postMessage")[sent_before:]
    assert [(c.params.get("channel"), c.params.get("text")) for c in told] == [
        (flows.LEAD, ENGAGEMENT_GONE)
    ]
    assert rapport.standin.calls_to("views.open") == []
    no_trouble_logged(caplog)


@pytest.mark.parametrize(("callback_id", "field", "metadata", "refusal"), FORMS)
def test_a_form_with_tampered_metadata_shows_the_refusal_on_the_form(
    pulse_out: RunningApp,
    caplog: pytest.LogCaptureFixture,
    callback_id: str,
    field: str,
    metadata: str,
    refusal: str,
) -> None:
    rapport = pulse_out
    before = flows.count_rows(rapport.database)
    reply = rapport.slack.submit(
        callback_id, FORM_INPUTS[field], user=flows.LEAD, private_metadata=metadata
    )
    assert reply.status == 200
    assert reply.body["response_action"] == "errors"
    assert refusal in json.dumps(reply.body["errors"][field])
    assert flows.count_rows(rapport.database) == before
    no_trouble_logged(caplog)


def test_the_refusal_is_in_the_language_of_whoever_clicked(
    rapport: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    rapport.standin.user_locale["U0CLI1"] = "de-DE"
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    tapped = rapport.slack.click("pulse.rate.3", '{"p": 1, "v": "3"}', user="U0CLI1")
    assert "Dieser Puls ging nicht an Sie" in tapped.text
    submitted = rapport.slack.submit(
        "pulse.comment", FORM_INPUTS["comment"], user="U0CLI1", private_metadata="{}"
    )
    assert "Dieser Puls ging nicht an Sie" in submitted.body["errors"]["comment"]
    no_trouble_logged(caplog)
