"""Settle a weekly digest's claim, one engagement's or a portfolio's: sent, or failed.

Sent is recorded as soon as the text is in the DM, before the chart goes; a failed try
either ends the week (Slack refused it) or keeps the claim to be checked and retried.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.services.delivery.digests import DigestDM, upload_chart
from bot.services.delivery.exactly_once import after_failure, outcome_of
from bot.services.messenger import Messenger
from storage import digest_claims as claims
from storage.db import Database
from storage.models import DigestDelivery

logger = logging.getLogger(__name__)


def _name(kind: claims.Kind) -> str:
    return "digest" if kind is DigestDelivery else "portfolio digest"


def failed(
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


def sent_with_chart(
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
