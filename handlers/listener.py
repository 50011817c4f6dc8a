"""The one shape of a button or form listener: ack, take the reader's language, read the
value, call the use case, refuse.

Every click and submission reads its value through the codec (`bot.views.values`), so a
value Rapport did not write is refused as politely as a click on something gone; a
domain error is its sentence; anything else is logged once and answered with the plain
apology, all in the language of whoever clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from types import ModuleType
from typing import Any, TypeVar

from slack_bolt import Ack, Respond

from bot.domain import follow_up_text, reply_text
from bot.domain.errors import Refused
from bot.domain.i18n import read_from_now_as
from bot.domain.people import Caller
from bot.services.locales import reader_locale
from bot.services.runtime import Runtime
from bot.views import values
from bot.views.values import UnreadableValueError, Value, decode
from handlers.replies import caller_of, refuse, reply_for, view_value

logger = logging.getLogger(__name__)
T = TypeVar("T")
_REFUSALS: dict[type[Any], tuple[ModuleType, str]] = {
    values.RatingTap: (reply_text, "PULSE_NOT_YOURS"),
    values.PulseButton: (reply_text, "PULSE_NOT_YOURS"),
    values.CommentForm: (reply_text, "PULSE_NOT_YOURS"),
    values.AlertButton: (reply_text, "ALERT_GONE"),
    values.AlertForm: (reply_text, "ALERT_GONE"),
    values.ActionItem: (follow_up_text, "ACTION_GONE"),
    values.ConfigForm: (reply_text, "ENGAGEMENT_GONE"),
    values.EngagementButton: (reply_text, "ENGAGEMENT_GONE"),
}
"""What a person reads when a value cannot be read: what a click on a thing that is not
theirs, or no longer there, says (read when refusing, so it is in the reader's language)."""


def unreadable(kind: type[Any]) -> str:
    """The polite refusal for an unreadable value of `kind`."""
    module, name = _REFUSALS.get(kind, (reply_text, "SOMETHING_WRONG"))
    return str(getattr(module, name))


@dataclass(frozen=True, slots=True)
class Click:
    """A button press or a selection: who, where, and the way to answer them."""

    caller: Caller
    body: dict[str, Any]
    action: dict[str, Any]
    respond: Respond

    @property
    def action_id(self) -> str:
        """Which button or menu it was."""
        return str(self.action.get("action_id") or "")

    @property
    def trigger_id(self) -> str:
        """What opens a form in answer to this click."""
        return str(self.body.get("trigger_id") or "")

    @property
    def channel(self) -> str | None:
        """The conversation of the message that was clicked (None on App Home)."""
        return (self.body.get("container") or {}).get("channel_id")

    @property
    def message_ts(self) -> str | None:
        """The timestamp of the message that was clicked."""
        return (self.body.get("container") or {}).get("message_ts")


@dataclass(frozen=True, slots=True)
class Submission:
    """A submitted form: who, and what they entered."""

    caller: Caller
    view: dict[str, Any]

    def field(self, block: str, action: str = "value") -> dict[str, Any]:
        """One input's state."""
        return view_value(self.view, block, action)


@dataclass(frozen=True, slots=True)
class FormAnswer:
    """How a form is answered: errors shown on its fields (it stays open), or it closes and
    `then` runs after Slack has its answer."""

    errors: dict[str, str] = field(default_factory=dict)
    then: Callable[[], object] | None = None


Listener = Callable[..., None]
Answer = Callable[[Click, str], object]
"""How a refusal reaches the person who clicked."""


def ephemeral(click: Click, text: str) -> None:
    """Beside the clicked message, for its clicker only, leaving the message as it is."""
    refuse(click.respond, text)


class Listeners:
    """Makes the listeners of one app's buttons and forms, each in the shape above."""

    def __init__(self, container: Runtime) -> None:
        self.container = container

    def by_dm(self, click: Click, text: str) -> None:
        """A refusal by DM: App Home has no message to answer beside."""
        self.container.messenger.post(click.caller.user_id, text)

    def click(
        self,
        kind: type[Value],
        use: Callable[[Click, Value], object],
        what: str,
        answer: Answer = ephemeral,
    ) -> Listener:
        """A button listener that reads the button's value as `kind` and hands it to `use`."""

        def read(action: dict[str, Any]) -> Value:
            return decode(kind, action.get("value"))

        return self.selection(kind, read, use, what, answer)

    def press(
        self, use: Callable[[Click], object], what: str, answer: Answer = ephemeral
    ) -> Listener:
        """A listener for a button that carries no value."""
        return self.selection(type(None), lambda _: None, lambda click, _: use(click), what, answer)

    def selection(
        self,
        kind: type[Any],
        read: Callable[[dict[str, Any]], T],
        use: Callable[[Click, T], object],
        what: str,
        answer: Answer = ephemeral,
    ) -> Listener:
        """A listener whose value `read` takes from the action (raising UnreadableValueError);
        an unreadable one gets the refusal for `kind`."""

        def listener(
            ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
        ) -> None:
            ack()
            click = Click(self._reader(body), body, action, respond)
            try:
                use(click, read(action))
            except UnreadableValueError as error:
                logger.warning("%s: unreadable value (%s)", what, error)
                answer(click, unreadable(kind))
            except Refused as refusal:
                answer(click, str(refusal))
            except Exception as error:
                answer(click, reply_for(error, what))

        return listener

    def submit(
        self,
        kind: type[Value],
        use: Callable[[Submission, Value], FormAnswer | None],
        what: str,
        shown_on: str,
        limit: int | None = None,
    ) -> Listener:
        """A form listener: `private_metadata` read as `kind` and handed to `use` with the
        form; refusals and failures are shown on the field `shown_on`, cut to `limit`."""
        return self._form(kind, partial(decode, kind), use, what, shown_on, limit)

    def plain_submit(
        self,
        use: Callable[[Submission], FormAnswer | None],
        what: str,
        shown_on: str,
        limit: int | None = None,
    ) -> Listener:
        """A form listener for a form that carries no metadata."""
        return self._form(type(None), lambda _: None, lambda f, _: use(f), what, shown_on, limit)

    def _form(
        self,
        kind: type[Any],
        read: Callable[[object], T],
        use: Callable[[Submission, T], FormAnswer | None],
        what: str,
        shown_on: str,
        limit: int | None,
    ) -> Listener:
        def listener(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
            form = Submission(self._reader(body), view)
            try:
                answer = use(form, read(view.get("private_metadata"))) or FormAnswer()
            except UnreadableValueError as error:
                logger.warning("%s: unreadable form metadata (%s)", what, error)
                answer = FormAnswer({shown_on: unreadable(kind)})
            except Refused as refusal:
                answer = FormAnswer({shown_on: str(refusal)[:limit]})
            except Exception as error:
                answer = FormAnswer({shown_on: reply_for(error, what)[:limit]})
            if answer.errors:
                ack(response_action="errors", errors=answer.errors)
                return
            ack()
            if answer.then is not None:
                answer.then()

        return listener

    def _reader(self, body: dict[str, Any]) -> Caller:
        """Who clicked or submitted; from now on in this request, written in their language."""
        caller = caller_of(body)
        read_from_now_as(reader_locale(self.container, caller))
        return caller
