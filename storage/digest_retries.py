"""Weekly digests whose send ended uncertain: the claims due for a check, with their sponsor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import DigestDelivery, Member


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
