"""Posts in the shared channel: the introduction, and grouped alert messages (new, updated)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.domain import alert_text as text
from bot.domain.alert_message import side_title
from bot.domain.alerts.lifecycle import AlertChange
from bot.domain.i18n import reading_as
from bot.domain.retries import BASE
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
LEASE = timedelta(minutes=5)
"""How long a claimed retry is left to its sender before another clock checks it."""


@dataclass(slots=True)
class PublishReport:
    """What publishing a close's messages did, for the truth in the lead's reply."""

    posted: int = 0
    updated: int = 0
    waiting: dict[int, str] = field(default_factory=dict)
    """Message id → why its post has not gone yet; it is retried (after a check)."""
    refused: dict[int, str] = field(default_factory=dict)
    """Message id → Slack's refusal (e.g. not_in_channel); the leads were DMed the message."""


Message = tuple[str, str, list[dict[str, Any]]]
"""(channel, fallback text, blocks)"""


def _rendered(session: Session, message_id: int) -> tuple[AlertMessage, Message, bool]:
    message = session.get_one(AlertMessage, message_id)
    with reading_as(_language(session, message)):
        view = load(session, message)
        shown = (message.channel_id, fallback_text(view), message_blocks(view))
    return message, shown, bool(view.live)


def _language(session: Session, message: AlertMessage) -> str:
    """The shared channel's language: the engagement's (`/rapport config language=de`)."""
    return session.get_one(Engagement, message.engagement_id).language


def publish(
    database: Database,
    messenger: Messenger,
    message_ids: Sequence[int],
    changes: Sequence[AlertChange],
    now: datetime,
    retry_base: timedelta = BASE,
) -> PublishReport:
    """Make the channel match the messages a close touched; one failure never stops the rest.

    An unposted message with a live finding is posted (once, tagged with its id); a
    posted one is updated in place, and each finding resolved at this close is said in
    its thread.
    """
    report = PublishReport()
    resolved = {c.alert_id for c in changes if c.change == "resolved"}
    for message_id in message_ids:
        try:
            _publish_one(database, messenger, message_id, resolved, report, (now, retry_base))
        except Exception as error:
            reason = outcome_of(error).reason
            logger.warning("alert message %s not published: %s", message_id, reason)
            report.waiting.setdefault(message_id, reason)
    return report


def _publish_one(
    database: Database,
    messenger: Messenger,
    message_id: int,
    resolved: set[int],
    report: PublishReport,
    timing: tuple[datetime, timedelta],
) -> None:
    with database.reading() as session:
        message, rendered, has_live = _rendered(session, message_id)
        ts = message.message_ts
        with reading_as(_language(session, message)):
            replies = _resolutions(session, message_id, resolved)
    channel, fallback, blocks = rendered
    if ts is None:
        if has_live:  # never made it to the channel and all resolved: nothing to take back
            post(database, messenger, message_id, rendered, report, timing)
        return
    # Each resolution is said in the thread by a queued post, sent once with retries
    # (`ladder_posts.py`), whatever happens to the update below.
    if replies:
        with database.unit_of_work() as session:
            for alert_id, reply in replies:
                ladder.queue_once(session, alert_id, "resolution", channel, reply, thread_ts=ts)
    messenger.update(channel, ts, fallback, blocks)
    report.updated += 1


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


def post(
    database: Database,
    messenger: Messenger,
    message_id: int,
    message: Message,
    report: PublishReport,
    timing: tuple[datetime, timedelta],
) -> None:
    """Post one message, tagged with its id so a later check can find it; record the outcome."""
    with database.reading() as session:
        row = session.get_one(AlertMessage, message_id)
        claimed = outbox.Claimed(
            message_id, row.post_attempts + 1, row.opened_at + POST_DEADLINE, False, message
        )
    result = outbox.deliver(database, messenger, ALERT_MESSAGES, claimed, timing)
    if isinstance(result, outbox.Landed):
        report.posted += 1
    elif isinstance(result, outbox.Ended):
        report.refused[message_id] = result.error
    else:
        report.waiting[message_id] = result.error


