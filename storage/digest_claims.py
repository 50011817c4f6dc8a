"""The weekly digest claims, one engagement's (`DigestDelivery`) or a portfolio's alike.

Both kinds of row carry the same exactly-once columns: inserted once as the claim,
settled as ``sent`` or ``failed``, or kept ``sending`` with a check time and taken by
one clock when that time comes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DigestDelivery, PortfolioDigest

Claim = DigestDelivery | PortfolioDigest
Kind = type[DigestDelivery] | type[PortfolioDigest]
"""Which weekly digest a claim id belongs to."""


def insert(session: Session, claim: Claim) -> int | None:
    """Insert a new claim row; None if the database refuses it as a second one that week.

    Of two clocks inserting the same claim at once, PostgreSQL makes the second wait for
    the first and then refuses it; SQLite serialises the two writers.
    """
    try:
        with session.begin_nested():
            session.add(claim)
            session.flush()
    except IntegrityError:
        return None
    return claim.id


def finish(
    session: Session, kind: Kind, claim_id: int, *, sent_at: datetime | None, error: str
) -> None:
    """Mark a claim sent (with `sent_at`; `error` notes a missing chart) or failed (`error`)."""
    values = (
        {"status": "sent", "sent_at": sent_at, "error": error[:64] or None}
        if sent_at
        else {"status": "failed", "error": error[:64]}
    )
    session.execute(update(kind).where(kind.id == claim_id).values(**values, next_attempt_at=None))


def retry_later(session: Session, kind: Kind, claim_id: int, reason: str, at: datetime) -> None:
    """Keep the claim `sending` with why it failed, to be checked and retried at `at`."""
    session.execute(
        update(kind).where(kind.id == claim_id).values(error=reason[:64], next_attempt_at=at)
    )


def take(
    session: Session, kind: Kind, claim_id: int, when: datetime, lease_until: datetime
) -> bool:
    """Take a due claim, once: of two clocks looking at once, one gets it.

    The row keeps a check time (`lease_until`): should this clock die before recording
    what happened, another looks again then, so the week is never silently lost.
    """
    result = session.execute(
        update(kind)
        .where(kind.id == claim_id, kind.status == "sending", kind.next_attempt_at == when)
        .values(next_attempt_at=lease_until, attempts=kind.attempts + 1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
