"""How a finding looks inside its grouped message: its sentence, trend, state and buttons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.domain import alert_text as text
from bot.domain import reply_text
from bot.domain.alert_message import side_title
from bot.domain.alerts import PulseFigures, Thresholds
from bot.domain.dates import age
from bot.domain.i18n import _
from bot.views import kit, values
from bot.views.mrkdwn import slack_date

ACK_ACTION = "alert.ack"
ASSIGN_ACTION = "alert.assign"
ASSIGN_VIEW = "alert.assign"


@dataclass(frozen=True, slots=True)
class Finding:
    """One alert as its message and the alert lists show it."""

    id: int
    rule: str
    side: str | None
    severity: str
    status: str
    sentence: str
    opened_at: datetime
    key: str = ""
    """The rule's key for this finding ("blind_spot:provider:high"); its third part is a kind."""
    trend: str = ""
    resolution: str | None = None
    resolved_at: datetime | None = None
    acknowledged_by: str | None = None
    owner_user_id: str | None = None


def figures_line(figures: PulseFigures, thresholds: Thresholds) -> str:
    """Both sides against their tolerances; a withheld side shows no number at all."""
    parts = []
    for side in (figures.client, figures.provider):
        if side.index is None:
            parts.append(
                reply_text.FIGURES_WITHHELD.format(side=side.side, minimum=thresholds.anonymity_min)
            )
        else:
            parts.append(
                reply_text.FIGURES_SIDE.format(
                    side=side.side,
                    index=int(side.index),
                    tolerance=int(thresholds.tolerance(side.side)),
                )
            )
    return ", ".join(parts)


def details_text(figures: PulseFigures, previous: PulseFigures | None) -> str:
    """The trend since the last pulse (sides shown on both) and the response counts."""
    lines = []
    if previous is not None:
        trends = [
            reply_text.TREND_SIDE.format(side=now.side, change=int(now.index) - int(before.index))
            for now, before in (
                (figures.client, previous.client),
                (figures.provider, previous.provider),
            )
            if now.index is not None and before.index is not None
        ]
        if trends:
            lines.append(reply_text.TREND_LINE.format(trends=", ".join(trends)))
    lines.append(
        reply_text.ANSWERED_LINE.format(
            client_answered=figures.client.answered,
            client_eligible=figures.client.eligible,
            provider_answered=figures.provider.answered,
            provider_eligible=figures.provider.eligible,
        )
    )
    return " ".join(lines)


def alert_text(alert: Finding) -> str:
    """The plain-text fallback (notifications, screen readers)."""
    return f"{side_title(alert.rule, alert.side)}: {alert.sentence}"


def owner_text(alert: Finding) -> str:
    """Who follows the alert up, or that nobody does yet."""
    if alert.owner_user_id:
        return reply_text.ALERT_OWNER.format(owner=alert.owner_user_id)
    return reply_text.ALERT_NO_OWNER


def state_text(alert: Finding) -> str:
    if alert.status == "resolved" and alert.resolved_at is not None:
        return reply_text.ALERT_RESOLVED.format(when=slack_date(alert.resolved_at))
    state = (
        reply_text.ALERT_STATE_ACKED.format(who=alert.acknowledged_by)
        if alert.status == "acknowledged"
        else reply_text.ALERT_STATE_OPEN.format(opened=slack_date(alert.opened_at))
    )
    return f"{state} · {owner_text(alert)}"


def alerts_text(engagement: str, alerts: Sequence[Finding], now: datetime) -> str:
    """`/rapport alerts`: each live alert with its state, age and owner."""
    if not alerts:
        return reply_text.ALERTS_NONE.format(engagement=engagement)
    lines = [
        reply_text.ALERTS_LINE.format(
            title=_titled(alert),
            state=alert.status,
            age=age(alert.opened_at, now),
            owner=owner_text(alert),
        )
        for alert in alerts
    ]
    return "\n".join([reply_text.ALERTS_HEADER.format(engagement=engagement), *lines])


def _titled(alert: Finding) -> str:
    """The alert's title, and the side it is about when it is about one (each side's
    decline, say, is a finding of its own)."""
    return side_title(alert.rule, alert.side)


def alert_blocks(alert: Finding) -> list[dict[str, Any]]:
    """One finding inside its grouped message: what it says, its trend, state and buttons."""
    icon = {"critical": ":rotating_light:", "warning": ":warning:"}.get(alert.severity, ":warning:")
    if alert.status == "resolved":
        icon = ":white_check_mark:"
    title = side_title(alert.rule, alert.side)
    body = text.MESSAGE_FINDING.format(icon=icon, title=title, sentence=alert.sentence)
    if alert.status == "resolved" and alert.resolution:
        body += "\n" + text.MESSAGE_TREND.format(trend=alert.resolution)
    elif alert.trend:
        body += "\n" + text.MESSAGE_TREND.format(trend=alert.trend)
    blocks = [kit.section(body), kit.context(state_text(alert))]
    if alert.status != "resolved":
        value = values.AlertButton(alert.id).encode()
        buttons = [kit.button(reply_text.ALERT_ACK_BUTTON, action_id=ACK_ACTION, value=value)]
        buttons.append(
            kit.button(reply_text.ALERT_ASSIGN_BUTTON, action_id=ASSIGN_ACTION, value=value)
        )
        if alert.status == "acknowledged":
            buttons = buttons[1:]
        blocks.append(kit.actions(buttons, block_id=f"alert.{alert.id}"))
    return blocks


def assign_modal(alert_id: int) -> dict[str, Any]:
    """The form a lead picks an alert's owner in."""
    return kit.modal(
        callback_id=ASSIGN_VIEW,
        title=reply_text.ALERT_ASSIGN_TITLE,
        submit=_("Assign"),
        close=_("Cancel"),
        private_metadata=values.AlertForm(alert_id).encode(),
        blocks=[kit.input_block("owner", reply_text.ALERT_ASSIGN_LABEL, kit.user_select())],
    )
