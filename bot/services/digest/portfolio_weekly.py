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

from bot.domain.i18n import reading_as
from bot.domain.schedule import ScheduleError
from bot.services.delivery.digests import post_digest
from bot.services.delivery.exactly_once import look_for
from bot.services.digest.portfolio_digest import portfolio_digest
from bot.services.digest.settle import failed, sent_with_chart
from bot.services.digest.weeks import digest_week, week_end
from bot.services.messenger import Messenger, Tag
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


def _deliver(
    database: Database,
    messenger: Messenger,
    person: Person,
    claim: int,
    check: bool,
    when: tuple[datetime, int, datetime, timedelta],
    tz: str,
) -> bool:
    now = when[0]
    try:
        channel = messenger.open_dm(person[1])
        tag = Tag(EVENT, "delivery", claim)
        landed = look_for(messenger, channel, tag) if check else None
        with database.reading() as session, reading_as(locale_of(session, *person)):
            content = portfolio_digest(session, person, now, tz)
        if landed is None:
            post_digest(messenger, channel, content, claim, EVENT)
    except Exception as error:
        failed(database, PortfolioDigest, claim, error, when)
        return False
    sent_with_chart(database, messenger, PortfolioDigest, (claim, channel), content, now)
    return True


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
        limits = (now, attempts + 1, ends, retry_base)
        sent += _deliver(database, messenger, person, claim, True, limits, "UTC")
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
            sent += _deliver(
                database, messenger, person, claim, False, (now, 1, week[1], retry_base), week[2]
            )
        except Exception:
            logger.exception("portfolio digest of %s failed; other sponsors go on", person[1])
    return sent
