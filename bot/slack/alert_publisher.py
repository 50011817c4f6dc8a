"""Posts in the shared channel: the introduction, and alert changes (new, updated, resolved)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain import catalogue
from bot.domain.alerts import AlertChange
from bot.slack.alert_view import alert_blocks, alert_text
from bot.slack.format import slack_date
from storage import engagements as engagement_queries
from storage.db import Database
from storage.models import Alert

logger = logging.getLogger(__name__)


def publish(
    database: Database, client: WebClient, changes: Sequence[AlertChange], now_figures: str
) -> None:
    """Make the channel match the alerts; one failed change never stops the rest."""
    for change in changes:
        try:
            _publish_one(database, client, change, now_figures)
        except SlackApiError as error:
            logger.warning(
                "alert %s: Slack refused %s: %s",
                change.alert_id,
                change.change,
                error.response.get("error"),
            )


def _publish_one(
    database: Database, client: WebClient, change: AlertChange, now_figures: str
) -> None:
    with database.reading() as session:
        alert = session.get_one(Alert, change.alert_id)
        blocks, text = alert_blocks(alert, change.change), alert_text(alert)
        channel, ts, engagement_id = alert.channel_id, alert.message_ts, alert.engagement_id
        resolved_at = alert.resolved_at
    if ts is None:
        if change.change == "resolved":
            return  # never made it to the channel; nothing to take back
        try:
            posted = client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        except SlackApiError as error:
            code = str(error.response.get("error") or "error")
            _tell_leads(database, client, engagement_id, change.alert_id, code)
            return
        with database.unit_of_work() as session:
            saved = session.get_one(Alert, change.alert_id)
            saved.message_ts, saved.post_error = str(posted["ts"]), None
        return
    client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
    if change.change == "resolved" and resolved_at is not None:
        reply = catalogue.ALERT_RESOLVED_THREAD.format(
            when=slack_date(resolved_at), figures=now_figures
        )
        client.chat_postMessage(channel=channel, thread_ts=ts, text=reply)


def announce(
    client: WebClient, channel: str, name: str, client_org: str, provider_org: str
) -> str | None:
    """Introduce Rapport in the shared channel; Slack's error code if it could not post."""
    text = catalogue.ANNOUNCE.format(name=name, client=client_org, provider=provider_org)
    try:
        client.chat_postMessage(channel=channel, text=text)
    except SlackApiError as error:
        code = str(error.response.get("error") or "error")
        logger.warning("cannot post in %s: %s", channel, code)
        return code
    return None


def redraw(database: Database, client: WebClient, alert_id: int) -> None:
    """Bring an alert's channel message in line with its stored state (if it was posted)."""
    with database.reading() as session:
        alert = session.get_one(Alert, alert_id)
        channel, ts = alert.channel_id, alert.message_ts
        blocks, text = alert_blocks(alert), alert_text(alert)
    if ts:
        client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)


def _tell_leads(
    database: Database, client: WebClient, engagement_id: int, alert_id: int, code: str
) -> None:
    """The bot is not in the channel (or it is gone): say so to the leads, never fail silently."""
    with database.unit_of_work() as session:
        alert = session.get_one(Alert, alert_id)
        alert.post_error = code
        text = catalogue.ALERT_NOT_POSTED.format(
            engagement=alert.engagement.name,
            channel=alert.channel_id,
            error=code,
            title=catalogue.ALERT_TITLES.get(alert.rule, alert.rule),
            sentence=alert.sentence,
        )
        leads = [m.user_id for m in engagement_queries.leads(session, engagement_id)]
    logger.warning("alert %s not posted in its channel: %s", alert_id, code)
    for lead in leads:
        try:
            client.chat_postMessage(channel=lead, text=text)
        except SlackApiError as error:
            logger.warning(
                "could not tell lead %s about alert %s: %s",
                lead,
                alert_id,
                error.response.get("error"),
            )
