"""The sources of the grouped alert message's extra sections: what each reads for one message.

A source returns its sections drawn by `bot/views/alert_sections.py`. Add a source to
`SOURCES`; the message's layout stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from bot.domain.alert_message import side_title
from bot.domain.alerts import MIN_ANONYMITY
from bot.views.alert_sections import ExtraSection, actions_sections, drivers_sections
from storage import actions as action_queries
from storage import alert_messages
from storage.models import AlertMessage, Pulse
from storage.published_drivers import published_drivers

SectionSource = Callable[[Session, AlertMessage], Sequence[ExtraSection]]


def drivers_section(session: Session, message: AlertMessage) -> list[ExtraSection]:
    """Each side's top drivers in the pulse the message last read, where the minimum allows."""
    pulse = session.get(Pulse, message.last_pulse_id)
    drivers = published_drivers(session, [message.last_pulse_id]).get(message.last_pulse_id)
    minimum = pulse.anonymity_min if pulse is not None else MIN_ANONYMITY
    return drivers_sections(drivers, minimum)


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
    return actions_sections(live, items)


SOURCES: tuple[SectionSource, ...] = (drivers_section, actions_section)
"""Every source of extra sections, in the order they show."""


def extra_sections(
    session: Session, message: AlertMessage, sources: Sequence[SectionSource] = SOURCES
) -> list[ExtraSection]:
    """The extra sections of one message, from every source."""
    return [section for source in sources for section in source(session, message)]
