"""The pulse DM: a rating, what drives it, a guess for the other side, "Away", the comment form."""

from __future__ import annotations

import logging
import re
from functools import partial
from typing import Any

from slack_bolt import App

from bot.domain import follow_up_text, reply_text
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
from bot.services.pulses import NoLongerMemberError
from bot.services.runtime import Runtime
from bot.slack.outcomes import outcome_of
from bot.views.driver_view import DRIVERS_ACTION, read_selection
from bot.views.pulse_dm import AWAY_ACTION, COMMENT_ACTION, COMMENT_VIEW, RATE_ACTION, comment_modal
from bot.views.values import CommentForm, PulseButton, RatingTap, UnreadableValueError
from handlers.listener import Click, FormAnswer, Listeners, Submission
from handlers.replies import refuse

logger = logging.getLogger(__name__)
SCALE_ACTIONS = re.compile(r"^pulse\.(rate|guess)\.[1-5]$")


def record(container: Runtime, click: Click, pulse_id: int, **answer: Any) -> None:
    """Store a click on the pulse DM and redraw the DM with the answer so far."""
    try:
        message = save_answer(container, click.caller, pulse_id, **answer)
    except NoLongerMemberError as refusal:
        retire_pulse_dm(container, click.channel, click.message_ts, str(refusal))
        refuse(click.respond, str(refusal))
        return
    except Refused as refusal:
        refuse(click.respond, str(refusal))
        return
    except Exception:
        # Slack already has our 200: say plainly that nothing was kept (never what it was).
        logger.exception("pulse %s: an answer could not be saved", pulse_id)
        refuse(click.respond, reply_text.ANSWER_NOT_SAVED)
        return
    if not redraw(container, click, message):
        refuse(click.respond, reply_text.SAVED_NOT_SHOWN)


def redraw(container: Runtime, click: Click, message: PulseMessage) -> bool:
    """Show the answer so far in the DM that was clicked; False if it could not be shown.

    Through the click's `response_url`, which Slack does not count against a method tier
    (chat.update is Tier 3: about 50 a minute per workspace, which a round's first minutes
    exceed); through chat.update only when the response_url did not take it.
    """
    try:
        sent = click.respond(text=message[0], blocks=message[1], replace_original=True)
        if sent.status_code == 200:
            return True
        reason = f"http_{sent.status_code}"
    except Exception as error:
        reason = outcome_of(error).reason
    logger.warning("pulse DM not redrawn through its response_url: %s", reason)
    return redraw_pulse_dm(container, click.channel, click.message_ts, message)


def answer(container: Runtime, click: Click, tap: RatingTap) -> None:
    if click.action_id.startswith(RATE_ACTION):
        record(container, click, tap.pulse_id, rating=tap.number)
    else:
        record(container, click, tap.pulse_id, guess=tap.number)


def away(container: Runtime, click: Click, button: PulseButton) -> None:
    record(container, click, button.pulse_id, away=True)


def read_drivers(action: dict[str, Any]) -> tuple[int, list[str]]:
    """The pulse id (carried in the block id) and the picked keys of a driver selection."""
    parsed = read_selection(action)
    if parsed is None or parsed[0] <= 0:
        raise UnreadableValueError("not a driver selection")
    return parsed


def pick_drivers(container: Runtime, click: Click, selection: tuple[int, list[str]]) -> None:
    """One or two drivers picked (or all cleared) under the rating; the whole choice is stored."""
    pulse_id, picked = selection
    try:
        chosen = read_picks(picked)
    except ValueError:
        refuse(click.respond, follow_up_text.DRIVERS_UNREADABLE)
        return
    record(container, click, pulse_id, drivers=chosen)


def open_comment_form(container: Runtime, click: Click, button: PulseButton) -> None:
    try:
        check_can_answer(container, click.caller, button.pulse_id)
    except NoLongerMemberError as refusal:
        retire_pulse_dm(container, click.channel, click.message_ts, str(refusal))
        raise
    form = comment_modal(
        pulse_id=button.pulse_id, channel=str(click.channel or ""), ts=str(click.message_ts or "")
    )
    try:
        container.messenger.open_form(click.trigger_id, form)
    except Exception as error:
        logger.warning(
            "pulse %s: comment form not opened: %s", button.pulse_id, type(error).__name__
        )
        refuse(click.respond, reply_text.COMMENT_FORM_NOT_OPENED)


def submit_comment(container: Runtime, form: Submission, meta: CommentForm) -> FormAnswer:
    text = str(form.field("comment", "text").get("value") or "")
    if not text.strip():
        return FormAnswer({"comment": reply_text.COMMENT_EMPTY})
    if len(text) > COMMENT_MAX:
        return FormAnswer({"comment": reply_text.COMMENT_TOO_LONG.format(limit=COMMENT_MAX)})
    try:
        message = save_answer(container, form.caller, meta.pulse_id, comment=text)
    except NoLongerMemberError as refusal:
        retire = partial(retire_pulse_dm, container, meta.channel, meta.ts, str(refusal))
        return FormAnswer({"comment": str(refusal)}, then=retire)
    except Refused:
        raise
    except Exception:
        logger.exception("pulse %s: a comment could not be saved", meta.pulse_id)
        return FormAnswer({"comment": reply_text.COMMENT_NOT_SAVED})
    return FormAnswer(then=partial(redraw_pulse_dm, container, meta.channel, meta.ts, message))


def register(app: App, container: Runtime) -> None:
    on = Listeners(container)
    app.action(SCALE_ACTIONS)(on.click(RatingTap, partial(answer, container), "a pulse answer"))
    app.action(AWAY_ACTION)(on.click(PulseButton, partial(away, container), "away"))
    app.action(DRIVERS_ACTION)(
        on.selection(PulseButton, read_drivers, partial(pick_drivers, container), "drivers")
    )
    app.action(COMMENT_ACTION)(
        on.click(PulseButton, partial(open_comment_form, container), "opening the comment form")
    )
    app.view(COMMENT_VIEW)(
        on.submit(CommentForm, partial(submit_comment, container), "a comment", "comment")
    )
