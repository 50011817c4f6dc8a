"""What every listener shares: who clicked, what a form holds, and one error-to-reply map."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse, Respond

from bot.domain import reply_text
from bot.domain.errors import Refused
from bot.domain.i18n import read_from_now_as
from bot.domain.people import Caller
from bot.services.locales import reader_locale
from bot.services.runtime import Runtime
from bot.slack.command_text import CommandError

logger = logging.getLogger(__name__)
INTERACTIVE = ("block_actions", "view_submission")
"""The payloads of buttons, menus and forms, which `handlers.listener` serves."""


def reply_for(error: Exception, what: str) -> str:
    """The sentence a person reads when their request failed; one log line if unexpected.

    A parse error or a domain refusal says what to do; anything else is logged with its
    traceback (never shown to the person) and answered with a plain apology.
    """
    if isinstance(error, CommandError | Refused):
        return str(error)
    logger.error("%s failed", what, exc_info=error)
    return reply_text.SOMETHING_WRONG


def caller_of(body: dict[str, Any]) -> Caller:
    """Who clicked or submitted, from an interactive payload."""
    user = body.get("user") or {}
    team = user.get("team_id") or (body.get("team") or {}).get("id") or ""
    return Caller(team_id=str(team), user_id=str(user.get("id") or ""))


def person_in(body: dict[str, Any]) -> Caller:
    """Whoever a request comes from: a command's caller, a click's, an event's user."""
    if body.get("command"):
        return Caller(str(body.get("team_id") or ""), str(body.get("user_id") or ""))
    if isinstance(body.get("user"), dict):
        return caller_of(body)
    event = body.get("event") or {}
    return Caller(str(body.get("team_id") or ""), str(event.get("user") or ""))


def in_their_language(container: Runtime) -> Callable[..., BoltResponse]:
    """The shared prologue: every listener writes in the language of whoever it serves
    (the listener pool and background work copy it with the request's context)."""

    def prologue(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse:
        # Bolt runs the listeners after every middleware has returned, so the language
        # stays set for the rest of the request (the app's dispatch resets it). Clicks
        # and forms take theirs in their listener (`handlers.listener`), once.
        if body.get("type") not in INTERACTIVE:
            read_from_now_as(reader_locale(container, person_in(body)))
        return next()

    return prologue


def refuse(respond: Respond, text: str) -> None:
    """An ephemeral answer to the person who clicked, leaving their message as it is."""
    respond(text=text, response_type="ephemeral", replace_original=False)


def view_value(view: dict[str, Any], block: str, action: str = "value") -> dict[str, Any]:
    """One input's state in a submitted view."""
    state = (view.get("state") or {}).get("values") or {}
    found = (state.get(block) or {}).get(action) or {}
    return found if isinstance(found, dict) else {}
