"""The Slack adapter: `bot.services.messenger.Messenger` over the Web API client.

Every call either does what it says or raises the `MessengerError` that
`bot/slack/outcomes.py` reads from the failure, so no slack_sdk type or error reaches a
use case. Calls go through the process's client (`bot/slack/client.py`: routing per
installation in distributed mode, short 429s waited out in place); posts that must land
once go without blind retries (`posting_client`), and conversation history is read
within Slack's limits (`bot/slack/history.py`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.domain.outcomes import MessengerError, RefusedBySlackError, failure
from bot.domain.people import Person
from bot.services.messenger import Blocks, Posted, Tag, TakenOverError, after_paced_wait
from bot.slack import history, users
from bot.slack.client import posting_client
from bot.slack.outcomes import outcome_of
from bot.slack.pacing import Pacer, PerConversation, Unpaced, is_channel

T = TypeVar("T")
MAX_MEMBER_PAGES = 100


@contextmanager
def _outcomes() -> Iterator[None]:
    """Any failure of the calls inside, as the project's own outcome."""
    try:
        yield
    except (MessengerError, TakenOverError):
        raise
    except Exception as error:
        raise failure(outcome_of(error)) from error


class SlackMessenger:
    """`Messenger` for one process's Web API client (and its pacer in single-workspace mode)."""

    def __init__(
        self,
        client: WebClient,
        pacer: Pacer | None = None,
        conversations: PerConversation | None = None,
    ) -> None:
        self.client = client
        self.pacer: Pacer = pacer if pacer is not None else Unpaced()
        self.conversations = conversations

    def _call(self, call: Callable[[], T]) -> T:
        with _outcomes():
            return call()

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
    ) -> Posted:
        sender = posting_client(self.client) if exactly_once else self.client
        arguments: dict[str, Any] = {"channel": channel, "text": text}
        if blocks is not None:
            arguments["blocks"] = checked(blocks)
        if tag is not None:
            arguments["metadata"] = metadata(tag)
        if thread_ts is not None:
            arguments["thread_ts"] = thread_ts
        if paced:
            self._wait_for_turn(channel)
        try:
            with _outcomes():
                response = sender.chat_postMessage(**arguments)
        except MessengerError as error:
            if paced and error.outcome.kind == "rate_limited":
                self.pacer.backoff(error.outcome.retry_after)
            raise
        return Posted(str(response["channel"]), str(response["ts"]))

    def _wait_for_turn(self, channel: str) -> None:
        """A paced post's turn: in its channel first (a channel post), then in its
        workspace's pace (here in single-workspace mode; in distributed mode the client
        paces per workspace once the call is routed). Its sender is asked after each wait."""
        if self.conversations is not None and is_channel(channel):
            after_paced_wait(self.conversations.of(channel).acquire())
        if not isinstance(self.pacer, Unpaced):
            after_paced_wait(self.pacer.acquire())

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> None:
        arguments: dict[str, Any] = {"channel": channel, "ts": ts, "text": text}
        if blocks is not None:
            arguments["blocks"] = checked(blocks)
        self._call(lambda: self.client.chat_update(**arguments))

    def open_dm(self, user_id: str) -> str:
        opened = self._call(lambda: self.client.conversations_open(users=user_id))
        return str(opened["channel"]["id"])

    def find_tagged(self, channel: str, tag: Tag, *, limit: int = history.PAGE) -> str | None:
        return self._call(
            lambda: history.find_tagged(
                self.client, channel, tag.event_type, tag.key, tag.value, limit=limit
            )
        )

    def find_tagged_reply(self, channel: str, thread_ts: str, tag: Tag) -> str | None:
        return self._call(
            lambda: history.find_tagged_reply(
                self.client, channel, thread_ts, tag.event_type, tag.key, tag.value
            )
        )

    def upload(
        self,
        channel: str,
        *,
        filename: str,
        title: str,
        content: str | None = None,
        file: bytes | None = None,
        alt_text: str | None = None,
    ) -> None:
        arguments: dict[str, Any] = {"channel": channel, "filename": filename, "title": title}
        if content is not None:
            arguments["content"] = content
        if file is not None:
            arguments["file"] = file
        if alt_text is not None:
            arguments["alt_txt"] = alt_text
        self._call(lambda: self.client.files_upload_v2(**arguments))

    def publish_home(self, user_id: str, view: Mapping[str, Any]) -> None:
        checked(view.get("blocks") or ())  # what Slack would refuse fails here, before it leaves
        self._call(lambda: self.client.views_publish(user_id=user_id, view=dict(view)))

    def open_form(self, trigger_id: str, view: Mapping[str, Any]) -> None:
        checked(view.get("blocks") or ())
        self._call(lambda: self.client.views_open(trigger_id=trigger_id, view=dict(view)))

    def person(self, user_id: str, default_team: str) -> Person:
        return users.lookup(self.client, user_id, default_team)

    def is_in_channel(self, channel: str, user_id: str) -> bool:
        # Page by page; a timeout or a 429 part-way is uncertain or rate limited, not a no.
        cursor = ""
        for _ in range(MAX_MEMBER_PAGES):
            with _outcomes():
                page = self.client.conversations_members(channel=channel, cursor=cursor, limit=1000)
            if user_id in (page.get("members") or []):
                return True
            cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                return False
        raise RefusedBySlackError("too_many_members")


def checked(blocks: Blocks) -> Blocks:
    """`blocks`, once slack_sdk's models have read each one and found it within Slack's
    limits; a block Slack would refuse raises `SlackObjectFormationError` here, loudly,
    rather than being sent.

    Reading them through the models costs more than the rest of a send: the same blocks
    (a pulse's DMs to everyone on a side) are read once, and found good from then on.
    """
    _validate(json.dumps(list(blocks), sort_keys=True, default=str))
    return blocks


@functools.lru_cache(maxsize=1024)
def _validate(blocks: str) -> None:
    """Raises for blocks Slack would refuse; kept only for blocks found good."""
    for block in Block.parse_all(json.loads(blocks)):
        block.validate_json()


def metadata(tag: Tag) -> dict[str, Any]:
    """Slack's message metadata for `tag`."""
    return {"event_type": tag.event_type, "event_payload": {tag.key: tag.value}}
