"""Reading one grouped alert message's state from the database into the view that draws it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.domain.alerts import Thresholds
from bot.services.alert_sections import extra_sections
from bot.views.alert_finding import Finding
from bot.views.alert_message import MessageView
from storage import alert_messages as queries
from storage.models import Alert, AlertMessage, Engagement, Pulse
from storage.published import published


def finding(alert: Alert) -> Finding:
    """An alert row as its message and the alert lists show it."""
    return Finding(
        id=alert.id,
        rule=alert.rule,
        side=alert.side,
        severity=alert.severity,
        status=alert.status,
        sentence=alert.sentence,
        opened_at=alert.opened_at,
        key=alert.key,
        trend=alert.trend,
        resolution=alert.resolution,
        resolved_at=alert.resolved_at,
        acknowledged_by=alert.acknowledged_by,
        owner_user_id=alert.owner_user_id,
    )


def load(session: Session, message: AlertMessage) -> MessageView:
    """A message's view as stored now (its findings, its latest close's figures)."""
    engagement = session.get_one(Engagement, message.engagement_id)
    pulse = session.get_one(Pulse, message.last_pulse_id)
    alerts = list(queries.alerts_of(session, message.id))
    latest = max(alerts, key=lambda a: (a.updated_at, a.id), default=None)
    return MessageView(
        engagement=engagement.name,
        orgs={"client": engagement.client_org, "provider": engagement.provider_org},
        figures=published(session, [pulse.id]).get(pulse.id),
        thresholds=Thresholds(
            client_tolerance=pulse.client_tolerance,
            provider_tolerance=pulse.provider_tolerance,
            gap=pulse.gap_threshold,
            anonymity_min=pulse.anonymity_min,
        ),
        details=latest.details if latest is not None else "",
        alerts=[finding(alert) for alert in alerts],
        extras=extra_sections(session, message),
        superseded_at=message.superseded_at,
    )
