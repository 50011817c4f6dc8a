"""Button clicks on the pulse DM: a rating, a guess for the other side, "Add a comment"."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.domain import catalogue
from bot.services.engagements import Caller
from bot.services.pulses import (
    Answer,
    NotARecipientError,
    PulseClosedError,
    check_recipient,
    record_answer,
)
from bot.slack import blocks
from bot.slack.fanout import message_for
from bot.wiring.container import Services

logger = logging.getLogger(__name__)
SCALE_ACTIONS = re.compile(r"^pulse\.(rate|guess)\.[1-5]$")


def read_value(action: dict[str, Any]) -> tuple[int, int | None] | None:
    """The pulse id and the chosen number from a button's value, or None if malformed."""
    try:
        value = json.loads(action.get("value") or "")
        pulse_id, number = value["p"], value.get("v")
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(pulse_id, int) or not (number is None or number in range(1, 6)):
        return None
    return pulse_id, number


def caller_of(body: dict[str, Any]) -> Caller:
    """Who clicked or submitted, from an interactive payload."""
    user = body.get("user") or {}
    team = user.get("team_id") or (body.get("team") or {}).get("id") or ""
    return Caller(team_id=str(team), user_id=str(user.get("id") or ""))


def refuse(respond: Respond, text: str) -> None:
    respond(text=text, response_type="ephemeral", replace_original=False)


def rendered(answer: Answer) -> tuple[str, list[dict[str, object]]]:
    """The pulse message re-drawn with the answer so far; call inside the unit of work."""
    return message_for(
        answer.pulse,
        answer.side,
        rating=answer.rating,
        guess=answer.guess,
        commented=answer.commented,
        away=answer.away,
    )


def update_pulse_message(
    services: Services, channel: str | None, ts: str | None, message: tuple[str, list[Any]]
) -> None:
    if channel and ts:
        services.client.chat_update(channel=channel, ts=ts, text=message[0], blocks=message[1])


def save_answer(
    services: Services, caller: Caller, pulse_id: int, **answer: Any
) -> tuple[str, list[dict[str, object]]] | str:
    """Store part of someone's answer; the redrawn pulse message, or why it was refused."""
    try:
        with services.database.unit_of_work() as session:
            result = record_answer(
                session,
                pulse_id=pulse_id,
                team_id=caller.team_id,
                user_id=caller.user_id,
                now=services.now(),
                **answer,
            )
            return rendered(result)
    except PulseClosedError:
        return catalogue.PULSE_CLOSED
    except NotARecipientError:
        return catalogue.PULSE_NOT_YOURS


def register(app: App, services: Services) -> None:
    def record(body: dict[str, Any], respond: Respond, pulse_id: int, **answer: Any) -> None:
        """Store a click on the pulse DM and redraw the DM with the answer so far."""
        message = save_answer(services, caller_of(body), pulse_id, **answer)
        if isinstance(message, str):
            refuse(respond, message)
            return
        container = body.get("container") or {}
        update_pulse_message(
            services, container.get("channel_id"), container.get("message_ts"), message
        )

    @app.action(SCALE_ACTIONS)
    def answer(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        parsed = read_value(action)
        if parsed is None or parsed[1] is None:
            logger.warning("unreadable pulse button value: %r", action.get("value"))
            return
        pulse_id, number = parsed
        if action["action_id"].startswith(blocks.RATE_ACTION):
            record(body, respond, pulse_id, rating=number)
        else:
            record(body, respond, pulse_id, guess=number)

    @app.action(blocks.AWAY_ACTION)
    def away(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        parsed = read_value(action)
        if parsed is None:
            logger.warning("unreadable away button value: %r", action.get("value"))
            return
        record(body, respond, parsed[0], away=True)

    @app.action(blocks.COMMENT_ACTION)
    def comment(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        parsed = read_value(action)
        container = body.get("container") or {}
        if parsed is None:
            logger.warning("unreadable comment button value: %r", action.get("value"))
            return
        caller = caller_of(body)
        try:
            with services.database.reading() as session:
                check_recipient(session, parsed[0], caller.team_id, caller.user_id, services.now())
        except PulseClosedError:
            refuse(respond, catalogue.PULSE_CLOSED)
            return
        except NotARecipientError:
            refuse(respond, catalogue.PULSE_NOT_YOURS)
            return
        services.client.views_open(
            trigger_id=body["trigger_id"],
            view=blocks.comment_modal(
                pulse_id=parsed[0],
                channel=str(container.get("channel_id", "")),
                ts=str(container.get("message_ts", "")),
            ),
        )
