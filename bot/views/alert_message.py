"""The grouped alert message: headline, both sides side by side, findings, next step.

A `MessageView` holds one message's state (read by `bot/services/alert_message.py`);
`message_blocks` and `message_text` lay it out for Slack and for plain text (fallback, the
leads' DM, `rapport simulate`). Extra sections (`alert_sections`) slot in after the
figures and after the findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.domain import alert_text as text
from bot.domain.alert_message import Found, headline, next_step, side_title
from bot.domain.alerts import PulseFigures, SideFigures, Thresholds
from bot.domain.alerts.wording import setting, shown
from bot.views import kit
from bot.views.alert_finding import Finding, alert_blocks
from bot.views.alert_sections import ExtraSection
from bot.views.mrkdwn import slack_date

MAX_RESOLVED_LINES = 12
TEXT_LIMIT = 2900
"""Slack takes 3000 characters in one text object; the resolved lines stay under it."""


@dataclass(frozen=True, slots=True)
class MessageView:
    """Everything one grouped message shows."""

    engagement: str
    orgs: dict[str, str]
    figures: PulseFigures | None
    thresholds: Thresholds
    details: str
    alerts: Sequence[Finding]
    extras: Sequence[ExtraSection] = field(default_factory=tuple)
    superseded_at: datetime | None = None
    """When the findings still live moved to a newer message (see `AlertMessage`)."""

    @property
    def live(self) -> list[Finding]:
        return [a for a in self.alerts if a.status != "resolved"]

    @property
    def resolved(self) -> list[Finding]:
        return [a for a in self.alerts if a.status == "resolved"]

    @property
    def headline(self) -> str:
        if self.superseded_at is not None and not self.live:
            return text.HEADLINE_SUPERSEDED
        return headline([_found(a) for a in self.live])

    @property
    def next_step(self) -> str | None:
        return next_step([_found(a) for a in self.live])


def _found(alert: Finding) -> Found:
    parts = alert.key.split(":") if alert.key else []
    return Found(alert.rule, alert.side, parts[2] if len(parts) > 2 else None)


def _side_field(view: MessageView, side: SideFigures) -> str:
    numbers = {
        "label": text.SIDE_LABELS[side.side],
        "org": view.orgs[side.side],
        "answered": side.answered,
        "eligible": side.eligible,
    }
    if side.index is None:
        return text.MESSAGE_SIDE_WITHHELD.format(minimum=view.thresholds.anonymity_min, **numbers)
    tolerance = setting(view.thresholds.tolerance(side.side))
    return text.MESSAGE_SIDE.format(index=shown(side.index), tolerance=tolerance, **numbers)


def _resolved_lines(view: MessageView) -> list[str]:
    """One line per resolved finding, naming its side, oldest resolution first (the
    newest `MAX_RESOLVED_LINES` kept)."""
    resolved = sorted(view.resolved, key=lambda a: (a.resolved_at is None, a.resolved_at, a.id))
    return [
        text.MESSAGE_RESOLVED_LINE.format(
            title=side_title(a.rule, a.side),
            when=slack_date(a.resolved_at) if a.resolved_at else "",
            reason=a.resolution or text.WHY_NOT_FOUND,
        )
        for a in resolved[-MAX_RESOLVED_LINES:]
    ]


def _fitted(lines: Sequence[str]) -> str:
    """Lines joined within one text object's limit, the newest kept."""
    kept: list[str] = []
    for line in reversed(lines):
        if sum(len(k) + 1 for k in kept) + len(line) > TEXT_LIMIT:
            break
        kept.insert(0, line)
    return "\n".join(kept)


def _moved_line(view: MessageView) -> str | None:
    if view.superseded_at is None:
        return None
    return text.MESSAGE_SUPERSEDED.format(when=slack_date(view.superseded_at))


def _icon(view: MessageView) -> str:
    if view.superseded_at is not None and not view.live:
        return ":arrow_down:"
    if not view.live:
        return ":white_check_mark:"
    return ":rotating_light:" if any(a.severity == "critical" for a in view.live) else ":warning:"


def message_blocks(view: MessageView) -> list[dict[str, Any]]:
    """The message as Block Kit blocks, valid for `chat.postMessage` and `chat.update`."""
    title = text.MESSAGE_TITLE.format(
        icon=_icon(view), headline=view.headline, engagement=view.engagement
    )
    blocks = [kit.section(title)]
    if view.figures is not None:
        sides = [_side_field(view, view.figures.client), _side_field(view, view.figures.provider)]
        blocks.append(kit.section(fields=sides))
    if view.details:
        blocks.append(kit.context(view.details))
    blocks += [b for e in view.extras if e.place == "after_figures" for b in e.blocks]
    blocks.append(kit.divider())
    for alert in view.live:
        blocks += alert_blocks(alert)
    resolved = _fitted(_resolved_lines(view))
    if resolved:
        blocks.append(kit.context(resolved))
    moved = _moved_line(view)
    if moved:
        blocks.append(kit.section(moved))
    blocks += [b for e in view.extras if e.place == "after_findings" for b in e.blocks]
    step = view.next_step
    if step is not None:
        label = text.NEXT_STEP_LABEL.format(step=step)
        blocks.append(kit.section(label))
    return blocks


def fallback_text(view: MessageView) -> str:
    """One line for notifications and screen readers."""
    titles = ", ".join(side_title(a.rule, a.side) for a in view.live) or "—"
    return text.MESSAGE_FALLBACK.format(
        headline=view.headline, engagement=view.engagement, titles=titles
    )


def message_text(view: MessageView) -> str:
    """The whole message as plain mrkdwn lines (the leads' DM, `rapport simulate`)."""
    lines = [
        text.MESSAGE_TITLE.format(
            icon=_icon(view), headline=view.headline, engagement=view.engagement
        )
    ]
    if view.figures is not None:
        for side in (view.figures.client, view.figures.provider):
            lines.append(_side_field(view, side).replace("\n", " · "))
    lines += [e.text for e in view.extras if e.place == "after_figures" and e.text]
    for alert in view.live:
        title = side_title(alert.rule, alert.side)
        trend = f" _{alert.trend}_" if alert.trend else ""
        lines.append(f"• *{title}* — {alert.sentence}{trend}")
    lines += _resolved_lines(view)
    lines += [line for line in [_moved_line(view)] if line]
    lines += [e.text for e in view.extras if e.place == "after_findings" and e.text]
    step = view.next_step
    if step is not None:
        lines.append(text.NEXT_STEP_LABEL.format(step=step))
    return "\n".join(lines)
