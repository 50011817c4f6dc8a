"""Random faults for the Slack stand-in, drawn from a fixed seed: hangs, resets, 429s, 5xx."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from tests.support.slack_api import Fault

# Every Web API method Rapport calls to reach people or its channel.
OUTBOUND = frozenset(
    {
        "chat.postMessage",
        "chat.update",
        "response_url",  # a pulse DM's redraw after a tap
        "chat.postEphemeral",
        "conversations.history",
        "conversations.members",
        "conversations.open",
        "users.info",
        "views.open",
        "views.publish",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
    }
)
KINDS = ("hang", "hang after landing", "reset", "reset after landing", "429", "500", "503")


@dataclass
class RandomFaults:
    """Answer a share of calls with a random fault instead of success.

    A hang outlasts the client's timeout; "after landing" means the call took effect
    before the connection went quiet, so the caller cannot tell whether it did. Called by
    the stand-in under its lock, so one seed gives one sequence of faults.
    """

    seed: int
    rate: float
    hang_seconds: float
    methods: frozenset[str] = OUTBOUND
    injected: Counter[str] = field(default_factory=Counter)
    enabled: bool = True

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def __call__(self, method: str) -> Fault | None:
        if not self.enabled or method not in self.methods or self._random.random() >= self.rate:
            return None
        kind = self._random.choice(KINDS)
        self.injected[kind] += 1
        landed = kind.endswith("after landing")
        if kind.startswith("hang"):
            return Fault(method, None, drop="hang", seconds=self.hang_seconds, landed=landed)
        if kind.startswith("reset"):
            return Fault(method, None, drop="reset", landed=landed)
        if kind == "429":
            return Fault(method, None, status=429, error="ratelimited", retry_after=1)
        return Fault(method, None, status=int(kind))
