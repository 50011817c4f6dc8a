"""An in-memory `Messenger` for tests of use cases: records what they send, fails on demand.

It holds what Slack would know (people, channel members, the messages posted) and answers
as the Slack adapter does, including its failures: `fail("post", "uncertain")` makes the
next post raise `UncertainError`, as a timeout would through `SlackMessenger`.
"""

from __future__ import annotations

import itertools
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast

from slack_sdk import WebClient

from bot.domain.outcomes import Kind, Outcome, failure
from bot.domain.people import Caller, Person
from bot.domain.vocabulary import utcnow
from bot.services.engagements import add_people, set_up
from bot.services.messenger import Blocks, Messenger, Posted, Tag
from bot.wiring.container import Container
from bot.wiring.settings import ProcessSettings
from storage.db import Database
from tests.support.keys import TEST_KEY

Method = Literal[
    "post",
    "update",
    "open_dm",
    "find_tagged",
    "find_tagged_reply",
    "upload",
    "publish_home",
    "open_form",
    "person",
    "is_in_channel",
]
USER_NOT_FOUND = frozenset({"user_not_found", "users_not_found"})
TEAM = "T0RAPPORT"
LEAD = "U0LEAD"
CHANNEL = "C0ALERTS"


@dataclass(frozen=True, slots=True)
class Post:
    """A message as it was posted (and, after `update`, as it reads now)."""

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None = None
    tag: Tag | None = None
    thread_ts: str | None = None
    exactly_once: bool = False
    paced: bool = False


@dataclass(frozen=True, slots=True)
class Update:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None = None


@dataclass(frozen=True, slots=True)
class Upload:
    channel: str
    filename: str
    title: str
    content: str | None = None
    file: bytes | None = None
    alt_text: str | None = None


@dataclass(frozen=True, slots=True)
class Home:
    user_id: str
    view: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Form:
    trigger_id: str
    view: dict[str, Any]


@dataclass(slots=True)
class Failure:
    """The outcome a call to `method` (for `target`, or any) ends with, `times` more times."""

    method: Method
    outcome: Outcome
    target: str | None = None
    times: int | None = 1
    landed: bool = False
    """The call took effect before it failed (a post that timed out after Slack kept it)."""

    def matches(self, method: str, target: str) -> bool:
        return (
            self.method == method
            and (self.target is None or self.target == target)
            and (self.times is None or self.times > 0)
        )


def dm_of(user_id: str) -> str:
    """The DM channel Slack gives the bot with a person ("U0ANA" → "D0ANA")."""
    return "D" + user_id[1:] if user_id[:1] in ("U", "W") else user_id


