"""The weekly sponsor digest: once per sponsor and week, on the engagement's day and local time.

Exactly-once, and late rather than never: before anything is sent, a row (engagement,
sponsor, week) is committed as the claim; the database refuses a second one, so two
clocks, a restart or a retry can never send the same week twice. The digest's DM is
tagged with the claim's id. The row then becomes ``sent``, or ``failed`` with Slack's
refusal; a send that ends uncertain (a timeout, a reset, a 5xx) stays ``sending`` with
its reason and is checked from ``next_attempt_at``, with backoff: found in the DM, it is
recorded (and its chart added); not found, it is sent again, until the week ends. A
chart that fails after its text arrived is noted, not sent twice. Every claim carries a
check time (``lease``, the process's STALE_SENDING_SECONDS) from the moment it is taken:
a process that dies, or loses its database, between the claim and the record leaves
a row that another tick checks the same way once that time has passed — by then no
send of it can still be in flight. A clock that was down at the digest moment catches
up on its next tick in the same week; a week wholly missed is not sent late.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial

from sqlalchemy.orm import Session

from bot.domain.i18n import language_of, reading_as
from bot.domain.retries import BASE
from bot.domain.schedule import ScheduleError
from bot.services.delivery import outbox
from bot.services.delivery.digests import DIGEST_EVENT, RenderedDigest, render
from bot.services.digest.assemble import assemble
from bot.services.digest.portfolio_weekly import send_due_portfolio_digests
from bot.services.digest.settle import Claimed, DigestItem, claimed_item, deliver, outbox_kind
from bot.services.digest.weeks import digest_week as digest_week
from bot.services.digest.weeks import week_end
from bot.services.messenger import Messenger
from storage import digest_claims as claims
from storage import digest_retries as retries
from storage import digests as queries
from storage.db import Database
from storage.locales import locale_on
from storage.models import DigestDelivery, Engagement, Member

logger = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
"""How long a claim is left to its sender before another clock checks and settles it."""


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


def _send_week(
    database: Database,
    messenger: Messenger,
    engagement_id: int,
    week: date,
    sponsors: list[tuple[int, str]],
    now: datetime,
    timing: tuple[timedelta, timedelta],
) -> int:
    retry_base, lease = timing
    rendered: dict[str, RenderedDigest] = {}  # one per language among the sponsors
    sent = 0
    for member_id, user_id in sponsors:
        with database.unit_of_work() as session:
            claim = queries.claim_week(session, engagement_id, member_id, week, now, now + lease)
            tz = session.get_one(Engagement, engagement_id).timezone
            language = language_of(session.get_one(Member, member_id).locale)
        if claim is None:
            continue  # another clock has it
        claimed = Claimed(DigestDelivery, claim, user_id, DIGEST_EVENT)
        draw = partial(_rendered_once, database, rendered, (engagement_id, language), now)
        limits = (now, 1, week_end(week, tz), retry_base)
        sent += deliver(database, messenger, claimed, draw, limits, check=False)
    return sent


def _rendered_once(
    database: Database,
    rendered: dict[str, RenderedDigest],
    engagement_language: tuple[int, str],
    now: datetime,
) -> RenderedDigest:
    """The engagement's digest in one language, rendered once for all its sponsors who read it."""
    engagement_id, language = engagement_language
    if language not in rendered:
        with database.reading() as session, reading_as(language):
            engagement = session.get_one(Engagement, engagement_id)
            rendered[language] = render(assemble(session, engagement, now))
    return rendered[language]


def _rendered_for(
    database: Database, engagement_id: int, user_id: str, now: datetime
) -> RenderedDigest:
    """The engagement's digest in the language of the sponsor who reads it."""
    with database.reading() as session:
        engagement = session.get_one(Engagement, engagement_id)
        with reading_as(locale_on(session, engagement_id, user_id)):
            return render(assemble(session, engagement, now))


def _retry_due(
    database: Database, messenger: Messenger, now: datetime, timing: tuple[timedelta, timedelta]
) -> int:
    """Check each uncertain or unsettled digest in its DM; send it only if it never landed."""
    kind = replace(
        outbox_kind(DigestDelivery), due=_checks_due, claim=partial(_take_check, database, now)
    )
    return outbox.landed(outbox.run(database, messenger, kind, now, timing))


def _checks_due(session: Session, now: datetime) -> list[tuple[int, datetime | None]]:
    return [(claim, when) for claim, *_, when in retries.due(session, now)]


def _take_check(
    database: Database,
    now: datetime,
    session: Session,
    claim: int,
    seen: datetime | None,
    lease_until: datetime,
) -> outbox.Claimed[DigestItem] | None:
    """Take a claim due for a check, once; it is looked for in the DM before any post."""
    if seen is None or not claims.take(session, DigestDelivery, claim, seen, lease_until):
        return None
    row = session.get_one(DigestDelivery, claim)
    engagement = session.get_one(Engagement, row.engagement_id)
    user_id = session.get_one(Member, row.member_id).user_id
    claimed = Claimed(DigestDelivery, claim, user_id, DIGEST_EVENT)
    draw = partial(_rendered_for, database, engagement.id, user_id, now)
    week_ends = week_end(row.week, engagement.timezone)
    return claimed_item(claimed, draw, (now, row.attempts, week_ends), check=True)


def send_due_digests(
    database: Database,
    messenger: Messenger,
    now: datetime,
    retry_base: timedelta = BASE,
    lease: timedelta = LEASE,
) -> int:
    """Send every digest due by ``now`` that no clock has sent this week; returns how many.

    A sponsor of one engagement gets its digest; a sponsor of several gets one portfolio
    digest (``portfolio_weekly.py``) instead of one per engagement. Safe to call from any number of
    processes at once and as often as you like: each sponsor gets at most one digest a
    week (see the module notes).
    ``lease`` must outlast any one send (the process settings make sure of it).
    """
    timing = (retry_base, lease)
    sent = _retry_due(database, messenger, now, timing)
    try:
        sent += send_due_portfolio_digests(database, messenger, now, timing)
    except Exception:
        logger.exception("portfolio digests failed; each engagement's own digests go on")
    for engagement_id, week, sponsors in _due(database, now):
        try:
            sent += _send_week(database, messenger, engagement_id, week, sponsors, now, timing)
        except Exception:
            logger.exception(
                "digest of engagement %s failed; other engagements go on", engagement_id
            )
    return sent
