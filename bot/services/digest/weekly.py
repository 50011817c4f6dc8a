"""The weekly sponsor digest: once per sponsor and week, on the engagement's day and local time.

Exactly-once, and late rather than never: when a sponsor's digest moment has passed, a
row (engagement, sponsor, week) is committed as the claim before anything is sent; the
database refuses a second one, so two clocks, a restart or a retry can never send the
same week twice. Each claim is then one item of the outbox (`outbox.py`, the
``digest`` kind): due at once, taken by one process (a worker's job of its own with
`JOB_QUEUE=postgres`, else the clock) with a check time (``lease``, the process's
STALE_SENDING_SECONDS), and sent as a DM tagged with the claim's id. The row then becomes
``sent``, or ``failed`` with Slack's refusal; a send that ends uncertain (a timeout, a
reset, a 5xx) stays ``sending`` with its reason and is checked from ``next_attempt_at``,
with backoff: found in the DM, it is recorded (and its chart added); not found, it is
sent again, until the week ends. A chart that fails after its text arrived is noted, not
sent twice. A process that dies, or loses its database, between taking a claim and
recording its end leaves a row that another process checks the same way once that time
has passed — by then no send of it can still be in flight. A clock that was down at the
digest moment catches up on its next tick in the same week; a week wholly missed is not
sent late, nor is a claim no process took before its week ended.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session

from bot.domain.i18n import reading_as
from bot.domain.retries import DEFAULT_TIMING, Timing
from bot.domain.schedule import ScheduleError
from bot.services.delivery import outbox
from bot.services.delivery.digests import DIGEST_EVENT, RenderedDigest, render
from bot.services.digest.assemble import assemble
from bot.services.digest.portfolio_weekly import claim_due_portfolio_digests
from bot.services.digest.portfolio_weekly import outbox_kind as portfolio_kind
from bot.services.digest.settle import Claimed, DigestItem, base_kind, taken
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


def claim_due_digests(database: Database, now: datetime) -> int:
    """Commit a claim for every sponsor whose digest moment this week has passed and who
    has none yet (nothing is sent here); returns how many. Safe in any number of clocks.

    A sponsor of several engagements gets one portfolio digest instead
    (``portfolio_weekly.py``).
    """
    claimed = 0
    try:
        claimed += claim_due_portfolio_digests(database, now)
    except Exception:
        logger.exception("portfolio digests not claimed; each engagement's own digests go on")
    with database.reading() as session:
        engagements = [
            (e.id, e.digest_schedule, e.timezone)
            for e in queries.engagements_with_sponsors(session)
        ]
    for engagement_id, schedule, tz in engagements:
        try:
            claimed += _claim_week(database, engagement_id, (schedule, tz), now)
        except Exception:
            logger.exception(
                "digest of engagement %s not claimed; other engagements go on", engagement_id
            )
    return claimed


def _claim_week(
    database: Database, engagement_id: int, slot: tuple[str, str], now: datetime
) -> int:
    try:
        week, moment = digest_week(*slot, now)
    except (ScheduleError, ValueError, KeyError) as error:
        logger.warning("engagement %s: no digest, bad schedule: %s", engagement_id, error)
        return 0
    if moment > now:
        return 0
    claimed = 0
    with database.unit_of_work() as session:
        for sponsor in queries.sponsors_without_digest(session, engagement_id, week):
            # Due at once, taken by one process (`outbox_kind`); none tried it yet.
            if queries.claim_week(session, engagement_id, sponsor.id, week, now, now, attempts=0):
                claimed += 1
    return claimed


def outbox_kind(database: Database, now: datetime) -> outbox.OutboxKind[DigestItem]:
    """An engagement's weekly digest as an outbox kind, for a process running at ``now``:
    its claims due, each taken once and drawn in its sponsor's language when it is sent."""
    return replace(
        base_kind(DigestDelivery),
        due=_due,
        claim=partial(_take, database, now),
    )


def _due(session: Session, now: datetime) -> list[tuple[int, datetime | None]]:
    return [(claim, when) for claim, *_, when in retries.due(session, now)]


def _take(
    database: Database,
    now: datetime,
    session: Session,
    claim: int,
    seen: datetime | None,
    lease_until: datetime,
) -> outbox.Claimed[DigestItem] | None:
    """Take a due claim, once; one tried before is looked for in the DM before any post."""
    if seen is None or not claims.take(session, DigestDelivery, claim, seen, lease_until):
        return None
    row = session.get_one(DigestDelivery, claim)
    engagement = session.get_one(Engagement, row.engagement_id)
    user_id = session.get_one(Member, row.member_id).user_id
    claimed = Claimed(DigestDelivery, claim, user_id, DIGEST_EVENT)
    draw = partial(_rendered_for, database, engagement.id, user_id, now)
    week_ends = week_end(row.week, engagement.timezone)
    return taken(session, claimed, draw, (now, row.attempts, week_ends))


def _rendered_for(
    database: Database, engagement_id: int, user_id: str, now: datetime
) -> RenderedDigest:
    """The engagement's digest in the language of the sponsor who reads it."""
    with database.reading() as session:
        engagement = session.get_one(Engagement, engagement_id)
        with reading_as(locale_on(session, engagement_id, user_id)):
            return render(assemble(session, engagement, now))


def send_due_digests(
    database: Database,
    messenger: Messenger,
    now: datetime,
    timing: Timing = DEFAULT_TIMING,
) -> int:
    """Claim and send here every digest due by ``now`` that no clock has sent this week
    (the clock's step without workers); returns how many are now in their DMs.

    Safe to call from any number of processes at once and as often as you like: each
    sponsor gets at most one digest a week (see the module notes). ``timing.lease`` must
    outlast any one send (the process settings make sure of it).
    """
    claim_due_digests(database, now)
    sent = 0
    for kind in (portfolio_kind(database, now), outbox_kind(database, now)):
        sent += outbox.landed(outbox.run(database, messenger, kind, now, timing))
    return sent
