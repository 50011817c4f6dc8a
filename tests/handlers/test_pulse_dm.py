"""The pulse DM: rating and guess taps, the comment form, refusals, and Slack's retries."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from sqlalchemy import Connection, select, text

from storage.models import Member, Response
from tests.support import flows
from tests.support.running import RunningApp
from tests.support.signing import signed_headers
from tests.support.slack_requests import fixture


def responses(rapport: RunningApp) -> list[Response]:
    with rapport.database.unit_of_work() as session:
        return list(session.scalars(select(Response)).all())


def answers_by_user(rapport: RunningApp) -> dict[str, tuple[int | None, int | None]]:
    with rapport.database.reading() as session:
        rows = session.execute(
            select(Member.user_id, Response.rating, Response.guess).join(Member)
        ).all()
    return {user: (rating, guess) for user, rating, guess in rows}


def test_rating_click_is_stored_and_the_message_updated(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.4")
    assert reply.status == 200
    [response] = responses(rapport)
    assert (response.rating, response.score, response.comment) == (4, 75.0, None)
    update = rapport.standin.redraws()[-1]
    assert update["channel"] == "D0CLI1"
    assert "You answered *4*" in json.dumps(update["blocks"])
    assert "change it until the pulse closes" in json.dumps(update["blocks"])
    # Redrawn through the click's response_url: no chat.update, which is Tier 3.
    assert rapport.standin.calls_to("chat.update") == []


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
    assert "Comment saved" in json.dumps(rapport.standin.redraws()[-1]["blocks"])


def test_empty_and_oversize_comments_are_refused_on_the_form(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    meta = json.dumps({"p": 1, "c": "D0CLI1", "ts": "1.1"})
    for typed in ("   ", "x" * 2001):
        values = {"comment": {"text": {"type": "plain_text_input", "value": typed}}}
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


def test_first_ratings_and_guesses_sent_at_the_same_moment_all_land(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    crowd = tuple(f"U0CROWD{i:02d}" for i in range(20))
    flows.add(rapport, crowd, "client")
    flows.send(rapport)
    taps = [(user, action) for user in crowd for action in ("pulse.rate.4", "pulse.guess.2")]
    with ThreadPoolExecutor(max_workers=len(taps)) as pool:
        replies = list(pool.map(lambda tap: flows.click(rapport, *tap), taps))
    assert all(reply.status == 200 and not reply.text for reply in replies)
    rapport.settle()
    mine = answers_by_user(rapport)
    assert {user: mine.get(user) for user in crowd} == {user: (4, 2) for user in crowd}


def test_an_answer_the_database_refuses_is_said_not_saved_and_a_new_tap_saves_it(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    with rapport.database.engine.begin() as connection:
        install_refusal(connection)
    failed = flows.click(rapport, "U0CLI1", "pulse.rate.2")
    assert "was not saved" in failed.text and failed.ephemeral
    assert responses(rapport) == []
    with rapport.database.engine.begin() as connection:
        on = " ON responses" if rapport.database.is_postgres else ""
        connection.execute(text(f"DROP TRIGGER refuse_answers{on}"))
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    assert answers_by_user(rapport) == {"U0CLI1": (2, None)}


def install_refusal(connection: Connection) -> None:
    """A database that refuses every new answer: a real error, from the database itself."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'responses are read-only'; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER refuse_answers BEFORE INSERT OR UPDATE ON responses "
                "FOR EACH ROW EXECUTE FUNCTION refuse_answer()"
            )
        )
    else:
        connection.execute(
            text(
                "CREATE TRIGGER refuse_answers BEFORE INSERT ON responses "
                "BEGIN SELECT RAISE(ABORT, 'responses are read-only'); END"
            )
        )


def test_an_answer_saved_while_slack_will_not_redraw_the_dm_is_said_saved(
    rapport: RunningApp,
) -> None:
    """The defect: the update of the DM timed out after the answer was stored, the
    listener died of it, and the person was told nothing."""
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    rapport.standin.server_error("response_url", times=1)
    rapport.standin.hang("chat.update", 2.5)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.4")
    assert reply.status == 200
    assert reply.ephemeral and "Saved." in reply.text and "not saved" not in reply.text
    assert answers_by_user(rapport) == {"U0CLI1": (4, None)}


def test_a_response_url_slack_refuses_falls_back_to_updating_the_dm(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    rapport.standin.server_error("response_url", times=1)
    reply = flows.click(rapport, "U0CLI1", "pulse.rate.4")
    assert not reply.ephemeral
    [update] = rapport.standin.calls_to("chat.update")
    assert "You answered *4*" in json.dumps(update.params["blocks"])


def test_a_comment_form_slack_would_not_open_is_said_so(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    rapport.standin.hang("views.open", 2.5)
    reply = flows.click(rapport, "U0CLI1", "pulse.comment")
    assert reply.ephemeral and "couldn't open the comment form" in reply.text
    again = flows.click(rapport, "U0CLI1", "pulse.comment")
    assert again.text == "" and len(rapport.standin.calls_to("views.open")) == 1
