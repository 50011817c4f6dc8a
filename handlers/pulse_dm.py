"""The pulse DM: a rating, what drives it, a guess for the other side, "Away", the comment form."""

from __future__ import annotations

import json
import logging
import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.domain import catalogue, follow_up_text
from bot.domain.drivers import read_picks
from bot.domain.errors import Refused
from bot.domain.vocabulary import COMMENT_MAX
from bot.services.answers import (
    PulseMessage,
    check_can_answer,
    redraw_pulse_dm,
    retire_pulse_dm,
    save_answer,
)
from bot.services.container import Container
from bot.services.pulses import NoLongerMemberError
from bot.slack.outcomes import outcome_of
from bot.views.driver_view import DRIVERS_ACTION, read_selection
from bot.views.pulse_dm import AWAY_ACTION, COMMENT_ACTION, COMMENT_VIEW, RATE_ACTION, comment_modal
from handlers.replies import caller_of, json_field, refuse, view_value

logger = logging.getLogger(__name__)
SCALE_ACTIONS = re.compile(r"^pulse\.(rate|guess)\.[1-5]$")


def read_value(action: dict[str, Any]) -> tuple[int, int | None] | None:
    """The pulse id and the chosen number from a button's value, or None if malformed."""
    try:
        value = json.loads(action.get("value") or "")
        pulse_id, number = value["p"], value.get("v")
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(pulse_id, int) or not (number is None or number in range(1, 6)):
        return None
    return pulse_id, number


def record(
    container: Container, body: dict[str, Any], respond: Respond, pulse_id: int, **answer: Any
) -> None:
    """Store a click on the pulse DM and redraw the DM with the answer so far."""
    where = body.get("container") or {}
    try:
        message = save_answer(container, caller_of(body), pulse_id, **answer)
    except NoLongerMemberError as refusal:
        retire_pulse_dm(container, where.get("channel_id"), where.get("message_ts"), str(refusal))
        refuse(respond, str(refusal))
        return
    except Refused as refusal:
        refuse(respond, str(refusal))
        return
    except Exception:
        # Slack already has our 200: say plainly that nothing was kept (never what it was).
        logger.exception("pulse %s: an answer could not be saved", pulse_id)
        refuse(respond, catalogue.ANSWER_NOT_SAVED)
        return
    if not redraw(container, respond, where, message):
        refuse(respond, catalogue.SAVED_NOT_SHOWN)


def redraw(
    container: Container, respond: Respond, where: dict[str, Any], message: PulseMessage
) -> bool:
    """Show the answer so far in the DM that was clicked; False if it could not be shown.

    Through the click's `response_url`, which Slack does not count against a method tier
    (chat.update is Tier 3: about 50 a minute per workspace, which a round's first minutes
    exceed); through chat.update only when the response_url did not take it.
    """
    try:
        sent = respond(text=message[0], blocks=message[1], replace_original=True)
        if sent.status_code == 200:
            return True
        reason = f"http_{sent.status_code}"
    except Exception as error:
        reason = outcome_of(error).reason
    logger.warning("pulse DM not redrawn through its response_url: %s", reason)
    return redraw_pulse_dm(container, where.get("channel_id"), where.get("message_ts"), message)


def answer(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    parsed = read_value(action)
    if parsed is None or parsed[1] is None:
        logger.warning("unreadable pulse button value")
        return
    pulse_id, number = parsed
    if str(action.get("action_id", "")).startswith(RATE_ACTION):
        record(container, body, respond, pulse_id, rating=number)
    else:
        record(container, body, respond, pulse_id, guess=number)


def away(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    parsed = read_value(action)
    if parsed is None:
        logger.warning("unreadable away button value")
        return
    record(container, body, respond, parsed[0], away=True)


def pick_drivers(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    """One or two drivers picked (or all cleared) under the rating; the whole choice is stored."""
    ack()
    parsed = read_selection(action)
    if parsed is None:
        logger.warning("unreadable driver selection")
        return
    pulse_id, picked = parsed
    try:
        chosen = read_picks(picked)
    except ValueError:
        refuse(respond, follow_up_text.DRIVERS_UNREADABLE)
        return
    record(container, body, respond, pulse_id, drivers=chosen)


def open_comment_form(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    parsed = read_value(action)
    if parsed is None:
        logger.warning("unreadable comment button value")
        return
    where = body.get("container") or {}
    try:
        check_can_answer(container, caller_of(body), parsed[0])
    except NoLongerMemberError as refusal:
        retire_pulse_dm(container, where.get("channel_id"), where.get("message_ts"), str(refusal))
        refuse(respond, str(refusal))
        return
    except Refused as refusal:
        refuse(respond, str(refusal))
        return
    except Exception:
        logger.exception("pulse %s: could not check who may comment", parsed[0])
        refuse(respond, catalogue.SOMETHING_WRONG)
        return
    try:
        container.client.views_open(
            trigger_id=body["trigger_id"],
            view=comment_modal(
                pulse_id=parsed[0],
                channel=str(where.get("channel_id", "")),
                ts=str(where.get("message_ts", "")),
            ),
        )
    except Exception as error:
        logger.warning("pulse %s: comment form not opened: %s", parsed[0], type(error).__name__)
        refuse(respond, catalogue.COMMENT_FORM_NOT_OPENED)


def submit_comment(
    container: Container, ack: Ack, body: dict[str, Any], view: dict[str, Any]
) -> None:
    text = str(view_value(view, "comment", "text").get("value") or "")
    if not text.strip():
        ack(response_action="errors", errors={"comment": catalogue.COMMENT_EMPTY})
        return
    if len(text) > COMMENT_MAX:
        error = catalogue.COMMENT_TOO_LONG.format(limit=COMMENT_MAX)
        ack(response_action="errors", errors={"comment": error})
        return
    pulse_id = json_field(view.get("private_metadata"), "p")
    if pulse_id is None:
        logger.warning("comment form with unreadable metadata")
        ack(response_action="errors", errors={"comment": catalogue.SOMETHING_WRONG})
        return
    meta = json.loads(view.get("private_metadata") or "{}")
    try:
        message = save_answer(container, caller_of(body), pulse_id, comment=text)
    except NoLongerMemberError as refusal:
        ack(response_action="errors", errors={"comment": str(refusal)})
        retire_pulse_dm(container, meta.get("c"), meta.get("ts"), str(refusal))
        return
    except Refused as refusal:
        ack(response_action="errors", errors={"comment": str(refusal)})
        return
    except Exception:
        logger.exception("pulse %s: a comment could not be saved", pulse_id)
        ack(response_action="errors", errors={"comment": catalogue.COMMENT_NOT_SAVED})
        return
    ack()
    redraw_pulse_dm(container, meta.get("c"), meta.get("ts"), message)


def register(app: App, container: Container) -> None:
    app.action(SCALE_ACTIONS)(partial(answer, container))
    app.action(AWAY_ACTION)(partial(away, container))
    app.action(DRIVERS_ACTION)(partial(pick_drivers, container))
    app.action(COMMENT_ACTION)(partial(open_comment_form, container))
    app.view(COMMENT_VIEW)(partial(submit_comment, container))
