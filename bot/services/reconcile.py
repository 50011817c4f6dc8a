"""Keep alerts in step with a close's findings, and gather them in one channel message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain import alert_text as text
from bot.domain.alerts import Finding, PulseFigures, SlaStatus, Thresholds
from bot.domain.alerts.lifecycle import AlertChange, Change, plan
from bot.domain.alerts.trends import trend_sentence, why_resolved
from bot.domain.ladder import pulses_without_improving
from storage import alerts as alert_queries
from storage.models import Alert, AlertMessage, AlertStep, Engagement, Pulse


@dataclass(frozen=True, slots=True)
class Close:
    """What the rules saw at one close, for the trend and resolution sentences."""

    figures: PulseFigures
    history: Sequence[PulseFigures]
    sla_status: SlaStatus | None
    thresholds: Thresholds
    details: str = ""


@dataclass(frozen=True, slots=True)
class Reconciled:
    """The alert changes of one close and the channel messages they touched."""

    changes: list[AlertChange]
    message_ids: list[int]
    live: list[Alert]
    """The engagement's alerts still live after this close, oldest first."""


def reconcile(
    session: Session,
    engagement: Engagement,
    pulse: Pulse,
    findings: Sequence[Finding],
    now: datetime,
    close: Close,
    live_alerts: Sequence[Alert] | None = None,
) -> Reconciled:
    """One live alert per finding key: open new ones, update those still met, resolve the rest.

    A close that opens a finding starts a new message, and the findings still live move
    into it from older messages (which then say where they went); a close that opens
    nothing updates the messages its findings are in. Every message touched is redrawn.
    `live_alerts`, when the caller read them already, are the engagement's unresolved
    alerts (all of them).
    """
    if live_alerts is None:
        live_alerts = alert_queries.live(session, engagement.id)
    live = {alert.key: alert for alert in live_alerts}
    planned = plan(
        {key: (alert.rule, _compared(alert)) for key, alert in live.items()},
        [(f.key, f.rule, f.compared) for f in findings],
    )
    message = None
    moved_from: set[int] = set()
    if any(change == "opened" for change in planned.values()):
        message = _new_message(session, engagement, pulse, now)
        for key, kept in live.items():
            if planned[key] != "resolved" and kept.message_id != message.id:
                if kept.message_id is not None:
                    moved_from.add(kept.message_id)
                kept.message_id = message.id
    changed: list[tuple[Alert, Change]] = []
    for finding in findings:
        change = planned[finding.key]
        alert = live.get(finding.key)
        if alert is None:
            assert message is not None  # a finding was opened, so the close has a message
            alert = _new_alert(session, engagement, pulse, finding, now, message.id)
            alert.trend = text.TREND_OPENED
        else:
            alert.trend = trend_sentence(
                finding.rule, finding.side, finding.direction, _compared(alert), finding.compared
            )
            alert.pulses_without_improving = pulses_without_improving(
                alert.pulses_without_improving, change
            )
        alert.severity = finding.severity
        alert.sentence = finding.sentence
        alert.magnitude = finding.magnitude
        alert.measure = finding.compared
        alert.details = close.details
        alert.last_pulse_id = pulse.id
        alert.updated_at = now
        changed.append((alert, change))
    for key, alert in live.items():
        if planned[key] != "resolved":
            continue
        alert.status = "resolved"
        alert.resolved_at = now
        alert.last_pulse_id = pulse.id
        alert.updated_at = now
        alert.fixed_at_account = alert.escalated_at is None
        alert.resolution = why_resolved(
            alert.rule,
            alert.side,  # type: ignore[arg-type]
            _direction(alert.key),
            close.figures,
            close.history,
            close.sla_status,
            close.thresholds,
        )
        changed.append((alert, "resolved"))
    # One flush for every alert: new ones get their ids in the same round trip.
    session.flush()
    for alert, change in changed:
        session.add(
            AlertStep(
                alert_id=alert.id,
                pulse_id=pulse.id,
                at=now,
                change=change,
                measure=_compared(alert),
                trend=(alert.resolution or "") if change == "resolved" else alert.trend,
            )
        )
    still_live = [alert for alert in live_alerts if planned[alert.key] != "resolved"] + [
        alert for alert, change in changed if change == "opened"
    ]
    message_ids = _touch_messages(
        session, [alert for alert, _ in changed], moved_from, still_live, pulse, now
    )
    return Reconciled(
        [AlertChange(alert.id, change) for alert, change in changed], message_ids, still_live
    )


def _compared(alert: Alert) -> float:
    return alert.magnitude if alert.measure is None else alert.measure


def _direction(key: str) -> str | None:
    parts = key.split(":")
    return parts[2] if len(parts) > 2 else None


def _new_alert(
    session: Session,
    engagement: Engagement,
    pulse: Pulse,
    finding: Finding,
    now: datetime,
    message_id: int,
) -> Alert:
    alert = Alert(
        engagement_id=engagement.id,
        rule=finding.rule,
        key=finding.key,
        side=finding.side,
        opened_pulse_id=pulse.id,
        channel_id=engagement.channel_id,
        opened_at=now,
        magnitude=finding.magnitude,
        message_id=message_id,
    )
    session.add(alert)
    return alert


def _new_message(
    session: Session, engagement: Engagement, pulse: Pulse, now: datetime
) -> AlertMessage:
    message = AlertMessage(
        engagement_id=engagement.id,
        opened_pulse_id=pulse.id,
        last_pulse_id=pulse.id,
        status="live",
        channel_id=engagement.channel_id,
        opened_at=now,
        updated_at=now,
    )
    session.add(message)
    session.flush()
    return message


def _touch_messages(
    session: Session,
    alerts: Sequence[Alert],
    moved_from: set[int],
    still_live: Sequence[Alert],
    pulse: Pulse,
    now: datetime,
) -> list[int]:
    """Every message holding a changed alert or left by a moved one: this close is its
    latest; it is done once nothing live is left in it (a message holds one engagement's
    alerts, so `still_live`, that engagement's, tells)."""
    held = {alert.message_id for alert in alerts if alert.message_id is not None}
    holding_live = {alert.message_id for alert in still_live}
    ids = sorted(held | moved_from)
    for message_id in ids:
        message = session.get_one(AlertMessage, message_id)
        message.updated_at = now
        if message_id in held:  # one that only lost findings keeps the figures it showed
            message.last_pulse_id = pulse.id
        if message_id in moved_from:
            message.superseded_at = now
        if message_id not in holding_live:
            message.status = "done"
    # Older messages first, so the new one is posted last and lands at the bottom.
    return ids
