"""Posts in the shared channel: the introduction, and alert changes (new, updated, resolved)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.domain import catalogue
from bot.domain.alerts import AlertChange
from bot.domain.retries import BASE, backoff
from bot.slack.alert_follow_up import follow_up_blocks
from bot.slack.alert_view import alert_blocks, alert_text
from bot.slack.client import posting_client
from bot.slack.format import slack_date
from bot.slack.history import find_tagged
from bot.slack.outcomes import outcome_of
from storage import alert_posts
from storage import engagements as engagement_queries
from storage.db import Database
from storage.models import Alert

logger = logging.getLogger(__name__)


ALERT_EVENT = "rapport_alert"
POST_DEADLINE = timedelta(hours=24)
"""An alert that could not be posted for this long is DMed to the leads instead."""


@dataclass(slots=True)
class PublishReport:
    """What publishing a close's alert changes did, for the truth in the lead's reply."""

    posted: int = 0
    updated: int = 0
    waiting: dict[int, str] = field(default_factory=dict)
    """Alert id → why its post has not gone yet; it is retried (after a check)."""
    refused: dict[int, str] = field(default_factory=dict)
    """Alert id → Slack's refusal (e.g. not_in_channel); the leads were DMed the alert."""


def publish(
    database: Database,
    client: WebClient,
    changes: Sequence[AlertChange],
    now_figures: str,
    now: datetime,
    retry_base: timedelta = BASE,
) -> PublishReport:
    """Make the channel match the alerts; one failed change never stops the rest."""
    report = PublishReport()
    for change in changes:
        try:
            _publish_one(database, client, change, now_figures, report, (now, retry_base))
        except Exception as error:
            reason = outcome_of(error).reason
            logger.warning("alert %s: %s not published: %s", change.alert_id, change.change, reason)
            report.waiting.setdefault(change.alert_id, reason)
    return report


def _publish_one(
    database: Database,
    client: WebClient,
    change: AlertChange,
    now_figures: str,
    report: PublishReport,
    timing: tuple[datetime, timedelta],
) -> None:
    with database.reading() as session:
        alert = session.get_one(Alert, change.alert_id)
        blocks = alert_blocks(alert, change.change) + follow_up_blocks(session, alert)
        text = alert_text(alert)
        channel, ts, resolved_at = alert.channel_id, alert.message_ts, alert.resolved_at
    if ts is None:
        if change.change != "resolved":  # never made it to the channel: nothing to take back
            post(database, client, change.alert_id, (channel, text, blocks), report, timing)
        return
    client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
    report.updated += 1
    if change.change == "resolved" and resolved_at is not None:
        reply = catalogue.ALERT_RESOLVED_THREAD.format(
            when=slack_date(resolved_at), figures=now_figures
        )
        client.chat_postMessage(channel=channel, thread_ts=ts, text=reply)


def post(
    database: Database,
    client: WebClient,
    alert_id: int,
    message: tuple[str, str, list[dict[str, object]]],
    report: PublishReport,
    timing: tuple[datetime, timedelta],
) -> None:
    """Post one alert, tagged with its id so a later check can find it; record the outcome."""
    channel, text, blocks = message
    now, retry_base = timing
    metadata = {"event_type": ALERT_EVENT, "event_payload": {"alert": alert_id}}
    try:
        posted = posting_client(client).chat_postMessage(
            channel=channel, text=text, blocks=blocks, metadata=metadata
        )
        ts = str(posted["ts"])
    except Exception as error:
        outcome = outcome_of(error)
        if outcome.kind == "refused":
            with database.unit_of_work() as session:
                alert_posts.record_failure(session, alert_id, outcome.reason, None)
            _tell_leads(database, client, alert_id, outcome.reason)
            report.refused[alert_id] = outcome.reason
            return
        with database.unit_of_work() as session:
            attempts = session.get_one(Alert, alert_id).post_attempts + 1
            retry_at = now + backoff(attempts, retry_base)
            alert_posts.record_failure(session, alert_id, outcome.reason, retry_at)
        logger.warning("alert %s: post uncertain (%s), retried later", alert_id, outcome.reason)
        report.waiting[alert_id] = outcome.reason
        return
    with database.unit_of_work() as session:
        alert_posts.record_post(session, alert_id, ts)
    report.posted += 1


