"""`send` now: open a pulse for everyone on an engagement, then deliver its DMs."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.people import Caller
from bot.domain.vocabulary import SIDES, Side
from bot.services.container import Container
from bot.services.engagements import choose, require_lead
from bot.services.pulses import open_pulse
from bot.slack.fanout import FanoutResult, deliver
from storage import engagements as engagement_queries

SEND_WORKERS = 2


@dataclass(frozen=True, slots=True)
class OpenedPulse:
    pulse_id: int
    engagement: str
    recipients: int
    thin_sides: tuple[Side, ...]
    """Sides with fewer recipients than the anonymity minimum: their figures will be withheld."""
    minimum: int


def open_now(container: Container, caller: Caller, engagement_name: str | None) -> OpenedPulse:
    """Open a pulse for the caller's engagement (leads only), one pending DM per recipient."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        pulse = open_pulse(session, engagement, started_by=caller.user_id, now=container.now())
        recipients = engagement_queries.pulse_recipients(session, engagement.id)
        minimum = engagement.anonymity_min
        thin = tuple(side for side in SIDES if sum(m.side == side for m in recipients) < minimum)
        return OpenedPulse(pulse.id, engagement.name, len(recipients), thin, minimum)


def deliver_now(container: Container, pulse_id: int) -> FanoutResult:
    """Send the pulse's pending DMs, paced, and say what happened to each."""
    return deliver(
        container.database,
        container.client,
        pulse_id,
        container.now,
        pacer=container.pacer,
        workers=SEND_WORKERS,
    )
