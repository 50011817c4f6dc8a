"""Posts in the shared channel: the introduction, and grouped alert messages (new, updated)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.domain import alert_text as text
from bot.domain.alert_message import side_title
from bot.domain.alerts.lifecycle import AlertChange
from bot.domain.i18n import reading_as
from bot.domain.retries import DEFAULT_TIMING, Timing
from bot.services.alert_message import load
from bot.services.delivery import outbox
from bot.services.delivery.exactly_once import outcome_of, post_tagged
from bot.services.messenger import Messenger, Tag
from bot.views.alert_message import fallback_text, message_blocks, message_text
from bot.views.mrkdwn import slack_date
from storage import alert_messages, alert_posts, ladder
from storage import engagements as engagement_queries
from storage.db import Database
from storage.models import Alert, AlertMessage, Engagement

logger = logging.getLogger(__name__)

ALERT_EVENT = "rapport_alert"
POST_DEADLINE = timedelta(hours=24)
"""A message that could not be posted for this long is DMed to the leads instead."""


@dataclass(slots=True)
class PublishReport:
    """What became of a close's messages, for the truth in the lead's reply."""

    posted: int = 0
    updated: int = 0
    queued: int = 0
    """Messages whose first post waits for a worker (or is being made)."""
    waiting: dict[int, str] = field(default_factory=dict)
    """Message id → why its post has not gone yet; it is retried (after a check)."""
    refused: dict[int, str] = field(default_factory=dict)
    """Message id → Slack's refusal (e.g. not_in_channel); the leads were DMed the message."""


@dataclass(frozen=True, slots=True)
class AlertPost:
    """A message as it is drawn now, and where it stands: unposted (`ts` None) or there."""

    channel: str
    fallback: str
    blocks: list[dict[str, Any]]
    ts: str | None
    live: bool
    claimed_until: datetime | None = None
    """The check time its claim set: a close that queues it again meanwhile changes it."""


def _rendered(session: Session, message_id: int) -> tuple[AlertMessage, AlertPost]:
    message = session.get_one(AlertMessage, message_id)
    with reading_as(_language(session, message)):
        view = load(session, message)
        drawn = AlertPost(
            message.channel_id,
            fallback_text(view),
            message_blocks(view),
            message.message_ts,
            bool(view.live),
        )
    return message, drawn


def _language(session: Session, message: AlertMessage) -> str:
    """The shared channel's language: the engagement's (`/rapport config language=de`)."""
    return session.get_one(Engagement, message.engagement_id).language


def queue_for_channel(
    session: Session, message_ids: Sequence[int], changes: Sequence[AlertChange], now: datetime
) -> None:
    """In a close's transaction: its messages become due (a post, or an update in place),
    and each finding resolved at this close is queued to be said in its message's thread
    (`ladder_posts.py`). Nothing is sent here."""
    resolved = {c.alert_id for c in changes if c.change == "resolved"}
    for message_id in message_ids:
        message = session.get_one(AlertMessage, message_id)
        if message.message_ts is None or not resolved:
            continue
        with reading_as(_language(session, message)):
            replies = _resolutions(session, message_id, resolved)
        for alert_id, reply in replies:
            ladder.queue_once(
                session,
                alert_id,
                "resolution",
                message.channel_id,
                reply,
                thread_ts=message.message_ts,
            )
    alert_posts.queue(session, message_ids, now)


