"""Send a pulse's DMs: one claimed delivery at a time, one person's failure never stops the rest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot import blocks, messages
from bot.pulses import slack_date
from storage import pulses as queries
from storage.db import Database
from storage.models import Delivery, Pulse

logger = logging.getLogger(__name__)

# Errors that mean this person cannot get DMs from us until someone fixes it by hand.
UNREACHABLE = frozenset(
    {"user_not_found", "account_inactive", "cannot_dm_bot", "user_disabled", "channel_not_found"}
)


@dataclass(slots=True)
class FanoutResult:
    sent: int = 0
    failed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PulseDM:
    """Everything needed to send one delivery, read inside its claiming transaction."""

    delivery_id: int
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
) -> tuple[str, list[dict[str, object]]]:
    """The pulse DM's fallback text and blocks for one side, showing any answer so far."""
    engagement = pulse.engagement
    rel = relationship(engagement.client_org, engagement.provider_org)
    other = engagement.org("provider" if side == "client" else "client")
    return messages.PULSE_FALLBACK.format(relationship=rel), blocks.pulse_message(
        pulse_id=pulse.id,
        engagement=engagement.name,
        relationship=rel,
        other=other,
        closes=slack_date(pulse.closes_at),
        rating=rating,
        guess=guess,
        commented=commented,
    )


def render(delivery: Delivery) -> PulseDM:
    text, dm_blocks = message_for(delivery.pulse, delivery.member.side)
    return PulseDM(
        delivery_id=delivery.id,
        member_id=delivery.member.id,
        user_id=delivery.member.user_id,
        text=text,
        blocks=dm_blocks,
        metadata={"event_type": "rapport_pulse", "event_payload": {"pulse": delivery.pulse_id}},
    )


def _claim(database: Database, pulse_id: int) -> PulseDM | None:
    with database.unit_of_work() as session:
        delivery = queries.claim_next_pending(session, pulse_id)
        return None if delivery is None else render(delivery)


def _error_code(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        code = error.response.get("error") if error.response.data else None
        return str(code or f"http_{error.response.status_code}")
    return "connection_error"


def deliver(
    database: Database, client: WebClient, pulse_id: int, now: Callable[[], datetime]
) -> FanoutResult:
    """Send every pending delivery of a pulse and record what happened to each.

    The client's retry handlers wait out HTTP 429 (per `Retry-After`) and retry
    5xx and connection errors; what still fails is recorded on that delivery.
    """
    result = FanoutResult()
    while (dm := _claim(database, pulse_id)) is not None:
        try:
            response = client.chat_postMessage(
                channel=dm.user_id, text=dm.text, blocks=dm.blocks, metadata=dm.metadata
            )
        except SlackClientError as error:
            code = _error_code(error)
            logger.warning("pulse %s: DM to %s failed: %s", pulse_id, dm.user_id, code)
            with database.unit_of_work() as session:
                queries.mark_failed(session, dm.delivery_id, code)
                if code in UNREACHABLE:
                    queries.mark_unreachable(session, dm.member_id, code)
            result.failed[dm.user_id] = code
            continue
        with database.unit_of_work() as session:
            queries.mark_sent(
                session, dm.delivery_id, str(response["channel"]), str(response["ts"]), now()
            )
        result.sent += 1
    return result
