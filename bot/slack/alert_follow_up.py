"""What follows an alert's own blocks: the drivers behind its latest figures, and its actions."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.domain.divergence import MIN_ANONYMITY
from bot.slack.action_view import action_blocks
from bot.slack.driver_view import driver_blocks
from storage import actions as action_queries
from storage.models import Alert, Pulse
from storage.published_drivers import published_drivers


def follow_up_blocks(session: Session, alert: Alert) -> list[dict[str, Any]]:
    """The drivers line of the pulse the alert last read, then its actions and their buttons."""
    pulse = session.get(Pulse, alert.last_pulse_id)
    drivers = published_drivers(session, [alert.last_pulse_id]).get(alert.last_pulse_id)
    minimum = pulse.anonymity_min if pulse is not None else MIN_ANONYMITY
    items = action_queries.of_alert(session, alert)
    return driver_blocks(drivers, minimum) + action_blocks(
        alert.id, alert.status != "resolved", items
    )
