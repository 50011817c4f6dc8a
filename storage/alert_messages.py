"""Queries on grouped alert messages and each finding's steps."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Alert, AlertStep


def alerts_of(session: Session, message_id: int) -> Sequence[Alert]:
    """The message's findings in the order they opened."""
    stmt = select(Alert).where(Alert.message_id == message_id).order_by(Alert.opened_at, Alert.id)
    return session.scalars(stmt).all()


def steps_of(session: Session, alert_id: int) -> Sequence[AlertStep]:
    """What each close said about one finding, oldest first."""
    stmt = select(AlertStep).where(AlertStep.alert_id == alert_id)
    return session.scalars(stmt.order_by(AlertStep.at, AlertStep.id)).all()
