"""Send the queued thread reminders, each at most once, and settle every one.

Each reminder is claimed before it is sent and tagged with its delivery's id. A 429 holds
every sender for its Retry-After and the reminder goes at once after. Slack's refusal
ends it (`failed`); anything uncertain (a timeout, a reset, a 5xx) is looked for in the
DM's thread at its next check and sent again only if it is not there, with backoff, until
the pulse closes. A sender that dies leaves its claim to be checked the same way once
the claim's lease has passed. Someone who answered meanwhile gets no reminder.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.domain import reply_text
from bot.domain.i18n import reading_as
from bot.domain.outcomes import MessengerError
from bot.domain.retries import BASE
from bot.services.delivery.exactly_once import after_failure, look_for, outcome_of, post_tagged
from bot.services.messenger import Messenger, Tag
from bot.views.mrkdwn import slack_date
from storage import reminders as queries
from storage.db import Database
from storage.reminders import ClaimedReminder

logger = logging.getLogger(__name__)
REMINDER_EVENT = "rapport_reminder"
LEASE = timedelta(minutes=5)


def send_due_reminders(
    database: Database,
    messenger: Messenger,
    now: datetime,
    timing: tuple[timedelta, timedelta] = (BASE, LEASE),
) -> int:
    """Send or check every reminder that is due; returns how many are now in their threads."""
    retry_base, lease = timing
    with database.reading() as session:
        due = queries.due(session, now)
    posted = 0
    for delivery_id, seen in due:
        with database.unit_of_work() as session:
            reminder = queries.claim(session, delivery_id, seen, now + lease)
        if reminder is None:
            continue  # another process has it
        try:
            state = _settle_one(messenger, reminder)
        except Exception as error:
            _failed(database, reminder, error, now, retry_base)
            continue
        with database.unit_of_work() as session:
            queries.settle(session, delivery_id, state)
        posted += state not in ("answered",)
    return posted


def _settle_one(messenger: Messenger, reminder: ClaimedReminder) -> str:
    """The reminder's ts (found in the thread, or just posted), or "answered"."""
    channel, thread_ts = reminder.channel_id, reminder.message_ts
    tag = Tag(REMINDER_EVENT, "delivery", reminder.delivery_id)
    if reminder.look_first:
        found = look_for(messenger, channel, tag, thread_ts)
        if found is not None:
            return found
    if reminder.answered:
        return "answered"
    with reading_as(reminder.locale):
        text = reply_text.PULSE_REMINDER.format(closes=slack_date(reminder.closes_at))
    while True:
        try:
            return post_tagged(messenger, channel, text, tag=tag, thread_ts=thread_ts).ts
        except MessengerError as error:
            if error.outcome.kind != "rate_limited":
                raise
            # The messenger has held every sender for the Retry-After: go again.


def _failed(
    database: Database,
    reminder: ClaimedReminder,
    error: Exception,
    now: datetime,
    retry_base: timedelta,
) -> None:
    outcome = outcome_of(error)
    logger.warning(
        "reminder for delivery %s failed (%s): %s",
        reminder.delivery_id,
        outcome.kind,
        outcome.reason,
    )
    after = after_failure(outcome, now, reminder.attempts, reminder.closes_at, retry_base)
    state = "sending" if after.retry_at is not None else "failed"
    with database.unit_of_work() as session:
        queries.settle(
            session, reminder.delivery_id, state, error=after.error, retry_at=after.retry_at
        )
