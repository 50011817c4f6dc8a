"""A claim kept through a wait: the lease of an item being sent is renewed when its sender
has waited long enough for it to matter, so that no other process presumes the item
orphaned while it still goes.

A claim's lease covers a look and a post (`STALE_SENDING_SECONDS` is more than twice
`SLACK_TIMEOUT_SECONDS`); what it does not cover is a wait: a 429 waited out in place,
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

# A paced post that waited this long for its turn renews its claim before it goes; a
# shorter wait is inside the second the lease keeps beyond a look and a post.
RENEW_AFTER_WAIT_SECONDS = 0.5


def renew(
    database: Database,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    now: datetime,
    waited: float,
) -> bool:
    """Renew the claim after a wait of `waited` seconds; False when another process has
    taken the item since. A kind that does not renew keeps the lease it took."""
    if kind.renew is None:
        return True
    with database.unit_of_work() as session:
        return kind.renew(session, claimed, now, timedelta(seconds=waited))


def still_ours(
    database: Database,
    kind: OutboxKind[Detail],
    claimed: Claimed[Detail],
    now: Callable[[], datetime],
) -> Callable[[float], bool]:
    """What a paced post of `claimed` calls when its turn comes (`messenger.renewing`),
    with how long it waited: True to go."""

    def go(waited: float) -> bool:
        return waited < RENEW_AFTER_WAIT_SECONDS or renew(database, kind, claimed, now(), waited)

    return go
