"""What the playground's Slack holds: people, conversations, messages, threads and views.

Kept for display: the page draws it and the Web API stand-in (`standin.py`) changes it.
Every change bumps `version`, so the page knows when to draw again.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Person:
    user_id: str
    name: str
    title: str


@dataclass(slots=True)
class Message:
    """One message in a conversation; `only_for` marks an ephemeral one."""

    channel: str
    ts: str
    user: str
    text: str = ""
    blocks: list[dict[str, Any]] = field(default_factory=list)
    thread_ts: str | None = None
    metadata: dict[str, Any] | None = None
    files: list[dict[str, Any]] = field(default_factory=list)
    only_for: str | None = None

    def as_slack(self) -> dict[str, Any]:
        """The message as conversations.history and friends return it."""
        found: dict[str, Any] = {
            "type": "message",
            "ts": self.ts,
            "user": self.user,
            "text": self.text,
            "blocks": self.blocks,
        }
        if self.thread_ts:
            found["thread_ts"] = self.thread_ts
        if self.metadata:
            found["metadata"] = self.metadata
        if self.files:
            found["files"] = self.files
        return found


@dataclass(frozen=True, slots=True)
class Reply:
    """Where a response_url's posts go: who it answers, in which conversation, to what."""

    user: str
    channel: str
    message_ts: str | None = None


@dataclass(frozen=True, slots=True)
class UploadedFile:
    file_id: str
    name: str
    content: bytes


class Workspace:
    """One Slack workspace with a bot in it. Thread-safe: every method takes the lock."""

    def __init__(self, team_id: str, bot_user: str, people: list[Person]) -> None:
        self.team_id = team_id
        self.bot_user = bot_user
        self.people = {person.user_id: person for person in people}
        self.channels: dict[str, tuple[str, list[str]]] = {}
        self.messages: dict[str, list[Message]] = {}
        self.homes: dict[str, dict[str, Any]] = {}
        self.modals: dict[str, list[dict[str, Any]]] = {}
        self.files: dict[str, UploadedFile] = {}
        self.replies: dict[str, Reply] = {}
        self.triggers: dict[str, str] = {}
        self.version = 0
        self.lock = threading.RLock()
        self._ids = itertools.count(1)
        self._last_micros = 0

    # -- naming ----------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    def new_ts(self) -> str:
        """A message timestamp after every other one, as Slack's are."""
        with self.lock:
            # Whole microseconds: a float of today's epoch cannot hold one more microsecond
            # exactly, so two stamps could print alike.
            self._last_micros = max(time.time_ns() // 1000, self._last_micros + 1)
            seconds, micros = divmod(self._last_micros, 1_000_000)
            return f"{seconds}.{micros:06d}"

    @staticmethod
    def dm_of(user_id: str) -> str:
        """The bot's DM channel with a person."""
        return "D" + user_id[1:]

    def add_channel(self, channel_id: str, name: str, members: list[str]) -> None:
        with self.lock:
            self.channels[channel_id] = (name, [*members, self.bot_user])
            self.messages.setdefault(channel_id, [])
            self._changed()

    def channel_for(self, target: str) -> str | None:
        """The conversation a post to `target` lands in (a user id means their DM)."""
        if target in self.channels:
            return target
        if target[:1] in ("U", "W") and target in self.people:
            return self.dm_of(target)
        if target[:1] == "D" and ("U" + target[1:]) in self.people:
            return target
        return None

    # -- messages --------------------------------------------------------------
    def post(self, message: Message) -> Message:
        with self.lock:
            self.messages.setdefault(message.channel, []).append(message)
            self.messages[message.channel].sort(key=lambda m: float(m.ts))
            self._changed()
            return message

    def find(self, channel: str, ts: str) -> Message | None:
        with self.lock:
            for message in self.messages.get(channel, []):
                if message.ts == ts:
                    return message
            return None

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]]) -> bool:
        with self.lock:
            message = self.find(channel, ts)
            if message is None:
                return False
            message.text, message.blocks = text, blocks
            self._changed()
            return True

    def delete(self, channel: str, ts: str) -> bool:
        with self.lock:
            found = self.find(channel, ts)
            if found is not None:
                self.messages[channel].remove(found)
                self._changed()
            return found is not None

    def timeline(self, channel: str, viewer: str) -> list[Message]:
        """Top-level messages as `viewer` sees them (their own ephemerals included)."""
        with self.lock:
            return [
                m
                for m in self.messages.get(channel, [])
                if (m.thread_ts is None or m.thread_ts == m.ts) and m.only_for in (None, viewer)
            ]

    def thread(self, channel: str, ts: str) -> list[Message]:
        """The replies to a message, oldest first."""
        with self.lock:
            return [
                m
                for m in self.messages.get(channel, [])
                if m.thread_ts == ts and m.ts != ts and m.only_for is None
            ]

    # -- views and replies -------------------------------------------------------
    def publish_home(self, user_id: str, view: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            stored = {**view, "id": self.homes.get(user_id, {}).get("id") or self.next_id("V")}
            self.homes[user_id] = stored
            self._changed()
            return stored

    def open_modal(
        self, trigger_id: str, view: dict[str, Any], push: bool = False
    ) -> dict[str, Any]:
        """Open (or push) a modal for the person whose click or command gave `trigger_id`.

        Raises:
            KeyError: the trigger is unknown or was used already (Slack: invalid_trigger_id).
        """
        with self.lock:
            user = self.triggers.pop(trigger_id)
            stored = {**view, "id": self.next_id("V")}
            stack = self.modals.setdefault(user, [])
            if not push:
                stack.clear()
            stack.append(stored)
            self._changed()
            return stored

    def update_view(self, view_id: str, view: dict[str, Any]) -> dict[str, Any] | None:
        with self.lock:
            for stack in [*self.modals.values(), *([h] for h in self.homes.values())]:
                for index, current in enumerate(stack):
                    if current.get("id") == view_id:
                        stack[index] = {**view, "id": view_id}
                        self._changed()
                        return stack[index]
            return None

    def close_modal(self, user_id: str, everything: bool = False) -> None:
        with self.lock:
            stack = self.modals.get(user_id, [])
            if everything:
                stack.clear()
            elif stack:
                stack.pop()
            self._changed()

    def modal_of(self, user_id: str) -> dict[str, Any] | None:
        with self.lock:
            stack = self.modals.get(user_id) or []
            return stack[-1] if stack else None

    def trigger_for(self, user_id: str) -> str:
        """A trigger id for one click or command of `user_id` (what views.open needs)."""
        with self.lock:
            trigger = f"{int(time.time())}.{next(self._ids)}.playground"
            self.triggers[trigger] = user_id
            return trigger

    def reply_url_token(self, reply: Reply) -> str:
        with self.lock:
            token = self.next_id("R")
            self.replies[token] = reply
            return token

    def _changed(self) -> None:
        self.version += 1
