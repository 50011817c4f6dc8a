"""The one way use cases reach Slack: a small protocol owned by the service layer.

The Slack adapter (`bot/slack/messenger.py`) implements it over the Web API; tests of
use cases use a fake (`tests/support/fake_messenger.py`). Every method either does what
it says or raises a `bot.domain.outcomes.MessengerError` (`RateLimitedError`,
`RefusedBySlackError`, `UncertainError`); nothing from slack_sdk reaches a use case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from bot.domain.people import Person

Blocks = Sequence[Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class Tag:
    """Metadata a message carries so that it can be found again after an uncertain end:
    `{"event_type": event_type, "event_payload": {key: value}}`."""

    event_type: str
    key: str
    value: int


@dataclass(frozen=True, slots=True)
class Posted:
    channel: str
    ts: str


class Messenger(Protocol):
    """Post, update and find messages, open DMs and forms, upload files, publish App Home,
    read people.

    `exactly_once=True` on a post means "no blind retry after an uncertain end": the
    caller looks for its tagged message (`find_tagged`) before it posts again.
    `paced=True` keeps the post inside the workspace's message rate.
    """

    def post(
        self,
        channel: str,
        text: str,
        blocks: Blocks | None = None,
        *,
        tag: Tag | None = None,
        thread_ts: str | None = None,
        exactly_once: bool = False,
        paced: bool = False,
    ) -> Posted: ...

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> None: ...

    def open_dm(self, user_id: str) -> str:
        """The bot's DM channel with the person."""
        ...

    def find_tagged(self, channel: str, tag: Tag, *, limit: int = 15) -> str | None:
        """The ts of the newest message in `channel` carrying `tag`, or None."""
        ...

    def find_tagged_reply(self, channel: str, thread_ts: str, tag: Tag) -> str | None:
        """The ts of a reply in the thread of `thread_ts` carrying `tag`, or None."""
        ...

    def upload(
        self,
        channel: str,
        *,
        filename: str,
        title: str,
        content: str | None = None,
        file: bytes | None = None,
        alt_text: str | None = None,
    ) -> None: ...

    def publish_home(self, user_id: str, view: Mapping[str, Any]) -> None: ...

    def open_form(self, trigger_id: str, view: Mapping[str, Any]) -> None:
        """Open a modal for the person whose click or command carried `trigger_id`."""
        ...

    def person(self, user_id: str, default_team: str) -> Person:
        """What Slack says about someone; `exists=False` (with the reason) when it will not."""
        ...

    def is_in_channel(self, channel: str, user_id: str) -> bool:
        """Whether the person is a member of the channel (raises `RefusedBySlackError` or
        `UncertainError` when Slack will not list its members)."""
        ...


class TakenOverError(Exception):
    """A paced post that waited its turn so long that its claim lapsed and another process
    took the item over: it was not sent, and is that process's to send now."""


_STILL_OURS: ContextVar[Callable[[float], bool] | None] = ContextVar(
    "rapport_claim_still_ours", default=None
)


@contextmanager
def renewing(still_ours: Callable[[float], bool]) -> Iterator[None]:
    """Paced posts made in this block call `still_ours` with how long they waited for their
    turn, right before they go: the sender renews its claim there (a wait can outlast the
    claim's lease), and a False stops the post with `TakenOverError`."""
    mark = _STILL_OURS.set(still_ours)
    try:
        yield
    finally:
        _STILL_OURS.reset(mark)


def after_paced_wait(waited: float) -> None:
    """What a messenger calls when a paced post's turn has come, after `waited` seconds:
    raises `TakenOverError` when the sender's claim is no longer its own."""
    still_ours = _STILL_OURS.get()
    if still_ours is not None and not still_ours(waited):
        raise TakenOverError
