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
from functools import partial

from bot.domain.i18n import reading_as
from bot.domain.schedule import ScheduleError
from bot.services.digest.portfolio_digest import PortfolioDigestContent, portfolio_digest
from bot.services.digest.settle import Claimed, deliver
from bot.services.digest.weeks import digest_week, week_end
from bot.services.messenger import Messenger
from storage import digest_claims as claims
from storage import portfolio_digests as queries
from storage.db import Database
from storage.locales import locale_of
from storage.models import Engagement, PortfolioDigest

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


def _drawn(database: Database, person: Person, now: datetime, tz: str) -> PortfolioDigestContent:
    """The person's portfolio digest, in their language."""
    with database.reading() as session, reading_as(locale_of(session, *person)):
        return portfolio_digest(session, person, now, tz)


def _retry_due(
    database: Database, messenger: Messenger, now: datetime, timing: tuple[timedelta, timedelta]
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
            if not claims.take(session, PortfolioDigest, claim, when, now + lease):
                continue
        claimed = Claimed(PortfolioDigest, claim, person[1], EVENT)
        limits = (now, attempts + 1, ends, retry_base)
        draw = partial(_drawn, database, person, now, "UTC")
        sent += deliver(database, messenger, claimed, draw, limits, check=True)
    return sent


def send_due_portfolio_digests(
    database: Database, messenger: Messenger, now: datetime, timing: tuple[timedelta, timedelta]
) -> int:
    """Send every portfolio digest due by ``now`` that no clock has sent this week."""
    retry_base, lease = timing
    sent = _retry_due(database, messenger, now, timing)
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
            claimed = Claimed(PortfolioDigest, claim, person[1], EVENT)
            draw = partial(_drawn, database, person, now, week[2])
            limits = (now, 1, week[1], retry_base)
            sent += deliver(database, messenger, claimed, draw, limits, check=False)
        except Exception:
            logger.exception("portfolio digest of %s failed; other sponsors go on", person[1])
    return sent
