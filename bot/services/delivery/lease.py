"""A claim kept through a wait: the lease of an item being sent is renewed when its sender
has waited long enough for it to matter, so that no other process presumes the item
orphaned while it still goes.

A claim's lease covers a look and a post (`STALE_SENDING_SECONDS` is at least three
times `SLACK_TIMEOUT_SECONDS`); what it does not cover is a wait: a 429 waited out in place,
or a post's turn in the workspace's pace (another process's 429, a crowded round). After
either, the sender renews its claim (the kind's `renew`), and does not post when
another process has taken the item over since.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from storage.db import Database

if TYPE_CHECKING:
    from bot.services.delivery.outbox import Claimed, Detail, OutboxKind

# At the least, a paced post that waited this long for its turn renews its claim first.
RENEW_AFTER_WAIT_SECONDS = 0.5


def renew_after(lease: timedelta) -> float:
    """How long a paced post may wait for its turn before it renews its claim: a sixth of
    the lease, at least `RENEW_AFTER_WAIT_SECONDS`. The lease is at least three Slack
    timeouts (checked at start), so a look, such a wait and a post end by five sixths of
    it, the rest left for the bookkeeping. With the defaults (45 s, 15 s) a post renews
    only after 7.5 s in the pace, so a crowded round renews none."""
    return max(RENEW_AFTER_WAIT_SECONDS, lease.total_seconds() / 6)


def renew(
    database: Database,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    now: datetime,
    waited: float,
) -> bool:
    """Renew the claim after a wait of `waited` seconds; False when another process has
    taken the item since, or the kind cannot renew its claims."""
    if kind.renew is None:
        return False
    with database.unit_of_work() as session:
        return kind.renew(session, claimed, now, timedelta(seconds=waited))


def still_ours(
    database: Database,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    now: Callable[[], datetime],
    after: float = RENEW_AFTER_WAIT_SECONDS,
) -> Callable[[float], bool]:
    """What a paced post of `claimed` calls when its turn comes (`messenger.renewing`),
    with how long it waited: True to go. A wait of `after` seconds or more renews the
    claim; a kind that cannot renew does not post after such a wait (its claim may have
    lapsed): the item is looked for once its lease has passed, as a dead sender's is."""

    def go(waited: float) -> bool:
        if waited < after:
            return True
        return kind.renew is not None and renew(database, kind, claimed, now(), waited)

    return go