@dataclass
class FakeMessenger:
    """`Messenger` in memory. Tests read `posts`, `updates`, `uploads`, `homes`, `forms`,
    `calls`."""

    people: dict[str, Person] = field(default_factory=dict)
    """Who Slack knows; anyone else is `user_not_found`."""
    members: dict[str, set[str]] = field(default_factory=dict)
    """Channel → its members; a channel not held is `channel_not_found`."""
    posts: list[Post] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    homes: list[Home] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    calls: list[tuple[Method, str]] = field(default_factory=list)
    """Every call, failed or not, in order: the method and the channel or person it was for."""
    failures: list[Failure] = field(default_factory=list)
    _ts: itertools.count[int] = field(
        default_factory=lambda: itertools.count(1), init=False, repr=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    # -- arranging ------------------------------------------------------------
    def add_person(self, user_id: str, team_id: str = TEAM, **about: Any) -> Person:
        """Someone Slack knows (time zone, locale, bot or deleted as `about` says)."""
        person = Person(user_id, team_id, **about)
        self.people[user_id] = person
        return person

    def fail(
        self,
        method: Method,
        kind: Kind,
        reason: str | None = None,
        *,
        target: str | None = None,
        times: int | None = 1,
        retry_after: float = 30.0,
        landed: bool = False,
    ) -> None:
        """Make the next `times` calls to `method` (for `target`, else any) end as `kind`.

        `times=None` fails every such call from now on; `landed=True` lets a post take
        effect before it fails, as a timeout after Slack kept the message does.
        """
        default = {"rate_limited": "ratelimited", "refused": "refused", "uncertain": "timeout"}
        outcome = Outcome(
            kind, reason or default[kind], retry_after if kind == "rate_limited" else 0
        )
        self.failures.append(Failure(method, outcome, target, times, landed))

    # -- reading --------------------------------------------------------------
    def posted_to(self, channel: str) -> list[Post]:
        """Messages in `channel` (a person's id means their DM), oldest first."""
        return [p for p in self.posts if p.channel == dm_of(channel)]

    def methods(self) -> list[Method]:
        """The methods called, failed or not, in order."""
        return [method for method, _ in self.calls]

    def texts(self) -> list[str]:
        return [p.text for p in self.posts]

    def message(self, channel: str, ts: str) -> Post | None:
        """The message at (`channel`, `ts`) as it reads now."""
        return next((p for p in self.posts if (p.channel, p.ts) == (channel, ts)), None)

    # -- Messenger --------------------------------------------------------------
    def _enter(self, method: Method, target: str) -> Failure | None:
        """Record the call; the failure it ends with, if one was arranged."""
        with self._lock:
            self.calls.append((method, target))
            for arranged in self.failures:
                if arranged.matches(method, target):
                    if arranged.times is not None:
                        arranged.times -= 1
                    return arranged
        return None

    def _raise_unless_landed(self, method: Method, target: str) -> Callable[[], None]:
        """Raise now for a failure that did not land; otherwise what raises after the effect."""
        arranged = self._enter(method, target)
        if arranged is None:
            return lambda: None
        error = failure(arranged.outcome)
        if not arranged.landed:
            raise error

        def after() -> None:
            raise error

        return after

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
        then = self._raise_unless_landed("post", channel)
        where = dm_of(channel)
        ts = f"{1_700_000_000 + next(self._ts)}.000100"
        drawn = None if blocks is None else [dict(b) for b in blocks]
        with self._lock:
            self.posts.append(Post(where, ts, text, drawn, tag, thread_ts, exactly_once, paced))
        then()
        return Posted(where, ts)

    def update(self, channel: str, ts: str, text: str, blocks: Blocks | None = None) -> None:
        then = self._raise_unless_landed("update", channel)
        drawn = None if blocks is None else [dict(b) for b in blocks]
        with self._lock:
            self.updates.append(Update(channel, ts, text, drawn))
            for number, post in enumerate(self.posts):
                if (post.channel, post.ts) == (channel, ts):
                    self.posts[number] = Post(
                        channel,
                        ts,
                        text,
                        drawn,
                        post.tag,
                        post.thread_ts,
                        post.exactly_once,
                        post.paced,
                    )
        then()

    def open_dm(self, user_id: str) -> str:
        self._raise_unless_landed("open_dm", user_id)()
        return dm_of(user_id)

    def find_tagged(self, channel: str, tag: Tag, *, limit: int = 15) -> str | None:
        self._raise_unless_landed("find_tagged", channel)()
        newest = list(reversed(self.posted_to(channel)))[:limit]
        return next((p.ts for p in newest if p.tag == tag), None)

    def find_tagged_reply(self, channel: str, thread_ts: str, tag: Tag) -> str | None:
        self._raise_unless_landed("find_tagged_reply", channel)()
        thread = [p for p in self.posted_to(channel) if p.thread_ts == thread_ts]
        return next((p.ts for p in thread if p.tag == tag), None)

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
        then = self._raise_unless_landed("upload", channel)
        with self._lock:
            self.uploads.append(Upload(channel, filename, title, content, file, alt_text))
        then()

    def publish_home(self, user_id: str, view: Mapping[str, Any]) -> None:
        then = self._raise_unless_landed("publish_home", user_id)
        with self._lock:
            self.homes.append(Home(user_id, dict(view)))
        then()

    def open_form(self, trigger_id: str, view: Mapping[str, Any]) -> None:
        then = self._raise_unless_landed("open_form", trigger_id)
        with self._lock:
            self.forms.append(Form(trigger_id, dict(view)))
        then()

    def person(self, user_id: str, default_team: str) -> Person:
        # As the adapter: Slack's silence is a person not known to exist, with the reason.
        arranged = self._enter("person", user_id)
        if arranged is not None:
            reason = arranged.outcome.reason
            if reason in USER_NOT_FOUND:
                return Person(user_id, default_team, exists=False)
            return Person(user_id, default_team, exists=False, unknown_because=reason)
        return self.people.get(user_id) or Person(user_id, default_team, exists=False)

    def is_in_channel(self, channel: str, user_id: str) -> bool:
        self._raise_unless_landed("is_in_channel", channel)()
        members = self.members.get(channel)
        if members is None:
            raise failure(Outcome("refused", "channel_not_found"))
        return user_id in members


class NoWebClient:
    """Stands where a container's Web API client would: a use case must not touch it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"a use case reached past the Messenger: client.{name}")


@dataclass(frozen=True, slots=True)
class FakeContainer(Container):
    """A `Container` whose `messenger` is a `FakeMessenger` and whose client cannot be used."""

    fake: FakeMessenger = field(default_factory=FakeMessenger)

    @property
    def messenger(self) -> Messenger:
        return self.fake


@contextmanager
def fake_container(
    sqlite_template: Path,
    directory: Path,
    fake: FakeMessenger,
    now: Callable[[], datetime] = utcnow,
) -> Iterator[FakeContainer]:
    """A container on a fresh copy of the migrated SQLite file that reaches Slack only
    through `fake`: a use case runs in process, in milliseconds."""
    path = directory / "rapport.db"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite:///{path}", TEST_KEY)
    settings = ProcessSettings(slack_bot_token="xoxb-fake", database_url=database.url)
    try:
        yield FakeContainer(settings, database, cast(WebClient, NoWebClient()), now, fake=fake)
    finally:
        database.dispose()


def engagement(
    container: Container,
    *,
    name: str = "Acme deal",
    lead: str = LEAD,
    channel: str = CHANNEL,
    people: Mapping[str, Sequence[str]] | None = None,
    sponsors: Sequence[str] = (),
) -> int:
    """An engagement led by `lead` with `people` by side ("client"/"provider"); its id."""
    with container.database.unit_of_work() as session:
        made = set_up(
            session,
            Caller(TEAM, lead),
            name=name,
            client="Acme",
            provider="Globex",
            channel=channel,
        )
        for side, users in (people or {}).items():
            found = [Person(user, TEAM) for user in users]
            add_people(session, made, found, side=side, role=None, weight=None)
        backers = [Person(user, TEAM) for user in sponsors]
        add_people(session, made, backers, side="client", role="sponsor", weight=None)
        return made.id
