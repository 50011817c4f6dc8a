"""Weekly digests whose send ended uncertain: queue a check, find the due ones, claim one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import DigestDelivery, Member


def retry_later(session: Session, claim_id: int, reason: str, at: datetime) -> None:
    """Keep the claim `sending` with why it failed, to be checked and retried at `at`."""
    row = session.get_one(DigestDelivery, claim_id)
    row.error = reason[:64]
    row.next_attempt_at = at


def due(session: Session, now: datetime) -> Sequence[tuple[int, int, str, int, date, datetime]]:
    """Claims due for a check: (claim, engagement, sponsor's user id, attempts, week, due)."""
    stmt = (
        select(
            DigestDelivery.id,
            DigestDelivery.engagement_id,
            Member.user_id,
            DigestDelivery.attempts,
            DigestDelivery.week,
            DigestDelivery.next_attempt_at,
        )
        .join(Member, Member.id == DigestDelivery.member_id)
        .where(
            DigestDelivery.status == "sending",
            DigestDelivery.next_attempt_at.is_not(None),
            DigestDelivery.next_attempt_at <= now,
        )
        .order_by(DigestDelivery.id)
    )
    return [
        (claim, engagement, user, attempts, week, when)
        for claim, engagement, user, attempts, week, when in session.execute(stmt)
        if when is not None
    ]


def claim(session: Session, claim_id: int, when: datetime, lease_until: datetime) -> bool:
    """Take a due retry, once: of two clocks looking at once, one gets it.

    The row keeps a check time (`lease_until`): should this clock die before recording
    what happened, another looks again then, so the week is never silently lost.
    """
    result = session.execute(
        update(DigestDelivery)
        .where(
            DigestDelivery.id == claim_id,
            DigestDelivery.status == "sending",
            DigestDelivery.next_attempt_at == when,
        )
        .values(next_attempt_at=lease_until, attempts=DigestDelivery.attempts + 1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
