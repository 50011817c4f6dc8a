"""Extra sections of the grouped alert message, for features that add to it.

A source reads what it needs for one message and returns its sections, each placed
after the figures (e.g. each side's drivers) or after the findings (e.g. actions with
owners and dates). Add a source to `SOURCES`; the message's layout stays as it is.
A section's `text` is its plain-text form: it goes into the message's text (the leads'
DM when the channel refuses it, `rapport simulate`) and into the sponsors' escalation DM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from bot.domain.alert_message import side_title
from bot.domain.divergence import MIN_ANONYMITY
from bot.domain.drivers import drivers_line
from bot.views.action_view import message_action_blocks
from bot.views.driver_view import driver_blocks
from storage import actions as action_queries
from storage import alert_messages
from storage.models import AlertMessage, Pulse
from storage.published_drivers import published_drivers

Place = Literal["after_figures", "after_findings"]


@dataclass(frozen=True, slots=True)
class ExtraSection:
    """Block Kit blocks (as dicts) for one place in the message, and their plain text."""

    place: Place
    blocks: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""


SectionSource = Callable[[Session, AlertMessage], Sequence[ExtraSection]]


def drivers_section(session: Session, message: AlertMessage) -> list[ExtraSection]:
    """Each side's top drivers in the pulse the message last read, where the minimum allows."""
    pulse = session.get(Pulse, message.last_pulse_id)
    drivers = published_drivers(session, [message.last_pulse_id]).get(message.last_pulse_id)
    minimum = pulse.anonymity_min if pulse is not None else MIN_ANONYMITY
    line = drivers_line(drivers, minimum)
    if line is None:
        return []
    return [ExtraSection("after_figures", driver_blocks(drivers, minimum), line)]


def actions_section(session: Session, message: AlertMessage) -> list[ExtraSection]:
    """The actions of the message's findings, and a way to add one to each live finding."""
    findings = alert_messages.alerts_of(session, message.id)
    items = [item for alert in findings for item in action_queries.of_alert(session, alert)]
    live = [
        (alert.id, side_title(alert.rule, alert.side))
        for alert in findings
        if alert.status != "resolved"
    ]
    if message.status != "live":
        live = []
    blocks, text = message_action_blocks(live, items)
    return [ExtraSection("after_findings", blocks, text)] if blocks else []


SOURCES: tuple[SectionSource, ...] = (drivers_section, actions_section)
"""Every source of extra sections, in the order they show."""


def extra_sections(
    session: Session, message: AlertMessage, sources: Sequence[SectionSource] = SOURCES
) -> list[ExtraSection]:
    """The extra sections of one message, from every source."""
    return [section for source in sources for section in source(session, message)]
