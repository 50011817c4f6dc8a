"""An in-memory Messenger and a small engagement, so the senders run in process.

The fake keeps every post, update and upload; `fail` makes the next call(s) of a method
raise a given `MessengerError`, and `landed=True` lets a failed post land all the same
(a timeout after Slack took it). A post to a person (`U…`) lands in their DM (`D…`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller, Person
from bot.services.delivery.pulse_dms import deliver
from bot.services.engagements import add_people, set_up
from bot.services.messenger import Blocks, Posted, Tag
from bot.services.pulses import open_pulse, record_answer
from storage.db import Database

NOW = datetime(2031, 1, 6, 9, 0, tzinfo=UTC)
LEAD = "U0LEAD"
CHANNEL = "C0ALERTS"
CLIENTS = ("U0CLI1", "U0CLI2", "U0CLI3")
PROVIDERS = ("U0PRO1", "U0PRO2", "U0PRO3")
TEAM = "T0RAPPORT"


@dataclass(frozen=True, slots=True)
class Message:
    channel: str
    text: str
    ts: str
    tag: Tag | None = None
    thread_ts: str | None = None
    blocks: Blocks | None = None
    exactly_once: bool = False
    paced: bool = False


@dataclass(slots=True)
class FakeMessenger:
    messages: list[Message] = field(default_factory=list)
    updates: list[tuple[str, str, str]] = field(default_factory=list)
    uploads: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    _failures: dict[str, list[tuple[MessengerError, bool]]] = field(default_factory=dict)

    def fail(
        self, method: str, error: MessengerError, times: int = 1, landed: bool = False
    ) -> None:
        """The next `times` calls of `method` raise `error` (a post lands first if `landed`)."""
        self._failures.setdefault(method, []).extend([(error, landed)] * times)

    def _check(self, method: str) -> MessengerError | None:
        """Raise the failure queued for `method`, if any; the one to raise once the call
        has landed, for a failure that lands."""
        self.calls.append(method)
        queued = self._failures.get(method)
        if not queued:
            return None
        error, landed = queued.pop(0)
        if not landed:
            raise error
        return error

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
        after_landing = self._check("post")
        where = dm(channel) if channel.startswith("U") else channel
        ts = f"{1000 + len(self.messages)}.000100"
        self.messages.append(Message(where, text, ts, tag, thread_ts, blocks, exactly_once, paced))
        if after_landing is not None:
            raise after_landing
        return Posted(where, ts)

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> None:
        self._check("update")
        self.updates.append((channel, ts, text))

    def open_dm(self, user_id: str) -> str:
        self._check("open_dm")
        return dm(user_id)

    def find_tagged(self, channel: str, tag: Tag, *, limit: int = 15) -> str | None:
        self._check("find_tagged")
        found = [m.ts for m in self.messages if m.channel == channel and m.tag == tag]
        return found[-1] if found else None

    def find_tagged_reply(self, channel: str, thread_ts: str, tag: Tag) -> str | None:
        self._check("find_tagged_reply")
        found = [
            m.ts
            for m in self.messages
            if m.channel == channel and m.thread_ts == thread_ts and m.tag == tag
        ]
        return found[-1] if found else None

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
        self._check("upload")
        self.uploads.append((channel, {"filename": filename, "title": title, "file": file}))

    def publish_home(self, user_id: str, view: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def open_form(self, trigger_id: str, view: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def person(self, user_id: str, default_team: str) -> Any:
        raise NotImplementedError

    def is_in_channel(self, channel: str, user_id: str) -> bool:
        raise NotImplementedError

    def to(self, channel: str) -> list[Message]:
        """The messages in a channel (a person's DM for a user id)."""
        where = dm(channel) if channel.startswith("U") else channel
        return [m for m in self.messages if m.channel == where]


def dm(user_id: str) -> str:
    """The fake's DM channel with a person."""
    return "D" + user_id[1:]


def engagement_with_pulse(database: Database, sponsor: str | None = None) -> int:
    """The Acme deal (three people a side, alerts in C0ALERTS) with a pulse just opened."""
    with database.unit_of_work() as session:
        engagement = set_up(
            session,
            Caller(TEAM, LEAD),
            name="Acme deal",
            client="Acme",
            provider="Globex",
            channel=CHANNEL,
        )
        for side, users in (("client", CLIENTS), ("provider", PROVIDERS)):
            people = [Person(u, TEAM) for u in users]
            add_people(session, engagement, people, side=side, role=None, weight=None)
        if sponsor is not None:
            people = [Person(sponsor, TEAM)]
            add_people(session, engagement, people, side="client", role="sponsor", weight=None)
        return open_pulse(session, engagement, started_by="test", now=NOW).id


def sent_pulse(database: Database, messenger: FakeMessenger, sponsor: str | None = None) -> int:
    """`engagement_with_pulse` with every DM delivered through `messenger`."""
    pulse_id = engagement_with_pulse(database, sponsor)
    result = deliver(database, messenger, pulse_id, lambda: NOW)
    assert result.sent == len(CLIENTS) + len(PROVIDERS) + 1
    return pulse_id


def answered(database: Database, pulse_id: int, client: list[int], provider: list[int]) -> None:
    """Each side's ratings, in the order of CLIENTS and PROVIDERS."""
    with database.unit_of_work() as session:
        for users, ratings in ((CLIENTS, client), (PROVIDERS, provider)):
            for user, rating in zip(users, ratings, strict=True):
                record_answer(
                    session, pulse_id=pulse_id, team_id=TEAM, user_id=user, now=NOW, rating=rating
                )
