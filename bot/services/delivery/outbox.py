"""One delivery loop for every message that must land once: claim, look, post, settle, retry.

Each kind of message (a pulse DM, a ladder post, a thread reminder, a digest, an alert
message) supplies only its queries and its calls as an `OutboxKind`; the loop is the
same for all:

1. take a due item with a conditional update that leaves a check time (a lease), so an
   item whose sender dies is checked again once the lease has passed;
2. after any uncertain end (an error recorded, or a claim taken again), look for the
   message by its tag before anything is posted;
3. post it, tagged with the item's id, without blind retries;
4. settle: landed (its ts), ended (Slack's refusal, or "gave up: <reason>" when the next
   try would fall past the kind's deadline), or to be tried again with backoff, never
   sooner than a 429's Retry-After.

A kind whose looks are paced by a slower tier than its posts (a pulse DM) makes step 2
a step of its own (`Look`), and its senders claim its posts in batches (`passes.py`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from bot.domain.outcomes import Outcome
from bot.domain.retries import Timing, backoff
from bot.services.delivery import lease
from bot.services.delivery.exactly_once import look_for, outcome_of
from bot.services.messenger import Messenger, Posted, Tag, TakenOverError, renewing
from storage.db import Database

logger = logging.getLogger(__name__)

Detail = TypeVar("Detail")


@dataclass(frozen=True, slots=True)
class Claimed(Generic[Detail]):
    """One item taken to deliver: what the loop needs of it, and what its kind keeps."""

    id: int
    attempt: int
    """This try's number: 1 for the first."""
    deadline: datetime | None
    """No try is planned at or past it: the item is given up instead."""
    look_first: bool
    """An earlier try may have landed (or its sender died): look before posting."""
    detail: Detail


@dataclass(frozen=True, slots=True)
class Place:
    """Where a message goes: a channel, and the thread in it when it is a reply."""

    channel: str
    thread_ts: str | None = None


@dataclass(frozen=True, slots=True)
class Landed:
    """The message is there at `ts`; None when the kind found nothing left to post."""

    ts: str | None
    channel: str | None = None
    """The conversation it is in, when its place did not name it (a DM posted to a person)."""


@dataclass(frozen=True, slots=True)
class Retry:
    """Not landed yet: why, and when to look and try again."""

    error: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Unsent(Retry):
    """Not posted, and not this sender's to record (the item was taken over, or its claim
    may have lapsed in a wait): nothing is written; the lease decides who goes next."""


@dataclass(frozen=True, slots=True)
class Ended:
    """Never to be tried again: Slack's refusal, or "gave up: <reason>" at the deadline."""

    error: str


Result = Landed | Retry | Ended


def _none_claimed(*_: object) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Look(Generic[Detail]):
    """A look as a step of its own: after an uncertain end, or once a claim's lease has
    passed, the item is taken for a look with a lease and settled as landed when found,
    or put back to be claimed and posted when not."""

    due: Callable[[Session, datetime, timedelta, int | None], Sequence[Claimed[Detail]]]
    """The items to look for now, as read (of one group, or of all with None); the
    `timedelta` is the lease after which a claim is presumed orphaned."""
    take: Callable[[Session, Claimed[Detail], datetime], bool]
    """Take an item read by `due` for the look, until the lease's end, only if it is still
    as it was read; False when another process has it or it has moved on."""
    place: Callable[[Messenger, Claimed[Detail]], Place]
    """Where to look (a DM's conversation, opened)."""
    release: Callable[[Session, Claimed[Detail]], None]
    """Not there: put the item back, to be claimed and posted at once."""


@dataclass(frozen=True, slots=True)
class OutboxKind(Generic[Detail]):
    """Everything one kind of message supplies to the loop.

    A kind whose claims are taken elsewhere (a weekly digest's claim is its row's
    insert) leaves out `due` and `claim` and hands each claim to `deliver`.
    """

    name: str
    """How the logs call an item of this kind."""
    tag: Callable[[Claimed[Detail]], Tag]
    place: Callable[[Messenger, Claimed[Detail]], Place]
    post: Callable[[Messenger, Place, Tag, Claimed[Detail]], str | Posted | None]
    """Post the tagged message; its ts (or where it landed, when its place was a person),
    or None when there is nothing to post any more."""
    settle: Callable[[Session, Claimed[Detail], Result], None]
    then: Callable[[Database, Messenger, Claimed[Detail], Place, Result], None] | None = None
    """What follows a settled try, outside its transaction (a chart, the leads told)."""
    due: Callable[[Session, datetime], Sequence[tuple[int, datetime | None]]] = lambda *_: ()
    """The items to deliver or check now: (id, the check time the claim must still find)."""
    claim: Callable[[Session, int, datetime | None, datetime], Claimed[Detail] | None] = (
        _none_claimed
    )
    """Take one due item until the lease's end, once; None if another process has it."""
    take_due: Callable[[Session, int, datetime, int], Sequence[Claimed[Detail]]] | None = None
    """A kind claimed in batches (`passes.py`): take up to that many due items of one
    group (a pulse's DMs) in one statement, each leased from that time."""
    renew: Callable[[Session, Claimed[Detail], datetime, timedelta], bool] | None = None
    """A kind that waits out a 429 in place renews its claim after the wait (given the
    time now and how long it waited), so the lease is fresh when the message goes; False
    when another process has taken the item since."""
    look: Look[Detail] | None = None
    """Its look as a step of its own (`passes.look`), for a kind whose looks are paced apart."""


