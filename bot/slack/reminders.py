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

from slack_sdk import WebClient

from bot.domain import catalogue
from bot.domain.i18n import reading_as
from bot.domain.retries import BASE, next_attempt
from bot.slack.client import posting_client
from bot.slack.history import find_tagged_reply
from bot.slack.outcomes import outcome_of
from bot.slack.pacing import Pacer
from bot.views.mrkdwn import slack_date
from storage import reminders as queries
from storage.db import Database
from storage.reminders import ClaimedReminder

logger = logging.getLogger(__name__)
REMINDER_EVENT = "rapport_reminder"
LEASE = timedelta(minutes=5)


def send_due_reminders(
    database: Database,
    client: WebClient,
    pacer: Pacer,
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
            state = _settle_one(client, pacer, reminder)
        except Exception as error:
            _failed(database, reminder, error, now, retry_base)
            continue
        with database.unit_of_work() as session:
            queries.settle(session, delivery_id, state)
        posted += state not in ("answered",)
    return posted


def _settle_one(client: WebClient, pacer: Pacer, reminder: ClaimedReminder) -> str:
    """The reminder's ts (found in the thread, or just posted), or "answered"."""
    tag = (REMINDER_EVENT, "delivery", reminder.delivery_id)
    if reminder.look_first:
        found = find_tagged_reply(client, reminder.channel_id, reminder.message_ts, *tag)
        if found is not None:
            return found
    if reminder.answered:
        return "answered"
    with reading_as(reminder.locale):
        text = catalogue.PULSE_REMINDER.format(closes=slack_date(reminder.closes_at))
    metadata = {"event_type": REMINDER_EVENT, "event_payload": {"delivery": reminder.delivery_id}}
    sender = posting_client(client)
    while True:
        pacer.acquire()
        try:
            posted = sender.chat_postMessage(
                channel=reminder.channel_id,
                thread_ts=reminder.message_ts,
                text=text,
                metadata=metadata,
            )
            return str(posted["ts"])
        except Exception as error:
            outcome = outcome_of(error)
            if outcome.kind != "rate_limited":
                raise
            pacer.backoff(outcome.retry_after)


def _failed(
    database: Database,
    reminder: ClaimedReminder,
    error: BaseException,
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
    retry_at = None
    if outcome.kind != "refused":
        retry_at = next_attempt(now, reminder.attempts, reminder.closes_at, retry_base)
    state = "sending" if retry_at is not None else "failed"
    reason = (
        outcome.reason
        if retry_at is not None or outcome.kind == "refused"
        else (f"gave up: {outcome.reason}")
    )
    with database.unit_of_work() as session:
        queries.settle(session, reminder.delivery_id, state, error=reason, retry_at=retry_at)
