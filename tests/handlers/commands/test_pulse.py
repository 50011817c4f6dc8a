"""`/rapport send` and `status`, the pulse DM, and answering it."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from sqlalchemy import select

from storage.models import Delivery, Member, Response
from tests.support import flows
from tests.support.running import RunningApp
from tests.support.signing import signed_headers
from tests.support.slack_requests import fixture


def responses(rapport: RunningApp) -> list[Response]:
    with rapport.database.unit_of_work() as session:
        return list(session.scalars(select(Response)).all())


def test_send_gives_each_active_member_exactly_one_dm(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, ("U0SPON",), "client", "sponsor")
    text = flows.send(rapport)
    assert "sent to 7 of 7 people" in text
    recipients = sorted(c.params["channel"] for c in rapport.standin.dms())
    assert recipients == sorted([flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS])  # no sponsor
    dm = flows.dms_to(rapport.standin, "U0CLI1")[0]
    assert "Acme – Globex" in dm.params["text"]
    assert flows.pulse_button(dm, "pulse.rate.5")
    assert "Globex" in json.dumps(dm.params["blocks"])  # the other side, for the guess
    with rapport.database.unit_of_work() as session:
        deliveries = session.scalars(select(Delivery)).all()
        assert {d.status for d in deliveries} == {"sent"}
        assert all(d.message_ts for d in deliveries)


def test_a_second_send_while_open_is_refused(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    again = rapport.slack.command("send")
    assert "already open" in again.text
    assert len(rapport.standin.dms()) == 7


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


def test_status_shows_counts_per_side_never_names(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "None has been sent yet" in rapport.slack.command("status").text
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.4")
    flows.click(rapport, "U0CLI2", "pulse.rate.2")
    flows.click(rapport, "U0PRO1", "pulse.rate.5")
    flows.click(rapport, "U0PRO2", "pulse.guess.3")  # a guess alone is not an answer
    text = rapport.slack.command("status", user="U0PRO3", channel="D0PRO3").text
    assert "Answered: client 2 of 4, provider 1 of 3" in text
    assert "U0CLI1" not in text and "U0PRO1" not in text


def test_slack_faults_for_one_member_do_not_stop_the_others(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    rapport.standin.fail("chat.postMessage", "user_not_found", user="U0CLI2")
    rapport.standin.fail("chat.postMessage", "account_inactive", user="U0PRO2")
    rapport.standin.rate_limit("chat.postMessage", retry_after=1, user="U0CLI3", times=1)
    rapport.standin.server_error("chat.postMessage", user="U0PRO3", times=1)
    text = flows.send(rapport)
    assert "sent to 5 of 7" in text and "<@U0CLI2> (user_not_found)" in text
    delivered = sorted(c.params["channel"] for c in rapport.standin.dms())
    assert delivered == sorted([flows.LEAD, "U0CLI1", "U0CLI3", "U0PRO1", "U0PRO3"])
    throttled = [
        c for c in rapport.standin.calls_to("chat.postMessage", ok_only=False) if c.user == "U0CLI3"
    ]
    assert [c.status for c in throttled] == [429, 200]
    assert throttled[1].at - throttled[0].at >= 0.9  # Retry-After was waited out
    with rapport.database.unit_of_work() as session:
        failed = {
            m.user_id: (d.status, d.error, m.status)
            for d, m in session.execute(select(Delivery, Member).join(Member)).all()
            if d.status != "sent"
        }
    assert failed == {
        "U0CLI2": ("failed", "user_not_found", "unreachable"),
        "U0PRO2": ("failed", "account_inactive", "unreachable"),
    }


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
