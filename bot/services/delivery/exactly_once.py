"""The steps every sender shares to land a message exactly once.

A message that must land once is posted tagged with its row's id and without blind
retries (`post_tagged`); after an uncertain end it is looked for by that tag before any
second try (`look_for`). Any failure of a try is read as an outcome (`outcome_of`); the
outbox (`outbox.py`) decides what follows.
"""

from __future__ import annotations

from bot.domain.outcomes import MessengerError, Outcome
from bot.services.messenger import Blocks, Messenger, Posted, Tag


def outcome_of(error: Exception) -> Outcome:
    """What a failed try means for its item: the messenger's outcome, or, for anything
    else (a database error, a bug), an uncertain end named after the exception."""
    if isinstance(error, MessengerError):
        return error.outcome
    return Outcome("uncertain", type(error).__name__[:48] or "error")


def post_tagged(
    messenger: Messenger,
    channel: str,
    text: str,
    blocks: Blocks | None = None,
    *,
    tag: Tag,
    thread_ts: str | None = None,
) -> Posted:
    """Post a message that must land once, tagged so that a later look can find it."""
    return messenger.post(
        channel, text, blocks, tag=tag, thread_ts=thread_ts, exactly_once=True, paced=True
    )


def look_for(
    messenger: Messenger, channel: str, tag: Tag, thread_ts: str | None = None
) -> str | None:
    """The ts of the tagged message (a reply in the thread of `thread_ts` when given), or None."""
    if thread_ts is not None:
        return messenger.find_tagged_reply(channel, thread_ts, tag)
    return messenger.find_tagged(channel, tag)
