"""Queries on alerts and SLA records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from storage.models import Alert, Pulse, SlaRecord

LATEST_SLA_FIRST = (SlaRecord.recorded_at.desc(), SlaRecord.id.desc())
"""Which SLA record is an engagement's latest: the last recorded, the later row on a tie."""

# The queries every close runs are built once; only their parameters change.
_LIVE = (
    select(Alert)
    .where(Alert.engagement_id == bindparam("engagement_id"), Alert.status != "resolved")
    .order_by(Alert.opened_at, Alert.id)
)
_LATEST_SLA_STATUS = (
    select(SlaRecord.status)
    .where(SlaRecord.engagement_id == bindparam("engagement_id"))
    .order_by(*LATEST_SLA_FIRST)
    .limit(1)
)
_CLOSED_IDS_BEFORE = (
    select(Pulse.id)
    .where(
        Pulse.engagement_id == bindparam("engagement_id"),
        Pulse.status == "closed",
        Pulse.id != bindparam("pulse_id"),
        Pulse.opened_at <= bindparam("opened_at", type_=Pulse.opened_at.type),
    )
    .order_by(Pulse.opened_at.desc(), Pulse.id.desc())
    .limit(bindparam("limit"))
)


def live(session: Session, engagement_id: int) -> Sequence[Alert]:
    """Alerts not yet resolved, oldest first."""
    return session.scalars(_LIVE, {"engagement_id": engagement_id}).all()


def live_of(session: Session, engagement_ids: Sequence[int]) -> dict[int, list[Alert]]:
    """`live` for several engagements in one statement: every id a key, oldest first."""
    found: dict[int, list[Alert]] = {engagement_id: [] for engagement_id in engagement_ids}
    stmt = (
        select(Alert)
        .where(Alert.engagement_id.in_(engagement_ids), Alert.status != "resolved")
        .order_by(Alert.opened_at, Alert.id)
    )
    for alert in session.scalars(stmt):
        found[alert.engagement_id].append(alert)
    return found


def latest_sla(session: Session, engagement_id: int) -> SlaRecord | None:
    stmt = (
        select(SlaRecord)
        .where(SlaRecord.engagement_id == engagement_id)
        .order_by(*LATEST_SLA_FIRST)
    )
    return session.scalars(stmt).first()


def latest_sla_status(session: Session, engagement_id: int) -> str | None:
    """The status of the latest SLA record, without loading the record."""
    return session.scalars(_LATEST_SLA_STATUS, {"engagement_id": engagement_id}).first()


def openings_since(session: Session, engagement_id: int, since: datetime) -> list[datetime]:
    """When each alert of the engagement opened, from `since` on, resolved ones included."""
    stmt = select(Alert.opened_at).where(
        Alert.engagement_id == engagement_id, Alert.opened_at >= since
    )
    return list(session.scalars(stmt.order_by(Alert.opened_at)).all())


def closed_pulses(
    session: Session, engagement_id: int, *, before: Pulse | None, limit: int
) -> list[Pulse]:
    """The last `limit` closed pulses (before a given one), oldest first."""
    stmt = select(Pulse).where(Pulse.engagement_id == engagement_id, Pulse.status == "closed")
    if before is not None:
        stmt = stmt.where(Pulse.id != before.id, Pulse.opened_at <= before.opened_at)
    stmt = stmt.order_by(Pulse.opened_at.desc(), Pulse.id.desc()).limit(limit)
    return list(reversed(session.scalars(stmt).all()))


def closed_pulse_ids_before(session: Session, pulse: Pulse, limit: int) -> list[int]:
    """The ids of `closed_pulses(..., before=pulse, limit=limit)`, in the same order."""
    params = {
        "engagement_id": pulse.engagement_id,
        "pulse_id": pulse.id,
        "opened_at": pulse.opened_at,
        "limit": limit,
    }
    return list(reversed(session.scalars(_CLOSED_IDS_BEFORE, params).all()))


def outcomes(
    session: Session, engagement_id: int
) -> list[tuple[datetime, datetime | None, datetime | None]]:
    """(opened, resolved, escalated) of every alert of the engagement, for the ladder figures."""
    stmt = select(Alert.opened_at, Alert.resolved_at, Alert.escalated_at).where(
        Alert.engagement_id == engagement_id
    )
    return [(opened, resolved, escalated) for opened, resolved, escalated in session.execute(stmt)]