def retry_or_end(
    outcome: Outcome, now: datetime, attempt: int, deadline: datetime | None, base: timedelta
) -> Retry | Ended:
    """Slack's refusal ends an item; anything else is tried again with backoff (never sooner
    than a 429 allows), and given up when that try would fall at or past the deadline."""
    if outcome.kind == "refused":
        return Ended(outcome.reason)
    at = now + max(backoff(attempt, base), timedelta(seconds=outcome.retry_after))
    if deadline is not None and at >= deadline:
        return Ended(f"gave up: {outcome.reason}")
    return Retry(outcome.reason, at)


def run(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    now: datetime,
    timing: Timing,
) -> list[Result]:
    """Deliver or check every due item of `kind`; how each claimed one ended. ``timing``:
    (the retry base, the lease a claim holds). Each item is claimed by one process."""
    results: list[Result] = []
    for item_id, seen in due_items(database, kind, now):
        result = deliver_one(database, messenger, kind, (item_id, seen), now, timing)
        if result is not None:
            results.append(result)
    return results


def due_items(
    database: Database, kind: OutboxKind[Detail], now: datetime
) -> Sequence[tuple[int, datetime | None]]:
    """The items of `kind` to deliver or check now: (id, the check time a claim must find)."""
    with database.reading() as session:
        return kind.due(session, now)


def deliver_one(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    item: tuple[int, datetime | None],
    now: datetime,
    timing: Timing,
) -> Result | None:
    """Claim one due item, (id, the check time read with it), and deliver it: what a
    worker's job does with one item. None when another process has it, or it is no
    longer due (a job run twice, or after its item was settled)."""
    retry_base, held_for = timing
    item_id, seen = item
    with database.unit_of_work() as session:
        claimed = kind.claim(session, item_id, seen, now + held_for)
    if claimed is None:
        return None
    after = lease.renew_after(held_for)
    return deliver(database, messenger, kind, claimed, (now, retry_base), after)


def landed(results: Sequence[Result | None]) -> int:
    """How many of `results` put a message in Slack (posted, or found already there)."""
    return sum(isinstance(r, Landed) and r.ts is not None for r in results)


def deliver(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    timing: tuple[datetime, timedelta],
    renew_after: float = lease.RENEW_AFTER_WAIT_SECONDS,
) -> Result:
    """Look (after an uncertain end), post, and settle one claimed item; how it ended. Any
    exception of a try is read as an outcome and recorded: one bad item never stops the loop."""
    now, retry_base = timing
    place, result = attempt(
        database, messenger, kind, claimed, (lambda: now, retry_base), renew_after
    )
    settle(database, messenger, kind, claimed, (place, result))
    return result


def settle(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    tried: tuple[Place, Result],
) -> None:
    """Record what a try did on the item, then what follows it outside that transaction."""
    place, result = tried
    if isinstance(result, Unsent):
        logger.info("%s %s: not sent here (%s)", kind.name, claimed.id, result.error)
        return
    with database.unit_of_work() as session:
        kind.settle(session, claimed, result)
    if kind.then is not None:
        kind.then(database, messenger, claimed, place, result)


def attempt(
    database: Database,
    messenger: Messenger,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    timing: tuple[Callable[[], datetime], timedelta],
    renew_after: float = lease.RENEW_AFTER_WAIT_SECONDS,
) -> tuple[Place, Result]:
    """Look (after an uncertain end) and post one claimed item; where, and how it ended.
    The clock is read at each step: a 429 waited out in place takes time, and a post
    that waits `renew_after` seconds or more for its turn renews its claim first."""
    now, retry_base = timing
    place = Place("")
    while True:
        posting = False
        try:
            place = kind.place(messenger, claimed)
            tag = kind.tag(claimed)
            found: str | Posted | None = None
            if claimed.look_first:
                found = look_for(messenger, place.channel, tag, place.thread_ts)
            if found is None:
                posting = True
                with renewing(lease.still_ours(database, kind, claimed, now, renew_after)):
                    found = kind.post(messenger, place, tag, claimed)
            if isinstance(found, Posted):
                return place, Landed(found.ts, found.channel)
            return place, Landed(found)
        except TakenOverError:
            lost = "taken over by another sender" if kind.renew else "waited past its lease"
            return place, Unsent(lost, now())
        except Exception as error:
            outcome = outcome_of(error)
            if posting and outcome.kind == "rate_limited" and kind.renew is not None:
                # Every sender is held for the Retry-After; this one waits it out and renews
                # its claim. (A look held back is tried later: history reads go by the minute.)
                time.sleep(outcome.retry_after)
                if lease.renew(database, kind, claimed, now(), outcome.retry_after):
                    continue
                return place, Unsent("taken over by another sender", now())
            logger.warning(
                "%s %s failed (%s): %s", kind.name, claimed.id, outcome.kind, outcome.reason
            )
            return place, retry_or_end(
                outcome, now(), claimed.attempt, claimed.deadline, retry_base
            )