def publish(
    database: Database,
    messenger: Messenger,
    message_ids: Sequence[int],
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> PublishReport:
    """Post or update now the messages a close queued (`queue_for_channel`), each through
    the outbox's loop step; one failure never stops the rest. Without workers."""
    report = PublishReport()
    with database.reading() as session:
        due = [item for item in alert_posts.due_retries(session, now) if item[0] in message_ids]
        rows = [session.get_one(AlertMessage, m) for m in message_ids]
        posted = {row.id for row in rows if row.message_ts is not None}
        for row in rows:  # a post already waiting for its retry keeps its time
            retry_at = row.next_post_at
            if row.message_ts is None and row.post_error and retry_at and retry_at > now:
                report.waiting[row.id] = row.post_error
    for message_id, seen in due:
        result = outbox.deliver_one(
            database, messenger, ALERT_MESSAGES, (message_id, seen), now, timing
        )
        if isinstance(result, outbox.Landed) and result.ts is not None:
            if message_id in posted:
                report.updated += 1
            else:
                report.posted += 1
        elif isinstance(result, outbox.Ended):
            report.refused[message_id] = result.error
        elif isinstance(result, outbox.Retry):
            report.waiting[message_id] = result.error
    return report


def _resolutions(session: Session, message_id: int, resolved: set[int]) -> list[tuple[int, str]]:
    """What to say in the message's thread about each finding resolved at this close."""
    return [
        (
            a.id,
            text.RESOLVED_THREAD.format(
                title=side_title(a.rule, a.side),
                when=slack_date(a.resolved_at) if a.resolved_at else "",
                reason=a.resolution or text.WHY_NOT_FOUND,
            ),
        )
        for a in alert_messages.alerts_of(session, message_id)
        if a.id in resolved
    ]


def _claim(
    session: Session, message_id: int, seen: datetime | None, lease_until: datetime
) -> outbox.Claimed[AlertPost] | None:
    """Take a due post or update, once. An update is made again as it is; a post is looked
    for first unless it is the first try of the post its close queued (then nothing of it
    can be in the channel yet)."""
    if seen is None or not alert_posts.claim_retry(session, message_id, seen, lease_until):
        return None
    message, drawn = _rendered(session, message_id)
    drawn = replace(drawn, claimed_until=lease_until)
    attempt = message.post_attempts + 1
    if drawn.ts is not None:
        return outbox.Claimed(message_id, attempt, message.updated_at + POST_DEADLINE, False, drawn)
    first = message.post_attempts == 0 and message.post_error is None
    look_first = not (first and seen == message.updated_at)
    deadline = message.opened_at + POST_DEADLINE
    return outbox.Claimed(message_id, attempt, deadline, look_first, drawn)


def _post(
    messenger: Messenger, place: outbox.Place, tag: Tag, claimed: outbox.Claimed[AlertPost]
) -> str | None:
    drawn = claimed.detail
    if drawn.ts is not None:
        messenger.update(place.channel, drawn.ts, drawn.fallback, drawn.blocks)
        return drawn.ts
    if not drawn.live:  # every finding resolved before it was posted: nothing to take back
        return None
    return post_tagged(messenger, place.channel, drawn.fallback, drawn.blocks, tag=tag).ts


def _settle(session: Session, claimed: outbox.Claimed[AlertPost], result: outbox.Result) -> None:
    if isinstance(result, outbox.Landed):
        if result.ts is None:
            alert_posts.record_nothing(session, claimed.id)
        else:
            alert_posts.record_post(session, claimed.id, result.ts, claimed.detail.claimed_until)
    elif isinstance(result, outbox.Retry):
        alert_posts.record_failure(session, claimed.id, result.error, result.at)
    else:
        alert_posts.record_failure(session, claimed.id, result.error, None)


def _then(
    database: Database,
    messenger: Messenger,
    claimed: outbox.Claimed[AlertPost],
    place: outbox.Place,
    result: outbox.Result,
) -> None:
    """A message that cannot be in its channel as it stands (refused, or not there by its
    deadline) goes to the leads by DM."""
    if isinstance(result, outbox.Ended):
        _tell_leads(database, messenger, claimed.id, result.error)
    elif isinstance(result, outbox.Retry):
        logger.warning("alert message %s: not posted yet, retried later", claimed.id)


ALERT_MESSAGES: outbox.OutboxKind[AlertPost] = outbox.OutboxKind(
    name="alert message",
    tag=lambda claimed: Tag(ALERT_EVENT, "message", claimed.id),
    due=alert_posts.due_retries,
    claim=_claim,
    place=lambda messenger, claimed: outbox.Place(claimed.detail.channel),
    post=_post,
    settle=_settle,
    then=_then,
)


def retry_posts(
    database: Database,
    messenger: Messenger,
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> int:
    """Post or update the messages that are due, once each, a post after looking for it.

    A message found in its channel (by its metadata) is recorded, not posted again; one
    that Slack refuses to post or let be looked for, or that could not be posted before
    `POST_DEADLINE` after it opened, is DMed to the leads instead.
    Returns how many messages were settled (posted, updated, found or handed to the leads).
    """
    results = outbox.run(database, messenger, ALERT_MESSAGES, now, timing)
    return sum(not isinstance(result, outbox.Retry) for result in results)


def redraw(database: Database, messenger: Messenger, alert_id: int) -> None:
    """Bring an alert's message in line with its stored state (if it was posted)."""
    with database.reading() as session:
        message_id = session.get_one(Alert, alert_id).message_id
        if message_id is None:
            return
        _, drawn = _rendered(session, message_id)
    if drawn.ts:
        messenger.update(drawn.channel, drawn.ts, drawn.fallback, drawn.blocks)


def _tell_leads(database: Database, messenger: Messenger, message_id: int, code: str) -> None:
    """The message cannot be in its channel: DM it to the leads, never fail silently."""
    with database.unit_of_work() as session:
        message = session.get_one(AlertMessage, message_id)
        message.post_error = code[:64]
        message.next_post_at = None
        view = load(session, message)
        posted = message.message_ts is not None
        with reading_as(_language(session, message)):
            dm = _not_posted(view, message.channel_id, code, posted=posted)
        leads = [m.user_id for m in engagement_queries.leads(session, message.engagement_id)]
    what = "updated" if posted else "posted"
    logger.warning("alert message %s not %s in its channel: %s", message_id, what, code)
    _dm_leads(messenger, leads, message_id, dm)


def _not_posted(view: Any, channel: str, code: str, *, posted: bool = False) -> str:
    """What the leads are told: the post was refused, or (`posted`) the update of the
    message already in the channel was, so that it shows older findings."""
    sentence = text.MESSAGE_NOT_UPDATED if posted else text.MESSAGE_NOT_POSTED
    return sentence.format(
        engagement=view.engagement, channel=channel, error=code, message=message_text(view)
    )


def _dm_leads(messenger: Messenger, leads: list[str], message_id: int, dm: str) -> None:
    for lead in leads:
        try:
            messenger.post(lead, dm)
        except Exception as error:
            logger.warning(
                "could not tell lead %s about alert message %s: %s",
                lead,
                message_id,
                outcome_of(error).reason,
            )
