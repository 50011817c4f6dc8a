"""Deliver a claimed weekly digest, one engagement's or a portfolio's, and settle its claim.

Sent is recorded as soon as the text is in the DM, before the chart goes; a failed try
either ends the week (Slack refused it) or keeps the claim to be checked and retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.delivery.digests import DigestDM, post_digest, upload_chart
from bot.services.delivery.exactly_once import after_failure, look_for, outcome_of
from bot.services.messenger import Messenger, Tag
from storage import digest_claims as claims
from storage.db import Database
from storage.models import DigestDelivery

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Claimed:
    """A weekly digest claimed for one person: its kind, the claim, whose DM, its tag's event."""

    kind: claims.Kind
    id: int
    user_id: str
    event: str


def deliver(
    database: Database,
    messenger: Messenger,
    claimed: Claimed,
    draw: Callable[[], DigestDM],
    when: tuple[datetime, int, datetime, timedelta],
    check: bool,
) -> bool:
    """Put a claimed digest in its person's DM and settle the claim; True once it is there.

    ``draw`` renders the digest in the person's language. With ``check`` (a claim taken
    again after an uncertain end), the DM is looked at first and the digest posted only
    if it never landed. ``when`` is (now, this attempt, when the week ends, retry base).
    """
    try:
        channel = messenger.open_dm(claimed.user_id)
        tag = Tag(claimed.event, "delivery", claimed.id)
        landed = look_for(messenger, channel, tag) if check else None
        digest = draw()
        if landed is None:
            post_digest(messenger, channel, digest, claimed.id, claimed.event)
    except Exception as error:
        _failed(database, claimed.kind, claimed.id, error, when)
        return False
    _sent_with_chart(database, messenger, claimed.kind, (claimed.id, channel), digest, when[0])
    return True


def _name(kind: claims.Kind) -> str:
    return "digest" if kind is DigestDelivery else "portfolio digest"


def _failed(
    database: Database,
    kind: claims.Kind,
    claim: int,
    error: Exception,
    when: tuple[datetime, int, datetime, timedelta],
) -> None:
    """Slack's refusal ends the week; anything uncertain is checked and retried in it.

    ``when`` is (now, the attempt that failed, when the week ends, the retry base).
    """
    outcome = outcome_of(error)
    logger.warning("%s claim %s failed (%s): %s", _name(kind), claim, outcome.kind, outcome.reason)
    after = after_failure(outcome, *when)
    with database.unit_of_work() as session:
        if after.retry_at is None:
            claims.finish(session, kind, claim, sent_at=None, error=after.error)
        else:
            claims.retry_later(session, kind, claim, after.error, after.retry_at)


def _sent_with_chart(
    database: Database,
    messenger: Messenger,
    kind: claims.Kind,
    claim: tuple[int, str],
    digest: DigestDM,
    now: datetime,
) -> None:
    """The digest's text is in the DM (``claim``: its id and channel): record it as sent,
    then add its chart.

    A chart that fails is noted on the row, not retried: the numbers have arrived, and
    a second upload could show the chart twice.
    """
    claim_id, channel = claim
    # Recorded before the chart goes: the text has arrived, and a claim left unsettled
    # during a slow upload would be checked, found, and given a second chart.
    with database.unit_of_work() as session:
        claims.finish(session, kind, claim_id, sent_at=now, error="")
    try:
        upload_chart(messenger, channel, digest)
    except Exception as error:
        note = f"chart: {outcome_of(error).reason}"
        logger.warning("%s claim %s: %s", _name(kind), claim_id, note)
        with database.unit_of_work() as session:
            claims.finish(session, kind, claim_id, sent_at=now, error=note)
