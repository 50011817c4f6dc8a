"""Transient ORM objects for renderer tests: every field set, no session, no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage.models import Alert, Engagement, Member, Pulse

OPENED = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)  # a Tuesday


def engagement(**overrides: object) -> Engagement:
    """An engagement with the defaults a new one gets (`weekly tue 10:00`, 72h, 70/60/15/3)."""
    fields: dict[str, object] = {
        "id": 7,
        "team_id": "T0ACME",
        "name": "Acme deal",
        "client_org": "Acme",
        "provider_org": "Globex",
        "channel_id": "C0ALERTS",
        "timezone": "Europe/Paris",
        "schedule": "weekly tue 10:00",
        "window_hours": 72,
        "reminder_hours": 24,
        "client_tolerance": 70,
        "provider_tolerance": 60,
        "gap_threshold": 15,
        "anonymity_min": 3,
        "digest_schedule": "mon 08:00",
        "created_by": "U0LEAD",
        "created_at": OPENED - timedelta(weeks=8),
    }
    fields.update(overrides)
    return Engagement(**fields)


def member(side: str = "client", **overrides: object) -> Member:
    fields: dict[str, object] = {
        "id": 1,
        "team_id": "T0ACME",
        "user_id": "U0CLI1",
        "side": side,
        "role": "member",
        "weight": 1.0,
        "status": "active",
        "status_reason": None,
        "added_at": OPENED - timedelta(weeks=8),
    }
    fields.update(overrides)
    return Member(**fields)


def pulse(of: Engagement | None = None, **overrides: object) -> Pulse:
    fields: dict[str, object] = {
        "id": 41,
        "status": "open",
        "started_by": "schedule",
        "opened_at": OPENED,
        "closes_at": OPENED + timedelta(hours=72),
        "closed_at": None,
    }
    fields.update(overrides)
    made = Pulse(**fields)
    made.engagement = of if of is not None else engagement()
    return made


def alert(of: Engagement | None = None, **overrides: object) -> Alert:
    """An open, unowned gap alert on the Acme deal."""
    fields: dict[str, object] = {
        "id": 12,
        "rule": "gap",
        "side": None,
        "severity": "warning",
        "status": "open",
        "sentence": "The client rates the relationship 27 points below the provider.",
        "magnitude": 27.0,
        "details": "",
        "channel_id": "C0ALERTS",
        "owner_user_id": None,
        "acknowledged_by": None,
        "acknowledged_at": None,
        "opened_at": OPENED + timedelta(hours=72),
        "resolved_at": None,
    }
    fields.update(overrides)
    made = Alert(**fields)
    made.engagement = of if of is not None else engagement()
    return made
