"""Answers from a pulse DM: record a tap or a comment, and redraw the DM to show it."""

from __future__ import annotations

import logging
from typing import Any

from bot.domain import reply_text
from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller
from bot.services.pulses import check_recipient, record_answer
from bot.services.runtime import Runtime
from bot.views.pulse_dm import PulseAsked, message_for, notice, relationship
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries

logger = logging.getLogger(__name__)
PulseMessage = tuple[str, list[dict[str, object]]]


def save_answer(container: Runtime, caller: Caller, pulse_id: int, **answer: Any) -> PulseMessage:
    """Store part of someone's answer; the pulse DM redrawn with their answer so far.

    Raises:
        PulseClosedError: the pulse has closed.
        NotARecipientError: the pulse was not sent to the caller.
    """
    with container.database.unit_of_work() as session:
        saved = record_answer(
            session,
            pulse_id=pulse_id,
            team_id=caller.team_id,
            user_id=caller.user_id,
            now=container.now(),
            **answer,
        )
        pulse, engagement = saved.pulse, saved.pulse.engagement
        asked = PulseAsked(
            pulse.id,
            engagement.name,
            engagement.client_org,
            engagement.provider_org,
            pulse.closes_at,
        )
        return message_for(
            asked,
            saved.side,
            rating=saved.rating,
            guess=saved.guess,
            commented=saved.commented,
            away=saved.away,
            drivers=saved.drivers,
        )


def check_can_answer(container: Runtime, caller: Caller, pulse_id: int) -> None:
    """Refuse before the comment form opens if the caller cannot answer this pulse."""
    with container.database.reading() as session:
        check_recipient(session, pulse_id, caller.team_id, caller.user_id, container.now())


def retire_pulse_dm(container: Runtime, channel: str | None, ts: str | None, reason: str) -> None:
    """Replace a pulse DM that its reader can no longer answer with the reason, buttons gone.

    Best effort: the person already has the reason in front of them, so a Slack failure
    here is logged (ids only) and not raised.
    """
    if not (channel and ts):
        return
    try:
        container.messenger.update(channel, ts, reason, notice(reason))
    except MessengerError as error:
        logger.warning("could not retire pulse DM %s/%s: %s", channel, ts, error.reason)


def retire_removed_members_dm(container: Runtime, engagement_id: int, user_id: str) -> None:
    """After someone is taken off, replace their open pulse DM (if any) with why it is gone."""
    with container.database.reading() as session:
        pulse = pulse_queries.open_pulse(session, engagement_id)
        member = engagement_queries.member_by_user(session, engagement_id, user_id)
        if pulse is None or member is None or member.status != "removed":
            return
        delivery = pulse_queries.delivery_for(session, pulse.id, member.team_id, user_id)
        if delivery is None:
            return
        where = (delivery.channel_id, delivery.message_ts)
        engagement = pulse.engagement
        reason = reply_text.PULSE_NO_LONGER_MEMBER.format(
            relationship=relationship(engagement.client_org, engagement.provider_org)
        )
    retire_pulse_dm(container, *where, reason)


def redraw_pulse_dm(
    container: Runtime, channel: str | None, ts: str | None, message: PulseMessage
) -> bool:
    """Show the answer so far in the person's pulse DM; False if Slack did not take it.

    The answer is already stored; a failed redraw is logged (ids and the reason only)
    for the caller to tell the person, and not retried: their next tap redraws it.
    """
    if not (channel and ts):
        return True
    try:
        container.messenger.update(channel, ts, message[0], message[1])
    except MessengerError as error:
        logger.warning("could not redraw pulse DM %s/%s: %s", channel, ts, error.reason)
        return False
    return True
