"""Send a pulse's DMs within Slack's limits; one person's failure never stops the rest.

A pulse DM is one kind of the outbox (`outbox.py`): claimed with a lease, tagged with its
pulse, posted once, settled, retried with backoff until the pulse closes. Its claims are
taken in batches by its senders, and its look in the DM history is a step of its own
(`passes.py`), paced by Slack's history tier: found, the DM is recorded as sent; not
there, it is put back to be claimed and sent. A 429 holds every sender of the workspace
for its Retry-After; the sender that met it renews its claim and sends the DM at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain.retries import BASE, Timing
from bot.services.delivery.exactly_once import post_tagged
from bot.services.delivery.lease import renew_after
from bot.services.delivery.outbox import (
    Claimed,
    Ended,
    Landed,
    Look,
    OutboxKind,
    Place,
    Result,
    landed,
)
from bot.services.delivery.passes import look, send_batch
from bot.services.messenger import Messenger, Posted, Tag
from bot.views.pulse_dm import PULSE_EVENT, PulseAsked, PulseDM, Recipient, render
from storage import deliveries as queries
from storage.db import Database
from storage.models import Delivery

logger = logging.getLogger(__name__)

# Errors that mean this person cannot get DMs from us until someone fixes it by hand.
# Across a Slack Connect channel: the person no longer shares a channel with the bot that
# DMs them, cannot be seen by it, or no installation can reach them (`not_installed`).
UNREACHABLE = frozenset(
    {"user_not_found", "account_inactive", "cannot_dm_bot", "user_disabled", "channel_not_found"}
    | {"invalid_user_combination", "user_not_visible", "not_installed"}
)

# A DM claimed longer ago than this without a record is presumed orphaned by a crash.
STALE_AFTER = timedelta(minutes=5)


def render_delivery(delivery: Delivery) -> PulseDM:
    """A claimed delivery's DM, drawn from its pulse and its member."""
    pulse, member = delivery.pulse, delivery.member
    engagement = pulse.engagement
    asked = PulseAsked(
        pulse.id, engagement.name, engagement.client_org, engagement.provider_org, pulse.closes_at
    )
    recipient = Recipient(
        delivery.id, delivery.attempts, member.id, member.user_id, delivery.side, member.locale
    )
    return render(asked, recipient)


@dataclass(frozen=True, slots=True)
class PulseItem:
    """One delivery of a pulse, as the outbox carries it."""

    pulse_id: int
    member_id: int
    user_id: str
    dm: PulseDM | None = None
    """The DM, drawn when claimed to be sent (a look needs none)."""
    seen: datetime | None = None
    """The check time read with an unsettled claim: the look's take must still find it."""


def _take_due(
    session: Session, pulse_id: int, when: datetime, limit: int
) -> list[Claimed[PulseItem]]:
    return [
        Claimed(
            d.id,
            d.attempts,
            d.pulse.closes_at,
            False,  # a claim from `pending`: its look, if any, came before it was put back
            PulseItem(d.pulse_id, d.member_id, d.member.user_id, render_delivery(d)),
        )
        for d in queries.claim_due(session, pulse_id, when, limit)
    ]


def _post(messenger: Messenger, place: Place, tag: Tag, claimed: Claimed[PulseItem]) -> Posted:
    dm = claimed.detail.dm
    assert dm is not None, "a DM claimed to be sent is drawn with its claim"
    return post_tagged(messenger, place.channel, dm.text, dm.blocks, tag=tag)


def _settle(session: Session, claimed: Claimed[PulseItem], result: Result) -> None:
    if isinstance(result, Landed):
        queries.mark_sent(session, claimed.id, result.channel or "", result.ts or "")
    elif isinstance(result, Ended):
        queries.mark_failed(session, claimed.id, result.error)
        if result.error in UNREACHABLE:
            queries.mark_unreachable(session, claimed.detail.member_id, result.error)
    else:
        queries.mark_uncertain(session, claimed.id, claimed.attempt, result.error, result.at)


def _unsettled(
    session: Session, now: datetime, lease: timedelta, pulse_id: int | None
) -> Sequence[Claimed[PulseItem]]:
    return [
        Claimed(
            u.delivery_id,
            u.attempt,
            u.closes_at,
            True,
            PulseItem(u.pulse_id, u.member_id, u.user_id, seen=u.seen),
        )
        for u in queries.unsettled(session, now, now - lease, pulse_id)
    ]


def _take_for_look(session: Session, claimed: Claimed[PulseItem], lease_until: datetime) -> bool:
    seen = claimed.detail.seen
    return queries.take_for_check(session, claimed.id, claimed.attempt, seen, lease_until)


PULSE_DMS: OutboxKind[PulseItem] = OutboxKind(
    name="pulse DM",
    tag=lambda claimed: Tag(PULSE_EVENT, "pulse", claimed.detail.pulse_id),
    # Posted to the person: Slack opens (or finds) the DM, and says where it went.
    place=lambda messenger, claimed: Place(claimed.detail.user_id),
    post=_post,
    settle=_settle,
    take_due=_take_due,
    renew=lambda session, claimed, when, _waited: queries.keep_claim(
        session, claimed.id, claimed.attempt, when
    ),
    look=Look(
        due=_unsettled,
        take=_take_for_look,
        place=lambda messenger, claimed: Place(messenger.open_dm(claimed.detail.user_id)),
        release=lambda session, claimed: queries.release(session, claimed.id, claimed.attempt),
    ),
)


@dataclass(slots=True)
class FanoutResult:
    """What one pass did: sent, found already sent, refused by Slack, and still to retry."""

    sent: int = 0
    recovered: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    retrying: dict[str, str] = field(default_factory=dict)
    """Person → why their DM has not gone yet; it is retried (or checked) later."""

    def add(self, claimed: Claimed[PulseItem], result: Result) -> None:
        """Count how one DM's try ended."""
        if isinstance(result, Landed):
            self.sent += 1
        elif isinstance(result, Ended):
            self.failed[claimed.detail.user_id] = result.error
        else:
            self.retrying[claimed.detail.user_id] = result.error


def deliver(
    database: Database,
    messenger: Messenger,
    pulse_id: int,
    now: Callable[[], datetime],
    *,
    workers: int = 1,
    stale_after: timedelta = STALE_AFTER,
    retry_base: timedelta = BASE,
) -> FanoutResult:
    """One pass over a pulse's DMs: look for those unsettled, then send every one due.

    First the look (`passes.look`): each DM whose send ended uncertain (timeout, reset,
    5xx) and whose check is due, or whose sender died (its claim older than
    `stale_after`), is looked for in the person's DM history and recorded as sent or put
    back to be sent. Then `workers` senders claim and send the due DMs, paced by the
    messenger (its pacer is shared by everything sending to the workspace). Slack's
    refusal is recorded, and the member marked unreachable where Slack says they cannot
    get DMs; an uncertain end is looked for after a backoff, until the pulse's close. A
    DM that waits long for its turn renews its claim first (`lease.renew_after`). No
    exception leaves a sender.
    """
    result = FanoutResult()
    timing = Timing(retry_base, stale_after)
    try:
        result.recovered = landed(look(database, messenger, PULSE_DMS, now, timing, pulse_id))
    except Exception:
        logger.exception("pulse %s: checking uncertain DMs failed; next pass tries again", pulse_id)
    for claimed, outcome in send_batch(
        database, messenger, PULSE_DMS, pulse_id, now, workers, retry_base, renew_after(stale_after)
    ):
        result.add(claimed, outcome)
    return result
