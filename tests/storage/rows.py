"""Rows for storage tests: an engagement and its people, added in the caller's session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import Alert, Delivery, Engagement, Member, Pulse

CREATED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def add_engagement(
    session: Session, name: str = "Acme deal", team: str = "T0ACME", **fields: object
) -> Engagement:
    """A new engagement with the defaults Rapport gives one, flushed so it has an id."""
    values: dict[str, object] = {
        "team_id": team,
        "name": name,
        "client_org": "Acme",
        "provider_org": "Globex",
        "channel_id": "C0ALERTS",
        "created_by": "U0LEAD",
        "timezone": "UTC",
        "schedule": "weekly tue 10:00",
        "window_hours": 72,
        "reminder_hours": 24,
        "digest_schedule": "mon 08:00",
        "created_at": CREATED,
    }
    values.update(fields)
    engagement = Engagement(**values)
    session.add(engagement)
    session.flush()
    return engagement


def add_member(
    session: Session,
    engagement: Engagement,
    user: str,
    side: str = "client",
    role: str = "member",
    **fields: object,
) -> Member:
    """A person on the engagement, in its workspace unless `team_id` says otherwise."""
    values: dict[str, object] = {
        "engagement_id": engagement.id,
        "team_id": engagement.team_id,
        "user_id": user,
        "side": side,
        "role": role,
        "added_at": CREATED,
    }
    values.update(fields)
    member = Member(**values)
    session.add(member)
    session.flush()
    return member


def add_pulse(session: Session, engagement: Engagement, **fields: object) -> Pulse:
    """A pulse of the engagement with its thresholds, open for 72 hours from `CREATED`."""
    values: dict[str, object] = {
        "engagement_id": engagement.id,
        "started_by": "test",
        "opened_at": CREATED,
        "closes_at": CREATED + timedelta(hours=72),
        "anonymity_min": 3,
        "client_tolerance": 70,
        "provider_tolerance": 60,
        "gap_threshold": 15,
    }
    values.update(fields)
    pulse = Pulse(**values)
    session.add(pulse)
    session.flush()
    return pulse


def add_delivery(session: Session, pulse: Pulse, member: Member, **fields: object) -> Delivery:
    """The pulse's DM to the member, pending unless `status` says otherwise."""
    values: dict[str, object] = {
        "pulse_id": pulse.id,
        "member_id": member.id,
        "side": member.side,
        "weight": member.weight or 1.0,
    }
    values.update(fields)
    delivery = Delivery(**values)
    session.add(delivery)
    session.flush()
    return delivery


def add_alert(session: Session, pulse: Pulse, rule: str = "gap", **fields: object) -> Alert:
    """An open warning raised by `pulse` in the engagement's channel."""
    values: dict[str, object] = {
        "engagement_id": pulse.engagement_id,
        "rule": rule,
        "key": rule,
        "severity": "warning",
        "sentence": "The two sides see it differently.",
        "magnitude": 20.0,
        "opened_pulse_id": pulse.id,
        "last_pulse_id": pulse.id,
        "channel_id": "C0ALERTS",
        "opened_at": CREATED,
    }
    values.update(fields)
    alert = Alert(**values)
    session.add(alert)
    session.flush()
    return alert


def refused(database: Database, *rows: Callable[[Session], object]) -> None:
    """Each row, written alone in its own unit of work, is refused by the schema."""
    for make in rows:
        with pytest.raises(IntegrityError), database.unit_of_work() as session:
            make(session)
            session.flush()
