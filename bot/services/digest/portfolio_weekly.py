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
from dataclasses import replace
from datetime import date, datetime
from functools import partial

from sqlalchemy.orm import Session

from bot.domain.i18n import reading_as
from bot.domain.schedule import ScheduleError
from bot.services.delivery import outbox
from bot.services.digest.portfolio_digest import PortfolioDigestContent, portfolio_digest
from bot.services.digest.settle import Claimed, DigestItem, base_kind, taken
from bot.services.digest.weeks import digest_week, week_end
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


def claim_due_portfolio_digests(database: Database, now: datetime) -> int:
    """Commit a claim for every sponsor of several engagements whose week is due and who has
    none yet (nothing is sent here; the ``portfolio_digest`` outbox kind sends it)."""
    with database.reading() as session:
        sponsors = queries.portfolio_sponsors(session)
        chosen = {
            person: (found.day_time, found.timezone)
            for person in sponsors
            if (found := queries.digest_time(session, person)) is not None
        }
    claimed = 0
    for person, engagements in sponsors.items():
        try:
            week = portfolio_week(engagements, chosen.get(person), now)
            if week is None:
                continue
            with database.unit_of_work() as session:
                # Due at once, taken by one process (`outbox_kind`); none tried it yet.
                if queries.claim_week(session, person, week[:2], now, now, attempts=0):
                    claimed += 1
        except Exception:
            logger.exception("portfolio digest of %s not claimed; other sponsors go on", person[1])
    return claimed


def outbox_kind(database: Database, now: datetime) -> outbox.OutboxKind[DigestItem]:
    """A sponsor's portfolio digest as an outbox kind, for a process running at ``now``."""
    return replace(
        base_kind(PortfolioDigest),
        due=_due,
        claim=partial(_take, database, now),
    )


def _due(session: Session, now: datetime) -> list[tuple[int, datetime | None]]:
    return [(row.id, row.next_attempt_at) for row in queries.due(session, now)]


def _take(
    database: Database,
    now: datetime,
    session: Session,
    claim: int,
    seen: datetime | None,
    lease_until: datetime,
) -> outbox.Claimed[DigestItem] | None:
    """Take a due claim, once; drawn in the person's language and their week's time zone."""
    if seen is None or not claims.take(session, PortfolioDigest, claim, seen, lease_until):
        return None
    row = session.get_one(PortfolioDigest, claim)
    person = (row.team_id, row.user_id)
    claimed = Claimed(PortfolioDigest, claim, row.user_id, EVENT)
    draw = partial(_drawn, database, person, now, _zone(session, person, row.week, now))
    return taken(session, claimed, draw, (now, row.attempts, row.week_ends_at))


def _zone(session: Session, person: Person, week: date, now: datetime) -> str:
    """The time zone the person's digest week is counted in: that of the week due at
    ``now`` when it is this claim's week, else UTC (as a check of a past claim draws it)."""
    found = queries.digest_time(session, person)
    chosen = (found.day_time, found.timezone) if found is not None else None
    engagements = queries.portfolio_sponsors(session).get(person, [])
    due = portfolio_week(engagements, chosen, now)
    return due[2] if due is not None and due[0] == week else "UTC"


def _drawn(database: Database, person: Person, now: datetime, tz: str) -> PortfolioDigestContent:
    """The person's portfolio digest, in their language."""
    with database.reading() as session, reading_as(locale_of(session, *person)):
        return portfolio_digest(session, person, now, tz)
