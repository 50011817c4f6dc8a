"""Send the queued thread reminders, each at most once, and settle every one.

A reminder is one kind of the outbox (`outbox.py`), tagged with its delivery's id. A 429
holds every sender for its Retry-After; the reminder's sender waits it out, renews its
claim and posts at once after (another process that took the reminder meanwhile keeps it). Slack's
refusal ends it (`failed`); anything uncertain (a timeout, a reset, a 5xx) is looked for
in the DM's thread at its next check and sent again only if it is not there, with
backoff, until the pulse closes. A sender that dies leaves its claim to be checked the
same way once the claim's lease has passed. Someone who answered meanwhile gets no
reminder.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.i18n import reading_as
from bot.domain.retries import DEFAULT_TIMING, Timing
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
from bot.views.mrkdwn import slack_date
from storage import reminders as queries
from storage.db import Database
from storage.reminders import ClaimedReminder

REMINDER_EVENT = "rapport_reminder"


def _claim(
    session: Session, delivery_id: int, seen: datetime | None, lease_until: datetime
) -> Claimed[ClaimedReminder] | None:
    reminder = queries.claim(session, delivery_id, seen, lease_until)
    if reminder is None:
        return None
    return Claimed(
        delivery_id, reminder.attempts, reminder.closes_at, reminder.look_first, reminder
    )


def _place(messenger: Messenger, claimed: Claimed[ClaimedReminder]) -> Place:
    return Place(claimed.detail.channel_id, claimed.detail.message_ts)


def _post(
    messenger: Messenger, place: Place, tag: Tag, claimed: Claimed[ClaimedReminder]
) -> str | None:
    """The reminder's ts once posted, or None for someone who answered meanwhile."""
    reminder = claimed.detail
    if reminder.answered:
        return None
    with reading_as(reminder.locale):
        text = reply_text.PULSE_REMINDER.format(closes=slack_date(reminder.closes_at))
    return post_tagged(messenger, place.channel, text, tag=tag, thread_ts=place.thread_ts).ts


def _settle(session: Session, claimed: Claimed[ClaimedReminder], result: Result) -> None:
    if isinstance(result, Landed):
        queries.settle(session, claimed.id, result.ts or "answered")
    elif isinstance(result, Ended):
        queries.settle(session, claimed.id, "failed", error=result.error)
    else:
        queries.settle(session, claimed.id, "sending", error=result.error, retry_at=result.at)


REMINDERS: OutboxKind[ClaimedReminder] = OutboxKind(
    name="reminder for delivery",
    tag=lambda claimed: Tag(REMINDER_EVENT, "delivery", claimed.id),
    due=queries.due,
    claim=_claim,
    place=_place,
    post=_post,
    settle=_settle,
    # A 429 holds every sender for its Retry-After; this one waits it out, moves its
    # claim's check time on by as long, and goes at once after.
    renew=lambda session, claimed, _now, waited: queries.keep_claim(
        session, claimed.id, claimed.attempt, waited
    ),
)


def send_due_reminders(
    database: Database,
    messenger: Messenger,
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> int:
    """Send or check every reminder that is due; returns how many are now in their threads."""
    return landed(run(database, messenger, REMINDERS, now, timing))
