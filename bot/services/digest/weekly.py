"""The weekly sponsor digest: once per sponsor and week, on the engagement's day and local time.

Exactly-once, and what a crash does: before anything is sent, a row (engagement,
sponsor, week) is committed as the claim; the database refuses a second one, so two
clocks, a restart or a retry can never send the same week twice. The row then
becomes ``sent``, or ``failed`` with Slack's error. A process that dies between the
claim and the end of the send leaves the row ``sending``: that sponsor misses that
week's digest rather than risk getting it twice (the DM may have gone out before the
crash). Neither ``failed`` nor ``sending`` rows are retried; `/rapport digest` gives
a sponsor the same digest on demand. A clock that was down at the digest moment
catches up on its next tick in the same week; a week wholly missed is not sent late.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.domain.schedule import ScheduleError, next_weekly, parse_day_time
from bot.services.digest.assemble import assemble
from bot.slack.digest_delivery import RenderedDigest, render, send_digest
from storage import digests as queries
from storage.db import Database
from storage.models import Engagement

logger = logging.getLogger(__name__)


def digest_week(schedule: str, tz: str, now: datetime) -> tuple[date, datetime]:
    """The local Monday of the week ``now`` falls in, and that week's digest moment in UTC.

    Raises ``ScheduleError`` when ``schedule`` (such as ``mon 08:00``) or ``tz`` is invalid.
    """
    weekday, at = parse_day_time(schedule)
    local = now.astimezone(ZoneInfo(tz))
    monday = local.date() - timedelta(days=local.weekday())
    week_start = datetime.combine(monday, time(0), ZoneInfo(tz))
    return monday, next_weekly(weekday, at, tz, week_start - timedelta(microseconds=1))


def _due(database: Database, now: datetime) -> list[tuple[int, date, list[tuple[int, str]]]]:
    """Per engagement whose digest moment this week has passed: its week and waiting sponsors."""
    due = []
    with database.reading() as session:
        for engagement in queries.engagements_with_sponsors(session):
            try:
                week, moment = digest_week(engagement.digest_schedule, engagement.timezone, now)
            except (ScheduleError, ValueError, KeyError) as error:
                logger.warning("engagement %s: no digest, bad schedule: %s", engagement.id, error)
                continue
            if moment > now:
                continue
            waiting = queries.sponsors_without_digest(session, engagement.id, week)
            if waiting:
                due.append((engagement.id, week, [(m.id, m.user_id) for m in waiting]))
    return due


def _error(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or f"http_{error.response.status_code}")
    return "connection_error"


def _send_week(
    database: Database,
    client: WebClient,
    engagement_id: int,
    week: date,
    sponsors: list[tuple[int, str]],
    now: datetime,
) -> int:
    digest: RenderedDigest | None = None
    sent = 0
    for member_id, user_id in sponsors:
        with database.unit_of_work() as session:
            claim = queries.claim_week(session, engagement_id, member_id, week, now)
        if claim is None:
            continue  # another clock has it
        try:
            if digest is None:
                with database.reading() as session:
                    engagement = session.get_one(Engagement, engagement_id)
                    digest = render(assemble(session, engagement, now))
            send_digest(client, user_id, digest)
        except SlackClientError as error:
            logger.warning("digest of %s to %s failed: %s", engagement_id, user_id, error)
            with database.unit_of_work() as session:
                queries.finish_week(session, claim, sent_at=None, error=_error(error))
            continue
        except Exception:
            with database.unit_of_work() as session:
                queries.finish_week(session, claim, sent_at=None, error="internal_error")
            raise
        with database.unit_of_work() as session:
            queries.finish_week(session, claim, sent_at=now, error="")
        sent += 1
    return sent


def send_due_digests(database: Database, client: WebClient, now: datetime) -> int:
    """Send every digest due by ``now`` that no clock has sent this week; returns how many.

    Safe to call from any number of processes at once and as often as you like: each
    sponsor gets at most one digest per engagement and week (see the module notes).
    """
    sent = 0
    for engagement_id, week, sponsors in _due(database, now):
        try:
            sent += _send_week(database, client, engagement_id, week, sponsors, now)
        except Exception:
            logger.exception(
                "digest of engagement %s failed; other engagements go on", engagement_id
            )
    return sent
