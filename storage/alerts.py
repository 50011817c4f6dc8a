"""Queries on alerts and SLA records."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Alert, Pulse, SlaRecord


def live(session: Session, engagement_id: int) -> Sequence[Alert]:
    """Alerts not yet resolved, oldest first."""
    stmt = select(Alert).where(Alert.engagement_id == engagement_id, Alert.status != "resolved")
    return session.scalars(stmt.order_by(Alert.opened_at, Alert.id)).all()


def latest_sla(session: Session, engagement_id: int) -> SlaRecord | None:
    stmt = (
        select(SlaRecord)
        .where(SlaRecord.engagement_id == engagement_id)
        .order_by(SlaRecord.recorded_at.desc(), SlaRecord.id.desc())
    )
    return session.scalars(stmt).first()


def closed_pulses(
    session: Session, engagement_id: int, *, before: Pulse | None, limit: int
) -> list[Pulse]:
    """The last `limit` closed pulses (before a given one), oldest first."""
    stmt = select(Pulse).where(Pulse.engagement_id == engagement_id, Pulse.status == "closed")
    if before is not None:
        stmt = stmt.where(Pulse.id != before.id, Pulse.opened_at <= before.opened_at)
    stmt = stmt.order_by(Pulse.opened_at.desc(), Pulse.id.desc()).limit(limit)
    return list(reversed(session.scalars(stmt).all()))