def retry_posts(
    database: Database, client: WebClient, now: datetime, retry_base: timedelta = BASE
) -> int:
    """Post the alerts whose post failed uncertainly, once each, after looking for them.

    An alert found in its channel (by its metadata) is recorded, not posted again; one
    still unposted `POST_DEADLINE` after it opened is DMed to the leads instead.
    Returns how many alerts were settled (posted, found or handed to the leads).
    """
    with database.reading() as session:
        due = alert_posts.due_retries(session, now)
    settled = 0
    for alert_id, when in due:
        with database.unit_of_work() as session:
            if not alert_posts.claim_retry(session, alert_id, when):
                continue
            alert = session.get_one(Alert, alert_id)
            channel, opened_at, error = alert.channel_id, alert.opened_at, alert.post_error
            blocks = alert_blocks(alert) + follow_up_blocks(session, alert)
            message = (channel, alert_text(alert), blocks)
        try:
            found = find_tagged(client, channel, ALERT_EVENT, "alert", alert_id)
        except Exception as failure:
            reason = outcome_of(failure).reason
            with database.unit_of_work() as session:
                alert_posts.record_failure(session, alert_id, reason, now + backoff(1, retry_base))
            continue
        if found is not None:
            with database.unit_of_work() as session:
                alert_posts.record_post(session, alert_id, found)
            settled += 1
        elif now - opened_at >= POST_DEADLINE:
            _tell_leads(database, client, alert_id, f"gave up: {error or 'error'}")
            settled += 1
        else:
            report = PublishReport()
            post(database, client, alert_id, message, report, (now, retry_base))
            settled += report.posted
    return settled


def announce(
    client: WebClient, channel: str, name: str, client_org: str, provider_org: str
) -> str | None:
    """Introduce Rapport in the shared channel; Slack's error code if it could not post."""
    text = catalogue.ANNOUNCE.format(name=name, client=client_org, provider=provider_org)
    try:
        posting_client(client).chat_postMessage(channel=channel, text=text)
    except Exception as error:
        code = outcome_of(error).reason
        logger.warning("cannot post in %s: %s", channel, code)
        return code
    return None


def redraw(database: Database, client: WebClient, alert_id: int) -> None:
    """Bring an alert's channel message in line with its stored state (if it was posted)."""
    with database.reading() as session:
        alert = session.get_one(Alert, alert_id)
        channel, ts = alert.channel_id, alert.message_ts
        blocks = alert_blocks(alert) + follow_up_blocks(session, alert)
        text = alert_text(alert)
    if ts:
        client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)


def _tell_leads(database: Database, client: WebClient, alert_id: int, code: str) -> None:
    """The alert cannot be in its channel: DM it to the leads, never fail silently."""
    with database.unit_of_work() as session:
        alert = session.get_one(Alert, alert_id)
        alert.post_error = code[:64]
        alert.next_post_at = None
        text = catalogue.ALERT_NOT_POSTED.format(
            engagement=alert.engagement.name,
            channel=alert.channel_id,
            error=code,
            title=catalogue.ALERT_TITLES.get(alert.rule, alert.rule),
            sentence=alert.sentence,
        )
        leads = [m.user_id for m in engagement_queries.leads(session, alert.engagement_id)]
    logger.warning("alert %s not posted in its channel: %s", alert_id, code)
    for lead in leads:
        try:
            client.chat_postMessage(channel=lead, text=text)
        except Exception as error:
            logger.warning(
                "could not tell lead %s about alert %s: %s",
                lead,
                alert_id,
                outcome_of(error).reason,
            )
