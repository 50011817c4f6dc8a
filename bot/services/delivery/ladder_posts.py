"""Send the ladder's queued posts (re-raises in a thread, escalation DMs), each once.

A post is claimed before it is sent and tagged with its id; after an uncertain outcome
it is looked for by that tag (in the thread, or in the sponsor's DM) before any second
try, and given up `POST_DEADLINE` after it was queued. A claim keeps a check time, so a post
whose sender died is looked for and settled the same way, never lost or sent twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.domain.retries import BASE
from bot.services.delivery.alert_posts import POST_DEADLINE
from bot.services.delivery.exactly_once import look_for, outcome_of, post_tagged, wait_after
from bot.services.messenger import Messenger, Tag
from storage import ladder as queries
from storage.db import Database
from storage.models import LadderPost

logger = logging.getLogger(__name__)
LADDER_EVENT = "rapport_ladder"
LEASE = timedelta(minutes=5)
"""How long a claimed post is left to its sender before another clock checks it."""


def send_ladder_posts(
    database: Database,
    messenger: Messenger,
    now: datetime,
    retry_base: timedelta = BASE,
    lease: timedelta = LEASE,
) -> int:
    """Send every due ladder post; returns how many were sent (or found already sent)."""
    with database.reading() as session:
        due = queries.due(session, now)
    sent = 0
    for post_id, when in due:
        with database.unit_of_work() as session:
            if not queries.claim(session, post_id, when, now + lease):
                continue
            post = session.get_one(LadderPost, post_id)
            # Claimed from `sending`: an earlier try may have landed, or its sender died.
            looked_for = post.error or ("unsettled" if when is not None else None)
            item = (post.kind, post.recipient, post.thread_ts, post.text, looked_for)
            created, attempts = post.created_at, post.attempts
        try:
            sent += _send_one(database, messenger, post_id, item)
        except Exception as error:
            outcome = outcome_of(error)
            reason, status, retry_at = outcome.reason, "sending", None
            if outcome.kind == "refused":
                status = "failed"
            elif now - created >= POST_DEADLINE:
                reason, status = f"gave up: {reason}", "failed"
            else:
                # A 429 or a hold on the history read: not before Slack allows the next.
                retry_at = now + wait_after(outcome, attempts + 1, retry_base)
            with database.unit_of_work() as session:
                queries.settle(session, post_id, status=status, error=reason, retry_at=retry_at)
            logger.warning("ladder post %s: %s (%s)", post_id, outcome.kind, outcome.reason)
    return sent


def _send_one(
    database: Database,
    messenger: Messenger,
    post_id: int,
    item: tuple[str, str, str | None, str, str | None],
) -> int:
    kind, recipient, thread_ts, text, earlier_error = item
    channel = messenger.open_dm(recipient) if kind == "escalation" else recipient
    tag = Tag(LADDER_EVENT, "post", post_id)
    found = None
    if earlier_error is not None:  # the last try may have landed: look before sending again
        found = look_for(messenger, channel, tag, thread_ts)
    if found is None:
        found = post_tagged(messenger, channel, text, tag=tag, thread_ts=thread_ts).ts
    with database.unit_of_work() as session:
        queries.settle(session, post_id, status="sent", ts=found)
    return 1
