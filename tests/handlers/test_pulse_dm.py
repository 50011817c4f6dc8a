"""The pulse DM: rating and guess taps, the comment form, refusals, and Slack's retries."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from sqlalchemy import select

from storage.models import Response
from tests.support import flows
from tests.support.running import RunningApp
from tests.support.signing import signed_headers
from tests.support.slack_requests import fixture


def responses(rapport: RunningApp) -> list[Response]:
    with rapport.database.unit_of_work() as session:
        return list(session.scalars(select(Response)).all())


def test_rating_click_is_stored_and_the_message_updated(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.4")
    assert reply.status == 200
    [response] = responses(rapport)
    assert (response.rating, response.score, response.comment) == (4, 75.0, None)
    update = rapport.standin.calls_to("chat.update")[-1]
    assert update.params["channel"] == "D0CLI1"
    assert "You answered *4*" in json.dumps(update.params["blocks"])
    assert "change it until the pulse closes" in json.dumps(update.params["blocks"])


def test_a_second_click_changes_the_answer_and_keeps_one_response(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.4")
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    flows.click(rapport, "U0CLI1", "pulse.guess.5")
    [response] = responses(rapport)
    assert (response.rating, response.guess, response.score) == (2, 5, 25.0)


def test_a_comment_is_stored_with_its_sentiment(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.3")
    flows.click(rapport, "U0CLI1", "pulse.comment")
    [opened] = rapport.standin.calls_to("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    values = {
        "comment": {
            "text": {
                "type": "plain_text_input",
                "value": "They missed the SLA again and we had to escalate.",
            }
        }
    }
    reply = rapport.slack.submit(
        "pulse.comment", values, user="U0CLI1", private_metadata=view["private_metadata"]
    )
    rapport.settle()
    assert reply.status == 200 and not reply.body
    [response] = responses(rapport)
    assert response.comment is not None and response.comment.startswith("They missed the SLA")
    assert response.polarity is not None and response.polarity < 0
    assert response.score is not None and response.score < 50  # a 3 nudged down by the complaint
    assert "Comment saved" in json.dumps(
        rapport.standin.calls_to("chat.update")[-1].params["blocks"]
    )


def test_empty_and_oversize_comments_are_refused_on_the_form(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    meta = json.dumps({"p": 1, "c": "D0CLI1", "ts": "1.1"})
    for text in ("   ", "x" * 2001):
        values = {"comment": {"text": {"type": "plain_text_input", "value": text}}}
        reply = rapport.slack.submit("pulse.comment", values, user="U0CLI1", private_metadata=meta)
        assert reply.body["response_action"] == "errors"
    assert responses(rapport) == []


def test_someone_who_was_not_asked_cannot_answer(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    dm = flows.dms_to(rapport.standin, "U0CLI1")[0]
    value = flows.pulse_button(dm, "pulse.rate.1")["value"]
    reply = rapport.slack.click("pulse.rate.1", value, user="U0OTHER")
    rapport.settle()
    assert reply.status == 200
    assert "wasn't sent to you" in reply.all_text()
    assert responses(rapport) == []


def test_answers_after_close_are_not_recorded(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    from datetime import timedelta

    from bot.domain.vocabulary import utcnow

    rapport.clock.frozen = utcnow() + timedelta(days=4)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.5")
    assert "has closed" in reply.all_text()
    assert responses(rapport) == []


def test_a_retried_interaction_is_counted_once(rapport: RunningApp) -> None:
    """Slack may deliver the same payload again (X-Slack-Retry-Num); it must not double-count."""
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    value = flows.pulse_button(flows.dms_to(rapport.standin, "U0CLI1")[0], "pulse.rate.2")["value"]
    payload = fixture("block_actions")
    payload["user"].update(id="U0CLI1")
    payload["container"].update(channel_id="D0CLI1")
    payload["actions"][0].update(action_id="pulse.rate.2", block_id="pulse.rate", value=value)
    body = urlencode({"payload": json.dumps(payload)})
    for attempt in ("0", "1", "2"):
        headers = signed_headers(body, rapport.slack.secret)
        if attempt != "0":
            headers |= {"X-Slack-Retry-Num": attempt, "X-Slack-Retry-Reason": "http_timeout"}
        reply = rapport.slack.post(body, "application/x-www-form-urlencoded", headers=headers)
        assert reply.status == 200
    [response] = responses(rapport)
    assert (response.rating, response.score) == (2, 25.0)
