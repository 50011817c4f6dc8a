"""The pulse DM as each side sees it: the question, the scale, and any answer so far."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import catalogue
from bot.domain.i18n import reading_as
from bot.views import pulse_dm as blocks
from bot.views.mrkdwn import slack_date
from storage.models import Delivery, Pulse

PULSE_EVENT = "rapport_pulse"


@dataclass(frozen=True, slots=True)
class PulseDM:
    """Everything needed to send one delivery, read inside its claiming transaction."""

    delivery_id: int
    attempt: int
    """The claim's attempt number: updates to the row apply only while it is still ours."""
    member_id: int
    user_id: str
    text: str
    blocks: list[dict[str, object]]
    metadata: dict[str, object]


def relationship(client_org: str, provider_org: str) -> str:
    return f"{client_org} – {provider_org}"


def message_for(
    pulse: Pulse,
    side: str,
    *,
    rating: int | None = None,
    guess: int | None = None,
    commented: bool = False,
    away: bool = False,
    drivers: tuple[str, ...] = (),
) -> tuple[str, list[dict[str, object]]]:
    """The pulse DM's fallback text and blocks for one side, showing any answer so far."""
    engagement = pulse.engagement
    rel = relationship(engagement.client_org, engagement.provider_org)
    other = engagement.org("provider" if side == "client" else "client")
    return catalogue.PULSE_FALLBACK.format(relationship=rel), blocks.pulse_message(
        pulse_id=pulse.id,
        engagement=engagement.name,
        relationship=rel,
        other=other,
        closes=slack_date(pulse.closes_at),
        rating=rating,
        guess=guess,
        commented=commented,
        away=away,
        drivers=drivers,
    )


def render(delivery: Delivery) -> PulseDM:
    with reading_as(delivery.member.locale):  # in the recipient's language
        text, dm_blocks = message_for(delivery.pulse, delivery.side)
    return PulseDM(
        delivery_id=delivery.id,
        attempt=delivery.attempts,
        member_id=delivery.member.id,
        user_id=delivery.member.user_id,
        text=text,
        blocks=dm_blocks,
        metadata={"event_type": PULSE_EVENT, "event_payload": {"pulse": delivery.pulse_id}},
    )
