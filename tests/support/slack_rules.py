"""Slack's rules for a bot token, as the stand-in enforces them: scopes and rate-limit tiers.

Each entry names its source in Slack's method reference (docs.slack.dev/reference/methods/…)
or its rate-limit page (docs.slack.dev/apis/web-api/rate-limits). Limits apply per method
per workspace per app; chat.postMessage's also per channel. The stand-in reads time from a
clock the harness may speed up, so a test can live through minutes of Slack's limits in
a fraction of a second without changing the numbers.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"
REFERENCE = "https://docs.slack.dev/reference/methods/"
RATE_LIMITS = "https://docs.slack.dev/apis/web-api/rate-limits"
CHANGELOG_2025_05_29 = (
    "https://docs.slack.dev/changelog/2025/05/29/rate-limit-changes-for-non-marketplace-apps"
)

Kind = Literal["public", "private", "im", "mpim"]
# conversations.* and the scope family each conversation type needs (method reference,
# "Required scopes" of every conversations.* method).
FAMILY: dict[Kind, str] = {"public": "channels", "private": "groups", "im": "im", "mpim": "mpim"}


def kind_of(conversation: str) -> Kind:
    """The type of a conversation from its id: D… is a DM, G… private, C… public.

    Users (U…/W…) addressed by chat.postMessage mean their DM with the bot.
    """
    first = conversation[:1]
    if first in ("D", "U", "W"):
        return "im"
    if first == "G":
        return "private"
    return "public"


@dataclass(frozen=True)
class MethodRule:
    """What one Web API method needs from a bot token and how often it may be called."""

    scopes: tuple[str, ...] = ()
    """Scopes needed whatever the conversation (all of them)."""
    per_kind: str | None = None
    """For conversations.*: the scope suffix each conversation type needs (`history` →
    `channels:history` for a public channel, `groups:history` for a private one …)."""
    tier: int | str = 3
    source: str = ""

    def needed(self, conversation: str | None) -> tuple[str, ...]:
        if self.per_kind is None:
            return self.scopes
        kind = kind_of(conversation or "C")
        return (*self.scopes, f"{FAMILY[kind]}:{self.per_kind}")


METHODS: dict[str, MethodRule] = {
    "auth.test": MethodRule(tier="special", source=REFERENCE + "auth.test"),
    "auth.teams.list": MethodRule(tier=2, source=REFERENCE + "auth.teams.list"),
    "oauth.v2.access": MethodRule(tier=4, source=REFERENCE + "oauth.v2.access"),
    "chat.postMessage": MethodRule(
        ("chat:write",), tier="post", source=REFERENCE + "chat.postMessage"
    ),
    "chat.postEphemeral": MethodRule(
        ("chat:write",), tier="post", source=REFERENCE + "chat.postEphemeral"
    ),
    "chat.update": MethodRule(("chat:write",), tier=3, source=REFERENCE + "chat.update"),
    "conversations.open": MethodRule(
        per_kind="write", tier=3, source=REFERENCE + "conversations.open"
    ),
    "conversations.info": MethodRule(
        per_kind="read", tier=3, source=REFERENCE + "conversations.info"
    ),
    "conversations.members": MethodRule(
        per_kind="read", tier=4, source=REFERENCE + "conversations.members"
    ),
    "conversations.history": MethodRule(
        per_kind="history", tier="history", source=REFERENCE + "conversations.history"
    ),
    "conversations.replies": MethodRule(
        per_kind="history", tier="history", source=REFERENCE + "conversations.replies"
    ),
    "users.info": MethodRule(("users:read",), tier=4, source=REFERENCE + "users.info"),
    "views.open": MethodRule(tier=4, source=REFERENCE + "views.open"),
    "views.publish": MethodRule(tier=4, source=REFERENCE + "views.publish"),
    "views.update": MethodRule(tier=4, source=REFERENCE + "views.update"),
    "files.getUploadURLExternal": MethodRule(
        ("files:write",), tier=4, source=REFERENCE + "files.getUploadURLExternal"
    ),
    "files.completeUploadExternal": MethodRule(
        ("files:write",), tier=4, source=REFERENCE + "files.completeUploadExternal"
    ),
}

# Calls per minute each tier allows (RATE_LIMITS: "Tier 1: 1+ per minute" …). "special"
# (auth.test) is documented as thousands an hour: treated as Tier 4 here.
PER_MINUTE: dict[int | str, int] = {1: 1, 2: 20, 3: 50, 4: 100, "special": 100}
# conversations.history/replies for apps distributed outside the Marketplace ("unlisted"):
# 1 a minute, pages of at most 15 (CHANGELOG_2025_05_29). Internal apps (a company's own,
# for its own workspace) and Marketplace apps keep Tier 3 for both (RATE_LIMITS and the
# same changelog).
HISTORY_PER_MINUTE = 1
HISTORY_PAGE = 15
# chat.postMessage (RATE_LIMITS, "Posting messages"): 1 per second per channel, short
# bursts allowed (here: up to 5 at once), under a workspace-wide limit of "several
# hundred" a minute (here: 300).
POST_BURST, POST_INTERVAL, POSTS_PER_MINUTE = 5, 1.0, 300


def manifest_scopes(path: Path = MANIFEST) -> frozenset[str]:
    """The bot scopes manifest.yml asks for: exactly what an installed bot token holds."""
    block = path.read_text().split("    bot:\n", 1)[1]
    listed: list[str] = []
    for line in block.splitlines():
        found = re.match(r"^      - ([a-z:.]+)", line)
        if not found:
            break
        listed.append(found.group(1))
    return frozenset(listed)


@dataclass
class Window:
    """At most `count` calls in any `seconds` (Slack seconds, from the stand-in's clock)."""

    count: int
    seconds: float
    calls: deque[float] = field(default_factory=deque)

    def admit(self, now: float) -> float:
        """0 and the call is counted, or how long until one more would be admitted."""
        while self.calls and now - self.calls[0] >= self.seconds:
            self.calls.popleft()
        if len(self.calls) >= self.count:
            return self.seconds - (now - self.calls[0])
        self.calls.append(now)
        return 0.0


@dataclass
class Bucket:
    """A token bucket: `burst` calls at once, then one every `interval` seconds."""

    burst: int
    interval: float
    next_free: float = float("-inf")

    def admit(self, now: float) -> float:
        earliest = self.next_free - (self.burst - 1) * self.interval
        if now < earliest:
            return earliest - now
        self.next_free = max(self.next_free, now) + self.interval
        return 0.0

    def take_back(self) -> None:
        self.next_free -= self.interval


@dataclass
class Limits:
    """Slack's per-method, per-workspace tiers for an app distributed as `distribution`:
    `unlisted` has the history limit, `internal` and `marketplace` do not."""

    distribution: Literal["unlisted", "internal", "marketplace"] = "unlisted"
    # The workspace-wide post limit; a bench of a larger workspace raises it.
    posts_per_minute: int = POSTS_PER_MINUTE
    windows: dict[tuple[object, ...], Window] = field(default_factory=dict)
    buckets: dict[tuple[str, str], Bucket] = field(default_factory=dict)

    def _window(self, key: tuple[str, ...], count: int, seconds: float) -> Window:
        return self.windows.setdefault((*key, count, seconds), Window(count, seconds))

    def retry_after(
        self, workspace: str, method: str, channel: str | None, now: float
    ) -> float | None:
        """None when the call may go; else the seconds until Slack would take it."""
        rule = METHODS.get(method, MethodRule())
        if rule.tier == "post":
            bucket = self.buckets.setdefault(
                (workspace, channel or ""), Bucket(POST_BURST, POST_INTERVAL)
            )
            if wait := bucket.admit(now):
                return wait
            wait = self._window((workspace, method), self.posts_per_minute, 60.0).admit(now)
            if wait:
                bucket.take_back()  # a refused call counts against nothing
        elif rule.tier == "history" and self.distribution == "unlisted":
            wait = self._window((workspace, method), HISTORY_PER_MINUTE, 60.0).admit(now)
        else:
            tier = 3 if rule.tier == "history" else rule.tier
            wait = self._window((workspace, method), PER_MINUTE[tier], 60.0).admit(now)
        return wait or None

    def page_limit(self, method: str) -> int | None:
        """The largest page conversations.history/replies returns, or None when unlimited."""
        if METHODS.get(method, MethodRule()).tier == "history" and self.distribution == "unlisted":
            return HISTORY_PAGE
        return None


def missing_scope(
    method: str, conversation: str | None, granted: frozenset[str]
) -> dict[str, object] | None:
    """Slack's answer when the token lacks a scope `method` needs, else None."""
    rule = METHODS.get(method)
    if rule is None:
        return None
    needed = [s for s in rule.needed(conversation) if s not in granted]
    if not needed:
        return None
    return {
        "ok": False,
        "error": "missing_scope",
        "needed": ",".join(needed),
        "provided": ",".join(sorted(granted)),
    }
