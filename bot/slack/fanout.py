"""Send a pulse's DMs within Slack's limits; one person's failure never stops the rest.

Each DM is claimed in the database before it is sent and recorded after, so any
number of senders share the work without sending twice. The DM carries the pulse id
in its message metadata: if a sender dies between Slack's answer and the record, the
next sender finds the DM in the conversation and records it instead of resending.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.domain import catalogue
from bot.slack import blocks
from bot.slack.format import slack_date
from bot.slack.pacing import Pacer
from storage import pulses as queries
from storage.db import Database
from storage.models import Delivery, Pulse

logger = logging.getLogger(__name__)

# Errors that mean this person cannot get DMs from us until someone fixes it by hand.
UNREACHABLE = frozenset(
    {"user_not_found", "account_inactive", "cannot_dm_bot", "user_disabled", "channel_not_found"}
)
PULSE_EVENT = "rapport_pulse"
# A DM claimed longer ago than this without a record is presumed orphaned by a crash.
STALE_AFTER = timedelta(minutes=5)


@dataclass(slots=True)
class FanoutResult:
    sent: int = 0
    recovered: int = 0
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
    away: bool = False,
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
    )


def render(delivery: Delivery) -> PulseDM:
    text, dm_blocks = message_for(delivery.pulse, delivery.side)
    return PulseDM(
        delivery_id=delivery.id,
        member_id=delivery.member.id,
        user_id=delivery.member.user_id,
        text=text,
        blocks=dm_blocks,
        metadata={"event_type": PULSE_EVENT, "event_payload": {"pulse": delivery.pulse_id}},
    )


def sending_client(client: WebClient) -> WebClient:
    """The same client, minus its own 429 handling: the fan-out's pacer waits instead,
    so one Retry-After slows every sender rather than one thread."""
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=3),
        ],
    )


def _error_code(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        code = error.response.get("error") if error.response.data else None
        return str(code or f"http_{error.response.status_code}")
    return "connection_error"


def _retry_after(error: SlackClientError) -> float | None:
    if isinstance(error, SlackApiError) and error.response.status_code == 429:
        return float(error.response.headers.get("Retry-After", 1) or 1)
    return None


def deliver(
    database: Database,
    client: WebClient,
    pulse_id: int,
    now: Callable[[], datetime],
    *,
    pacer: Pacer,
    workers: int = 1,
    stale_after: timedelta = STALE_AFTER,
) -> FanoutResult:
    """Send every pending delivery of a pulse and record what happened to each.

    Sends are paced by `pacer` (shared by everything sending to the workspace); an
    HTTP 429 holds every sender for its Retry-After and the DM is tried again. 5xx
    and connection errors are retried with backoff by the client; what still fails
    is recorded on that delivery, and the member is marked unreachable when Slack
    says they cannot get DMs.
    """
    result = FanoutResult()
    result.recovered = recover(database, client, pulse_id, now, stale_after)
    sender = sending_client(client)
    lock = threading.Lock()

    def work() -> None:
        while True:
            with database.unit_of_work() as session:
                delivery = queries.claim_next_pending(session, pulse_id, now())
                dm = None if delivery is None else render(delivery)
            if dm is None:
                return
            # Take the pacer's slot right before the send, not before the claim: a
            # database round trip between the two would bunch sends up and earn 429s.
            pacer.acquire()
            outcome = _send(database, sender, dm, pulse_id, now, pacer)
            with lock:
                if outcome is None:
                    result.sent += 1
                else:
                    result.failed[dm.user_id] = outcome

    threads = [threading.Thread(target=work, name=f"fanout-{pulse_id}-{i}") for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def _send(
    database: Database,
    client: WebClient,
    dm: PulseDM,
    pulse_id: int,
    now: Callable[[], datetime],
    pacer: Pacer,
) -> str | None:
    """Send one DM; None when it went out, else the Slack error code recorded for it."""
    while True:
        try:
            response = client.chat_postMessage(
                channel=dm.user_id, text=dm.text, blocks=dm.blocks, metadata=dm.metadata
            )
        except SlackClientError as error:
            wait = _retry_after(error)
            if wait is not None:
                pacer.backoff(wait)
                pacer.acquire()
                continue
            code = _error_code(error)
            logger.warning("pulse %s: DM to %s failed: %s", pulse_id, dm.user_id, code)
            with database.unit_of_work() as session:
                queries.mark_failed(session, dm.delivery_id, code)
                if code in UNREACHABLE:
                    queries.mark_unreachable(session, dm.member_id, code)
            return code
        with database.unit_of_work() as session:
            queries.mark_sent(
                session, dm.delivery_id, str(response["channel"]), str(response["ts"]), now()
            )
        return None


def recover(
    database: Database,
    client: WebClient,
    pulse_id: int,
    now: Callable[[], datetime],
    stale_after: timedelta = STALE_AFTER,
) -> int:
    """Settle DMs a crashed sender claimed but never recorded: find them or send again."""
    with database.reading() as session:
        stale = [
            (d.id, d.member.user_id)
            for d in queries.stale_sending(session, pulse_id)
            if d.sent_at is None or d.sent_at <= now() - stale_after
        ]
    found = 0
    for delivery_id, user_id in stale:
        message = _find_pulse_dm(client, user_id, pulse_id)
        with database.unit_of_work() as session:
            if message is None:
                queries.release(session, delivery_id)
            else:
                queries.mark_sent(session, delivery_id, message[0], message[1], now())
                found += 1
    if stale:
        logger.info(
            "pulse %s: %d orphaned DMs checked, %d had gone out", pulse_id, len(stale), found
        )
    return found


def _find_pulse_dm(client: WebClient, user_id: str, pulse_id: int) -> tuple[str, str] | None:
    """The (channel, ts) of this pulse's DM to the person, if Slack has it."""
    channel = str(client.conversations_open(users=user_id)["channel"]["id"])
    history = client.conversations_history(channel=channel, limit=50, include_all_metadata=True)
    found: list[dict[str, Any]] = history.get("messages") or []
    for message in found:
        metadata: dict[str, Any] = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == PULSE_EVENT and payload.get("pulse") == pulse_id:
            return channel, str(message["ts"])
    return None
