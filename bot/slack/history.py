"""Find a message Rapport posted, by the metadata it was tagged with, in a conversation's history.

Every DM and alert post carries `{"event_type": …, "event_payload": {key: id}}`, so after
a send whose outcome is unknown (a timeout, a reset) the sender can tell whether it landed
before it sends again.

Slack lets an app distributed outside the Marketplace (`unlisted`, the default) read
`conversations.history` and `conversations.replies` once a minute per workspace, 15
messages a page (changelog, 2025-05-29); an internal app (built by a company for its own
workspace) and a Marketplace app keep Tier 3 for both, 50 reads a minute, and deep pages.
`SLACK_APP_DISTRIBUTION` says which applies. Each read here asks for one page of at most
the distribution's page and each conversation is read at most once per its spacing by
this process; a read asked for sooner raises `HeldBackError`, which the sender records like
a 429 and tries again later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.slack.outcomes import HeldBackError

PAGE = 15
SPACING = 60.0
UNLISTED = "unlisted"
# Tier 3 (Slack's rate-limit page): 50 reads a minute; a page of up to 200 is advised.
TIER_3_SPACING, TIER_3_PAGE = 60.0 / 50, 200


class ReadGate:
    """When each conversation was last read, so that none is read twice within `spacing`;
    `page` is the most messages one read asks for."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.spacing = SPACING
        self.page = PAGE
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def follow(self, distribution: str, spacing: float | None = None) -> None:
        """Keep to the history limits of an app distributed as `distribution`: `unlisted`
        (outside the Marketplace), `internal` or `marketplace` (Tier 3); `spacing`, when
        given, replaces the distribution's time between two reads of a conversation (for
        when Slack's limits change before this code does)."""
        if distribution == UNLISTED:
            self.spacing, self.page = SPACING, PAGE
        else:
            self.spacing, self.page = TIER_3_SPACING, TIER_3_PAGE
        if spacing is not None:
            self.spacing = spacing

    def enter(self, channel: str) -> None:
        """Count a read of `channel` now, or raise `HeldBackError` with the seconds left to wait."""
        with self._lock:
            now = self.clock()
            last = self._last.get(channel)
            if last is not None and now - last < self.spacing:
                raise HeldBackError(self.spacing - (now - last))
            self._last[channel] = now

    def forget(self) -> None:
        """No read remembered, Slack's spacing and the process's own clock (for tests)."""
        with self._lock:
            self._last.clear()
        self.spacing, self.page, self.clock = SPACING, PAGE, time.monotonic


GATE = ReadGate()


def find_tagged(
    client: WebClient, channel: str, event_type: str, key: str, value: int, limit: int = PAGE
) -> str | None:
    """The ts of the newest message in `channel` tagged `event_type` with `key` = `value`."""
    GATE.enter(channel)
    history = client.conversations_history(
        channel=channel, limit=min(limit, GATE.page), include_all_metadata=True
    )
    return _tagged(history.get("messages") or [], event_type, key, value)


def find_tagged_reply(
    client: WebClient, channel: str, thread_ts: str, event_type: str, key: str, value: int
) -> str | None:
    """The ts of a reply in the thread of `thread_ts` tagged `event_type` with `key` = `value`."""
    GATE.enter(f"{channel}/{thread_ts}")
    replies = client.conversations_replies(
        channel=channel, ts=thread_ts, limit=PAGE, include_all_metadata=True
    )
    return _tagged(replies.get("messages") or [], event_type, key, value)


def _tagged(messages: list[dict[str, Any]], event_type: str, key: str, value: int) -> str | None:
    """The ts of the first message tagged `event_type` with `key` = `value`."""
    for message in messages:
        metadata: dict[str, Any] = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == event_type and payload.get(key) == value:
            return str(message["ts"])
    return None
