"""Following alerts up: list the live ones, acknowledge, assign an owner (leads only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain.actions import ActionItem
from bot.domain.people import Caller
from bot.services.actions import live_alert_led_by, open_actions, today_of
from bot.services.alert_message import finding
from bot.services.delivery.alert_posts import redraw
from bot.services.engagements import choose, require_member
from bot.services.runtime import Runtime
from bot.views.alert_finding import Finding
from storage import alerts as alert_queries
from storage.models import Alert, Engagement


def live_alerts(session: Session, engagement: Engagement) -> Sequence[Alert]:
    """The engagement's open and acknowledged alerts, oldest first."""
    return alert_queries.live(session, engagement.id)


def follow_up(
    container: Runtime, alert_id: int, caller: Caller, apply: Callable[[Alert], None]
) -> None:
    """Apply a lead's change to a live alert, then redraw its channel message.

    Raises:
        NotFound: the alert does not exist.
        NotPermitted: the caller does not lead the alert's engagement.
        Conflict: the alert is already resolved.
    """
    with container.database.unit_of_work() as session:
        apply(live_alert_led_by(session, alert_id, caller))
        session.flush()
    redraw(container.database, container.messenger, alert_id)


def acknowledge(container: Runtime, alert_id: int, caller: Caller) -> None:
    """Mark a live alert acknowledged by the caller."""
    now = container.now()

    def apply(alert: Alert) -> None:
        alert.status, alert.acknowledged_by, alert.acknowledged_at = (
            "acknowledged",
            caller.user_id,
            now,
        )

    follow_up(container, alert_id, caller, apply)


def check_can_follow_up(container: Runtime, alert_id: int, caller: Caller) -> None:
    """Refuse before a form opens if the caller may not change the alert."""
    with container.database.reading() as session:
        live_alert_led_by(session, alert_id, caller)


def assign(container: Runtime, alert_id: int, caller: Caller, owner: str) -> None:
    """Give a live alert an owner who follows it up."""

    def apply(alert: Alert) -> None:
        alert.owner_user_id = owner

    follow_up(container, alert_id, caller, apply)


@dataclass(frozen=True, slots=True)
class LiveAlerts:
    """`/rapport alerts`: an engagement's live alerts and open actions, as of `now`."""

    name: str
    alerts: Sequence[Finding]
    actions: Sequence[ActionItem]
    now: datetime
    today: date


def alerts_of(container: Runtime, caller: Caller, name: str | None) -> LiveAlerts:
    """The live alerts and open actions of the engagement a command names, for a member."""
    with container.database.reading() as session:
        engagement = choose(session, caller, name)
        require_member(session, engagement, caller)
        now = container.now()
        return LiveAlerts(
            engagement.name,
            [finding(alert) for alert in live_alerts(session, engagement)],
            open_actions(session, engagement),
            now,
            today_of(engagement, now),
        )