def _claim(
    session: Session, message_id: int, seen: datetime | None, lease_until: datetime
) -> outbox.Claimed[Message] | None:
    if seen is None or not alert_posts.claim_retry(session, message_id, seen, lease_until):
        return None
    message, rendered, _ = _rendered(session, message_id)
    deadline = message.opened_at + POST_DEADLINE
    return outbox.Claimed(message_id, message.post_attempts + 1, deadline, True, rendered)


def _post(
    messenger: Messenger, place: outbox.Place, tag: Tag, claimed: outbox.Claimed[Message]
) -> str:
    _, fallback, blocks = claimed.detail
    return post_tagged(messenger, place.channel, fallback, blocks, tag=tag).ts


def _settle(session: Session, claimed: outbox.Claimed[Message], result: outbox.Result) -> None:
    if isinstance(result, outbox.Landed) and result.ts is not None:
        alert_posts.record_post(session, claimed.id, result.ts)
    elif isinstance(result, outbox.Retry):
        alert_posts.record_failure(session, claimed.id, result.error, result.at)
    elif isinstance(result, outbox.Ended):
        alert_posts.record_failure(session, claimed.id, result.error, None)


def _then(
    database: Database,
    messenger: Messenger,
    claimed: outbox.Claimed[Message],
    place: outbox.Place,
    result: outbox.Result,
) -> None:
    """A message that cannot be in its channel (refused, or not there by its deadline)
    goes to the leads by DM."""
    if isinstance(result, outbox.Ended):
        _tell_leads(database, messenger, claimed.id, result.error)
    elif isinstance(result, outbox.Retry):
        logger.warning("alert message %s: not posted yet, retried later", claimed.id)


ALERT_MESSAGES: outbox.OutboxKind[Message] = outbox.OutboxKind(
    name="alert message",
    tag=lambda claimed: Tag(ALERT_EVENT, "message", claimed.id),
    due=alert_posts.due_retries,
    claim=_claim,
    place=lambda messenger, claimed: outbox.Place(claimed.detail[0]),
    post=_post,
    settle=_settle,
    then=_then,
)


def retry_posts(
    database: Database,
    messenger: Messenger,
    now: datetime,
    retry_base: timedelta = BASE,
    lease: timedelta = LEASE,
) -> int:
    """Post the messages whose post failed uncertainly, once each, after looking for them.

    A message found in its channel (by its metadata) is recorded, not posted again; one
    that Slack refuses to post or let be looked for, or that could not be posted before
    `POST_DEADLINE` after it opened, is DMed to the leads instead.
    Returns how many messages were settled (posted, found or handed to the leads).
    """
    results = outbox.run(database, messenger, ALERT_MESSAGES, now, (retry_base, lease))
    return sum(not isinstance(result, outbox.Retry) for result in results)


def redraw(database: Database, messenger: Messenger, alert_id: int) -> None:
    """Bring an alert's message in line with its stored state (if it was posted)."""
    with database.reading() as session:
        message_id = session.get_one(Alert, alert_id).message_id
        if message_id is None:
            return
        message, (channel, fallback, blocks), _ = _rendered(session, message_id)
        ts = message.message_ts
    if ts:
        messenger.update(channel, ts, fallback, blocks)


def _tell_leads(database: Database, messenger: Messenger, message_id: int, code: str) -> None:
    """The message cannot be in its channel: DM it to the leads, never fail silently."""
    with database.unit_of_work() as session:
        message = session.get_one(AlertMessage, message_id)
        message.post_error = code[:64]
        message.next_post_at = None
        view = load(session, message)
        with reading_as(_language(session, message)):
            dm = _not_posted(view, message.channel_id, code)
        leads = [m.user_id for m in engagement_queries.leads(session, message.engagement_id)]
    logger.warning("alert message %s not posted in its channel: %s", message_id, code)
    _dm_leads(messenger, leads, message_id, dm)


def _not_posted(view: Any, channel: str, code: str) -> str:
    return text.MESSAGE_NOT_POSTED.format(
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
