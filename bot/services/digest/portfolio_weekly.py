"""One weekly digest per sponsor of several engagements, at the earliest of their digest slots.

The same exactly-once machinery as one engagement's digest (``weekly.py``), keyed by the
person instead of the engagement: a committed claim row (workspace, user, week) before
anything is sent, the DM tagged with the claim's id, ``sent``/``failed`` once Slack has
answered, and an uncertain end (a timeout, a reset, a 5xx) or a sender that died checked
in the DM from the claim's check time and sent again only if it never landed, until the
week ends. The week is the sponsor's own (their ``/rapport digest-time``, in their time
zone) or else the latest week in which one of their engagements' digest moments passed.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from slack_sdk import WebClient

from bot.domain.i18n import reading_as
from bot.domain.retries import next_attempt
from bot.domain.schedule import ScheduleError
from bot.services.digest.portfolio_digest import PortfolioDigestContent, portfolio_digest
from bot.services.digest.weeks import digest_week, week_end
from bot.slack.client import posting_client
from bot.slack.digest_delivery import dm_channel
from bot.slack.history import find_tagged
from bot.slack.outcomes import outcome_of
from storage import portfolio_digests as queries
from storage.db import Database
from storage.locales import locale_of
from storage.models import Engagement

logger = logging.getLogger(__name__)
EVENT = "rapport_portfolio_digest"
Person = tuple[str, str]


def portfolio_week(
    engagements: list[Engagement], chosen: tuple[str, str] | None, now: datetime
) -> tuple[date, datetime, str] | None:
    """The week due for this sponsor at ``now``, when it ends and in which zone; None if none.

    ``chosen`` is the sponsor's own (day and time, time zone). Otherwise, of the weeks
    in which an engagement's digest moment has passed, the latest: so the digest goes at
    the first of their engagements' moments that week.
    """
    slots = [chosen] if chosen else [(e.digest_schedule, e.timezone) for e in engagements]
    due: list[tuple[date, datetime, str]] = []
    for schedule, tz in slots:
        try:
            week, moment = digest_week(schedule, tz, now)
        except (ScheduleError, ValueError, KeyError) as error:
            logger.warning("portfolio digest: a bad digest slot skipped: %s", error)
            continue
        if moment <= now:
            due.append((week, week_end(week, tz), tz))
    return max(due, key=lambda found: (found[0], -found[1].timestamp())) if due else None


def _post(client: WebClient, channel: str, content: PortfolioDigestContent, claim: int) -> None:
    metadata = {"event_type": EVENT, "event_payload": {"delivery": claim}}
    posting_client(client).chat_postMessage(
        channel=channel, text=content.summary, blocks=content.blocks, metadata=metadata
    )


def _settle(
    database: Database,
    client: WebClient,
    claim: int,
    channel: str,
    content: PortfolioDigestContent,
    now: datetime,
) -> None:
    """The text is in the DM: record it as sent first, then add the chart (never twice)."""
    with database.unit_of_work() as session:
        queries.finish(session, claim, sent_at=now, error="")
    try:
        client.files_upload_v2(
            channel=channel,
            file=content.chart,
            filename=content.filename,
            title=content.title,
            alt_txt=content.chart_alt,
        )
    except Exception as error:
        note = f"chart: {outcome_of(error).reason}"
        logger.warning("portfolio digest claim %s: %s", claim, note)
        with database.unit_of_work() as session:
            queries.finish(session, claim, sent_at=now, error=note)


def _failed(
    database: Database,
    claim: int,
    error: BaseException,
    when: tuple[datetime, int, datetime, timedelta],
) -> None:
    """Slack's refusal ends the week; anything uncertain is checked and retried in it."""
    now, attempts, ends, retry_base = when
    outcome = outcome_of(error)
    logger.warning("portfolio digest claim %s failed (%s): %s", claim, outcome.kind, outcome.reason)
    retry_at = None if outcome.kind == "refused" else next_attempt(now, attempts, ends, retry_base)
    with database.unit_of_work() as session:
        if retry_at is None:
            reason = outcome.reason if outcome.kind == "refused" else f"gave up: {outcome.reason}"
            queries.finish(session, claim, sent_at=None, error=reason)
        else:
            queries.retry_later(session, claim, outcome.reason, retry_at)


def _deliver(
    database: Database,
    client: WebClient,
    person: Person,
    claim: int,
    check: bool,
    when: tuple[datetime, int, datetime, timedelta],
    tz: str,
) -> bool:
    now = when[0]
    try:
        channel = dm_channel(client, person[1])
        landed = find_tagged(client, channel, EVENT, "delivery", claim) if check else None
        with database.reading() as session, reading_as(locale_of(session, *person)):
            content = portfolio_digest(session, person, now, tz)
        if landed is None:
            _post(client, channel, content, claim)
    except Exception as error:
        _failed(database, claim, error, when)
        return False
    _settle(database, client, claim, channel, content, now)
    return True


def _retry_due(
    database: Database, client: WebClient, now: datetime, timing: tuple[timedelta, timedelta]
) -> int:
    retry_base, lease = timing
    with database.reading() as session:
        due = [
            (r.id, (r.team_id, r.user_id), r.attempts, r.week_ends_at, r.next_attempt_at)
            for r in queries.due(session, now)
        ]
    sent = 0
    for claim, person, attempts, ends, when in due:
        if when is None:
            continue
        with database.unit_of_work() as session:
            if not queries.take(session, claim, when, now + lease):
                continue
        limits = (now, attempts + 1, ends, retry_base)
        sent += _deliver(database, client, person, claim, True, limits, "UTC")
    return sent


def send_due_portfolio_digests(
    database: Database, client: WebClient, now: datetime, timing: tuple[timedelta, timedelta]
) -> int:
    """Send every portfolio digest due by ``now`` that no clock has sent this week."""
    retry_base, lease = timing
    sent = _retry_due(database, client, now, timing)
    with database.reading() as session:
        sponsors = queries.portfolio_sponsors(session)
        chosen = {
            person: (found.day_time, found.timezone)
            for person in sponsors
            if (found := queries.digest_time(session, person)) is not None
        }
    for person, engagements in sponsors.items():
        try:
            week = portfolio_week(engagements, chosen.get(person), now)
            if week is None:
                continue
            with database.unit_of_work() as session:
                claim = queries.claim_week(session, person, week[:2], now, now + lease)
            if claim is None:
                continue
            sent += _deliver(
                database, client, person, claim, False, (now, 1, week[1], retry_base), week[2]
            )
        except Exception:
            logger.exception("portfolio digest of %s failed; other sponsors go on", person[1])
    return sent
