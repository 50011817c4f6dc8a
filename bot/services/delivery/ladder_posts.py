"""Send the ladder's queued posts (re-raises in a thread, escalation DMs), each once.

A ladder post is one kind of the outbox (`outbox.py`): claimed with a lease, tagged with
its id, looked for (in the thread, or in the sponsor's DM) after an uncertain end before
any second try, and given up `POST_DEADLINE` after it was queued.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.retries import DEFAULT_TIMING, Timing
from bot.services.delivery.alert_posts import POST_DEADLINE
from bot.services.delivery.exactly_once import post_tagged
from bot.services.delivery.outbox import (
    Claimed,
    Ended,
    Landed,
    OutboxKind,
    Place,
    Result,
    landed,
    run,
)
from bot.services.messenger import Messenger, Tag
from storage import ladder as queries
from storage.db import Database
from storage.models import LadderPost

LADDER_EVENT = "rapport_ladder"


@dataclass(frozen=True, slots=True)
class LadderItem:
    kind: str
    recipient: str
    thread_ts: str | None
    text: str


def _claim(
    session: Session, post_id: int, seen: datetime | None, lease_until: datetime
) -> Claimed[LadderItem] | None:
    if not queries.claim(session, post_id, seen, lease_until):
        return None
    post = session.get_one(LadderPost, post_id)
    # Claimed from `sending`: an earlier try may have landed, or its sender died.
    look_first = post.error is not None or seen is not None
    item = LadderItem(post.kind, post.recipient, post.thread_ts, post.text)
    return Claimed(post_id, post.attempts + 1, post.created_at + POST_DEADLINE, look_first, item)


def _place(messenger: Messenger, claimed: Claimed[LadderItem]) -> Place:
    item = claimed.detail
    channel = messenger.open_dm(item.recipient) if item.kind == "escalation" else item.recipient
    return Place(channel, item.thread_ts)


def _post(messenger: Messenger, place: Place, tag: Tag, claimed: Claimed[LadderItem]) -> str:
    text = claimed.detail.text
    return post_tagged(messenger, place.channel, text, tag=tag, thread_ts=place.thread_ts).ts


def _settle(session: Session, claimed: Claimed[LadderItem], result: Result) -> None:
    if isinstance(result, Landed):
        queries.settle(session, claimed.id, status="sent", ts=result.ts)
    elif isinstance(result, Ended):
        queries.settle(session, claimed.id, status="failed", error=result.error)
    else:
        queries.settle(
            session, claimed.id, status="sending", error=result.error, retry_at=result.at
        )


LADDER_POSTS: OutboxKind[LadderItem] = OutboxKind(
    name="ladder post",
    tag=lambda claimed: Tag(LADDER_EVENT, "post", claimed.id),
    due=queries.due,
    claim=_claim,
    place=_place,
    post=_post,
    settle=_settle,
)


def send_ladder_posts(
    database: Database,
    messenger: Messenger,
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> int:
    """Send every due ladder post; returns how many were sent (or found already sent)."""
    return landed(run(database, messenger, LADDER_POSTS, now, timing))
