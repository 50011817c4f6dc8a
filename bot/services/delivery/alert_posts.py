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
from bot.domain.outcomes import Outcome
from bot.domain.retries import BASE, backoff
from bot.services.alert_message import load
from bot.services.delivery.exactly_once import look_for, outcome_of, post_tagged, wait_after
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
CHECK_BASE = timedelta(minutes=1)
"""The first wait after a failed look at the channel (Slack allows one read a minute)."""


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
    channel, fallback, blocks = message
    now, retry_base = timing
    tag = Tag(ALERT_EVENT, "message", message_id)
    try:
        ts = post_tagged(messenger, channel, fallback, blocks, tag=tag).ts
    except Exception as error:
        outcome = outcome_of(error)
        if outcome.kind == "refused":
            with database.unit_of_work() as session:
                alert_posts.record_failure(session, message_id, outcome.reason, None)
            _tell_leads(database, messenger, message_id, outcome.reason)
            report.refused[message_id] = outcome.reason
            return
        with database.unit_of_work() as session:
            attempts = session.get_one(AlertMessage, message_id).post_attempts + 1
            retry_at = now + backoff(attempts, retry_base)
            alert_posts.record_failure(session, message_id, outcome.reason, retry_at)
        logger.warning(
            "alert message %s: post uncertain (%s), retried later", message_id, outcome.reason
        )
        report.waiting[message_id] = outcome.reason
        return
    with database.unit_of_work() as session:
        alert_posts.record_post(session, message_id, ts)
    report.posted += 1


def retry_posts(
    database: Database, messenger: Messenger, now: datetime, retry_base: timedelta = BASE
) -> int:
    """Post the messages whose post failed uncertainly, once each, after looking for them.

    A message found in its channel (by its metadata) is recorded, not posted again; one
    still unposted `POST_DEADLINE` after it opened is DMed to the leads instead.
    Returns how many messages were settled (posted, found or handed to the leads).
    """
    with database.reading() as session:
        due = alert_posts.due_retries(session, now)
    settled = 0
    for message_id, when in due:
        with database.unit_of_work() as session:
            if not alert_posts.claim_retry(session, message_id, when):
                continue
            message, rendered, _ = _rendered(session, message_id)
            channel, opened_at, error = message.channel_id, message.opened_at, message.post_error
        try:
            found = look_for(messenger, channel, Tag(ALERT_EVENT, "message", message_id))
        except Exception as failure:
            settled += _check_failed(
                database, messenger, message_id, (opened_at, error), outcome_of(failure), now
            )
            continue
        if found is not None:
            with database.unit_of_work() as session:
                alert_posts.record_post(session, message_id, found)
            settled += 1
        elif now - opened_at >= POST_DEADLINE:
            _tell_leads(database, messenger, message_id, f"gave up: {error or 'error'}")
            settled += 1
        else:
            report = PublishReport()
            post(database, messenger, message_id, rendered, report, (now, retry_base))
            settled += report.posted
    return settled


def _check_failed(
    database: Database,
    messenger: Messenger,
    message_id: int,
    posted: tuple[datetime, str | None],
    outcome: Outcome,
    now: datetime,
) -> int:
    """The channel could not be read to see whether an uncertain post landed.

    A refusal (missing_scope, not_in_channel, channel_not_found …) will not change by
    itself: the leads get the message by DM at once. A hold or a 429 is tried again once
    Slack allows it, and a failure with a growing wait, until `POST_DEADLINE`, when the
    leads get it by DM. Returns 1 when the message was handed to the leads.
    """
    opened_at, error = posted
    if outcome.kind == "refused" or now - opened_at >= POST_DEADLINE:
        why = outcome.reason if outcome.kind == "refused" else f"gave up: {error or 'error'}"
        _tell_leads(database, messenger, message_id, why)
        return 1
    with database.unit_of_work() as session:
        attempts = session.get_one(AlertMessage, message_id).post_attempts + 1
        wait = wait_after(outcome, attempts, CHECK_BASE)
        alert_posts.record_failure(session, message_id, error or outcome.reason, now + wait)
    logger.warning("alert message %s: channel not checked (%s)", message_id, outcome.reason)
    return 0


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
