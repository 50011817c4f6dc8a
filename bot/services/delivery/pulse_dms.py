"""Send a pulse's DMs within Slack's limits; one person's failure never stops the rest.

Each DM is claimed in the database before it is sent and recorded after, so any
number of senders share the work without sending twice. The DM carries the pulse id
in its message metadata: if a sender dies between Slack's answer and the record, the
next sender finds the DM in the conversation and records it instead of resending.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.outcomes import Outcome
from bot.domain.retries import BASE, next_attempt
from bot.services.delivery.exactly_once import look_for, outcome_of, post_tagged
from bot.services.delivery.outbox import Ended, retry_or_end
from bot.services.messenger import Messenger, Tag
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


# A DM claimed longer ago than this without a record is presumed orphaned by a crash.
STALE_AFTER = timedelta(minutes=5)


@dataclass(slots=True)
class FanoutResult:
    """What one pass did: sent, found already sent, refused by Slack, and still to retry."""

    sent: int = 0
    recovered: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    retrying: dict[str, str] = field(default_factory=dict)
    """Person → why their DM has not gone yet; it is retried (or checked) later."""


def deliver(
    database: Database,
    messenger: Messenger,
    pulse_id: int,
    now: Callable[[], datetime],
    *,
    workers: int = 1,
    stale_after: timedelta = STALE_AFTER,
    deadline: datetime | None = None,
    retry_base: timedelta = BASE,
) -> FanoutResult:
    """Send every due delivery of a pulse and record what happened to each.

    Sends are paced by the messenger (its pacer is shared by everything sending to the
    workspace); an HTTP 429 holds every sender for its Retry-After and the DM is tried
    again right after. Any other failure is caught for that one delivery and read as
    its outcome (`bot/domain/outcomes.py`): Slack's refusal is recorded and the member
    marked unreachable where Slack says they cannot get DMs; an uncertain end (timeout,
    reset, 5xx) is recorded and the DM is looked for in the person's DM history after a
    backoff, then recorded as sent or sent again, until `deadline` (the pulse's close).
    No exception leaves a worker.
    """
    result = FanoutResult()
    lock = threading.Lock()
    try:
        result.recovered = recover(
            database, messenger, pulse_id, now, stale_after, deadline, retry_base
        )
    except Exception:
        logger.exception("pulse %s: checking uncertain DMs failed; next pass tries again", pulse_id)

    claims = _Claims(database, pulse_id, now, workers)

    def work() -> None:
        try:
            while (dm := claims.next()) is not None:
                try:
                    limits = (deadline, retry_base)
                    kind, reason = _send(database, messenger, dm, pulse_id, now, limits)
                finally:
                    claims.settled()
                with lock:
                    if kind == "sent":
                        result.sent += 1
                    elif kind == "refused":
                        result.failed[dm.user_id] = reason
                    else:
                        result.retrying[dm.user_id] = reason
        finally:
            claims.stopped()

    threads = [threading.Thread(target=work, name=f"fanout-{pulse_id}-{i}") for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


class _Claims:
    """Hands a pass's senders their DMs, claimed for all idle senders in one statement.

    A sender with nothing to send claims as many due DMs as there are senders still
    running and not sending (itself included) and keeps one; the others are on their way
    to the lock and take the rest at once, so no claim waits in memory behind a send (its
    lease runs from the claim, and a claim older than the lease is looked for and sent
    again by others). A sender whose claim finds nothing due stops, as with one claim
    each, and is no longer counted.
    """

    def __init__(
        self, database: Database, pulse_id: int, now: Callable[[], datetime], senders: int
    ) -> None:
        self.database, self.pulse_id, self.now, self.senders = database, pulse_id, now, senders
        self.claimed: deque[PulseDM] = deque()
        self.sending = 0
        self.lock = threading.Lock()

    def next(self) -> PulseDM | None:
        with self.lock:
            if not self.claimed:
                self.claimed.extend(self._claim(self.senders - self.sending))
            if not self.claimed:
                return None
            self.sending += 1
            return self.claimed.popleft()

    def settled(self) -> None:
        with self.lock:
            self.sending -= 1

    def stopped(self) -> None:
        with self.lock:
            self.senders -= 1

    def _claim(self, idle: int) -> list[PulseDM]:
        try:
            with self.database.unit_of_work() as session:
                due = queries.claim_due(session, self.pulse_id, self.now(), max(idle, 1))
                return [render_delivery(delivery) for delivery in due]
        except Exception:
            logger.exception("pulse %s: could not claim the next DMs", self.pulse_id)
            return []


def send_next(
    database: Database,
    messenger: Messenger,
    pulse_id: int,
    now: Callable[[], datetime],
    retry_base: timedelta,
) -> tuple[str, str, str] | None:
    """Claim the pulse's next due DM and send it: (person, "sent" | "refused" | "retrying",
    reason), or None when nothing is due (or the claim could not be taken). Its retries
    stop at the pulse's close, read with the claim.

    This is one job of the queue (`rapport worker`) and one step of an in-process pass:
    one Slack call and its bookkeeping.
    """
    try:
        with database.unit_of_work() as session:
            delivery = queries.claim_next_pending(session, pulse_id, now())
            dm = None if delivery is None else render_delivery(delivery)
            limits = (None if delivery is None else delivery.pulse.closes_at, retry_base)
    except Exception:
        logger.exception("pulse %s: could not claim the next DM", pulse_id)
        return None
    if dm is None:
        return None
    # The messenger takes the pacer's slot right before the send, not before the
    # claim: a database round trip between the two would bunch sends up and earn 429s.
    kind, reason = _send(database, messenger, dm, pulse_id, now, limits)
    return dm.user_id, kind, reason


def _send(
    database: Database,
    messenger: Messenger,
    dm: PulseDM,
    pulse_id: int,
    now: Callable[[], datetime],
    limits: tuple[datetime | None, timedelta],
) -> tuple[str, str]:
    """Send one DM: ("sent", ""), ("refused", code) or ("retrying", reason)."""
    tag = Tag(PULSE_EVENT, "pulse", pulse_id)
    while True:
        try:
            posted = post_tagged(messenger, dm.user_id, dm.text, dm.blocks, tag=tag)
        except Exception as error:
            outcome = outcome_of(error)
            if outcome.kind == "rate_limited":
                # The messenger holds every sender for the Retry-After; this one waits it
                # out before renewing its claim, so the claim is fresh when the DM goes.
                time.sleep(outcome.retry_after)
                if _still_ours(database, dm, now()):
                    continue
                return "retrying", "taken over by another sender"
            logger.warning(
                "pulse %s: DM to %s failed (%s): %s",
                pulse_id,
                dm.user_id,
                outcome.kind,
                outcome.reason,
            )
            return _record_failure(database, dm, outcome, now(), limits)
        return _record(database, dm.delivery_id, posted.channel, posted.ts, now)


def _record(
    database: Database, delivery_id: int, channel: str, ts: str, now: Callable[[], datetime]
) -> tuple[str, str]:
    try:
        with database.unit_of_work() as session:
            queries.mark_sent(session, delivery_id, channel, ts, now())
    except Exception:
        # The DM went out; the claim stays `sending` and the next pass finds the DM in
        # the history by its metadata and records it, so it is never sent twice.
        logger.exception("delivery %s: sent but not recorded yet", delivery_id)
    return "sent", ""


def _still_ours(database: Database, dm: PulseDM, when: datetime) -> bool:
    """Renew the claim after a wait; False when another sender presumed it orphaned."""
    try:
        with database.unit_of_work() as session:
            return queries.keep_claim(session, dm.delivery_id, dm.attempt, when)
    except Exception:
        logger.exception("delivery %s: could not renew its claim", dm.delivery_id)
        return False


def _record_failure(
    database: Database,
    dm: PulseDM,
    outcome: Outcome,
    when: datetime,
    limits: tuple[datetime | None, timedelta],
) -> tuple[str, str]:
    reason = outcome.reason
    try:
        with database.unit_of_work() as session:
            if outcome.kind == "refused":
                queries.mark_failed(session, dm.delivery_id, reason)
                if reason in UNREACHABLE:
                    queries.mark_unreachable(session, dm.member_id, reason)
                return "refused", reason
            attempts = queries.attempts_of(session, dm.delivery_id)
            deadline, retry_base = limits
            after = retry_or_end(outcome, when, attempts, deadline, retry_base)
            if isinstance(after, Ended):
                queries.mark_failed(session, dm.delivery_id, after.error)
                return "refused", after.error
            queries.mark_uncertain(session, dm.delivery_id, dm.attempt, reason, after.at)
    except Exception:
        logger.exception("delivery %s: could not record the failure", dm.delivery_id)
    return "retrying", reason


def recover(
    database: Database,
    messenger: Messenger,
    pulse_id: int,
    now: Callable[[], datetime],
    stale_after: timedelta = STALE_AFTER,
    deadline: datetime | None = None,
    retry_base: timedelta = BASE,
    only: int | None = None,
) -> int:
    """Settle claims that are not settled: a crashed sender's, and sends that ended
    uncertain and are due for a check (`only`: just that delivery's). Found in the DM
    history → recorded as sent; not there → queued to be sent again. Returns how many had
    in fact gone out."""
    moment = now()
    with database.reading() as session:
        unsettled = [
            (d.id, d.member.user_id, d.attempts, d.next_attempt_at)
            for d in queries.stale_sending(session, pulse_id)
            if (only is None or d.id == only)
            and (
                (d.error is not None and (d.next_attempt_at or moment) <= moment)
                or (d.error is None and (d.sent_at is None or d.sent_at <= moment - stale_after))
            )
        ]
    found = 0
    for delivery_id, user_id, attempt, seen in unsettled:
        with database.unit_of_work() as session:
            if not queries.take_for_check(session, delivery_id, attempt, seen, now() + stale_after):
                continue  # another sender is checking it
        try:
            message = _find_pulse_dm(messenger, user_id, pulse_id)
        except Exception as error:
            outcome = outcome_of(error)
            later = next_attempt(now(), attempt, deadline, retry_base) or (deadline or now())
            # A 429 or a hold: not before Slack allows the next read.
            later = max(later, now() + timedelta(seconds=outcome.retry_after))
            logger.warning("delivery %s: history not readable (%s)", delivery_id, outcome.reason)
            with database.unit_of_work() as session:
                queries.delay_check(session, delivery_id, later)
            continue
        with database.unit_of_work() as session:
            if message is None:
                queries.release(session, delivery_id, attempt)
            else:
                queries.mark_sent(session, delivery_id, message[0], message[1], now())
                found += 1
    if unsettled:
        logger.info(
            "pulse %s: %d unsettled DMs checked, %d had gone out", pulse_id, len(unsettled), found
        )
    return found


def _find_pulse_dm(messenger: Messenger, user_id: str, pulse_id: int) -> tuple[str, str] | None:
    """The (channel, ts) of this pulse's DM to the person, if Slack has it."""
    channel = messenger.open_dm(user_id)
    ts = look_for(messenger, channel, Tag(PULSE_EVENT, "pulse", pulse_id))
    return None if ts is None else (channel, ts)
