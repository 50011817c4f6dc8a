"""Find a message Rapport posted, by the metadata it was tagged with, in a conversation's history.

Every DM and alert post carries `{"event_type": …, "event_payload": {key: id}}`, so after
a send whose outcome is unknown (a timeout, a reset) the sender can tell whether it landed
before it sends again.

Slack lets an app distributed outside the Marketplace (`unlisted`, the default) call
`conversations.history` and `conversations.replies` once a minute each per workspace, 15
messages a page (changelog, 2025-05-29); an internal app (built by a company for its own
workspace) and a Marketplace app keep Tier 3 for both, 50 calls a minute, and deep pages.
`SLACK_APP_DISTRIBUTION` says which applies. Each read here asks for one page of at most
the distribution's page, and no minute holds more calls of a method in a workspace than
the distribution allows, whichever conversations they read: counted by this process, or
on PostgreSQL by every process together (`slack_pace` rows, `storage/pace.py`). A read
asked for sooner raises `HeldBackError`, which the sender records like a 429 and tries
again later; a 429 on a read holds the method's next read in that workspace for its
Retry-After.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.client import SHORT_WAIT_SECONDS, InstallationClient
from bot.slack.outcomes import HeldBackError
from storage import pace
from storage.db import Database

PAGE = 15
SPACING = 60.0
UNLISTED = "unlisted"
# Tier 3 (Slack's rate-limit page): 50 calls a minute; a page of up to 200 is advised.
TIER_3_CALLS, TIER_3_WINDOW, TIER_3_PAGE = 50, 60.0, 200
HISTORY, REPLIES = "conversations.history", "conversations.replies"
# The workspace of a single-workspace install, and of a read no route knows.
ONE_WORKSPACE = ""


class ReadGate:
    """The calls each workspace made of each history method lately, so that no `window`
    seconds hold more than `count` of them (Slack's limits are such windows); `page` is
    the most messages one read asks for. Given a PostgreSQL database (`share`), the
    window is kept there for every process: `count` slots, each free again `window`
    seconds after its call (`storage/pace.py`)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.clock, self.sleep = clock, sleep
        self.count, self.window, self.page = 1, SPACING, PAGE
        self._calls: dict[tuple[str, str], deque[float]] = {}
        self._held: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()
        self._database: Database | None = None

    def follow(self, distribution: str, spacing: float | None = None) -> None:
        """Keep to the history limits of an app distributed as `distribution`: `unlisted`
        (outside the Marketplace), `internal` or `marketplace` (Tier 3); `spacing`, when
        given, replaces the distribution's limit by one call per `spacing` seconds per
        method and workspace (for when Slack's limits change before this code does)."""
        if distribution == UNLISTED:
            self.count, self.window, self.page = 1, SPACING, PAGE
        else:
            self.count, self.window, self.page = TIER_3_CALLS, TIER_3_WINDOW, TIER_3_PAGE
        if spacing is not None:
            self.count, self.window = 1, spacing

    @property
    def shared(self) -> bool:
        """Whether the window is kept in PostgreSQL for every process."""
        return self._database is not None

    def share(self, database: Database) -> None:
        """Keep the window in `database` for every process, if it is PostgreSQL."""
        self._database = database if database.is_postgres else None

    def enter(self, workspace: str, method: str) -> None:
        """Count a call of `method` in `workspace` now, or after a short wait (as a short
        429 is waited out, `bot/slack/client.py`); else raise `HeldBackError` with the
        seconds left to wait."""
        wait = self._take(workspace, method)
        if 0 < wait <= SHORT_WAIT_SECONDS:
            self.sleep(wait)
            wait = self._take(workspace, method)
        if wait > 0:
            raise HeldBackError(wait)

    def _take(self, workspace: str, method: str) -> float:
        """Count a call now and return 0.0, or return how long until one may go."""
        if self._database is not None:
            return pace.take_free_slot(self._database, self._slots(workspace, method), self.window)
        with self._lock:
            now = self.clock()
            key = (workspace, method)
            calls = self._calls.setdefault(key, deque())
            while calls and calls[0] <= now - self.window:
                calls.popleft()
            wait = self._held.get(key, now) - now
            if len(calls) >= self.count:
                wait = max(wait, calls[-self.count] + self.window - now)
            if wait <= 0:
                calls.append(now)
            return max(wait, 0.0)

    def hold(self, workspace: str, method: str, seconds: float) -> None:
        """Slack answered a read with a 429: no call of `method` in `workspace` before
        `seconds` have passed."""
        if self._database is not None:
            pace.hold(self._database, self._slots(workspace, method), seconds)
            return
        with self._lock:
            self._held[(workspace, method)] = self.clock() + seconds

    def _slots(self, workspace: str, method: str) -> list[str]:
        return [f"history:{workspace}:{method}:{n}"[-80:] for n in range(self.count)]

    def forget(self) -> None:
        """No call remembered, Slack's limits and the process's own clock (for tests)."""
        with self._lock:
            self._calls.clear()
            self._held.clear()
        self.clock = time.monotonic
        self.follow(UNLISTED)
        self._database = None


GATE = ReadGate()


def workspace_of(client: WebClient, channel: str) -> str:
    """The workspace a read of `channel` goes to: the routed one in distributed mode."""
    if isinstance(client, InstallationClient):
        return client.workspace_of(channel) or ONE_WORKSPACE
    return ONE_WORKSPACE


@contextmanager
def _gated(client: WebClient, channel: str, method: str) -> Iterator[None]:
    """One read of `method` within the gate; a 429 on it holds the method's next read."""
    workspace = workspace_of(client, channel)
    GATE.enter(workspace, method)
    try:
        yield
    except SlackApiError as error:
        if error.response.status_code == 429:
            retry_after = error.response.headers.get("Retry-After", SPACING)
            GATE.hold(workspace, method, float(retry_after or SPACING))
        raise


def find_tagged(
    client: WebClient, channel: str, event_type: str, key: str, value: int, limit: int = PAGE
) -> str | None:
    """The ts of the newest message in `channel` tagged `event_type` with `key` = `value`."""
    with _gated(client, channel, HISTORY):
        history = client.conversations_history(
            channel=channel, limit=min(limit, GATE.page), include_all_metadata=True
        )
    return _tagged(history.get("messages") or [], event_type, key, value)


def find_tagged_reply(
    client: WebClient, channel: str, thread_ts: str, event_type: str, key: str, value: int
) -> str | None:
    """The ts of a reply in the thread of `thread_ts` tagged `event_type` with `key` = `value`."""
    with _gated(client, channel, REPLIES):
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
