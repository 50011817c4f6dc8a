"""Setting up an engagement: create it with the caller as lead, then introduce Rapport."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.domain import reply_text
from bot.domain.errors import NotPermitted, Refused
from bot.domain.i18n import read_from_now_as, reading_as
from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller
from bot.domain.vocabulary import Side
from bot.services.engagements import ensure_channel_free, ensure_name_free, set_up
from bot.services.runtime import Runtime
from storage.locales import remember as remember_locale

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Proposal:
    """An engagement as the lead typed it or filled in the form."""

    name: str
    client_org: str
    provider_org: str
    channel: str
    lead_side: Side = "client"


@dataclass(frozen=True, slots=True)
class SetUp:
    """What happened: the engagement exists; `problem` is Slack's reason it could not post."""

    name: str
    proposal: Proposal
    problem: str | None


def check_name_free(container: Runtime, caller: Caller, name: str) -> None:
    """Refuse a name already used in the caller's workspace (`Conflict`)."""
    with container.database.reading() as session:
        ensure_name_free(session, caller.team_id, name)


def check_channel(container: Runtime, caller: Caller, channel: str) -> None:
    """Refuse a channel the caller is not in (asked of Slack) or another engagement uses.

    Nobody can point an engagement's alerts, and so its figures, at a channel they are
    not part of, nor take over one that already has an engagement.
    """
    try:
        member = container.messenger.is_in_channel(channel, caller.user_id)
    except MessengerError as unseen:
        raise Refused(
            reply_text.SETUP_CHANNEL_UNSEEN.format(channel=channel, error=unseen.reason)
        ) from None
    if not member:
        raise NotPermitted(reply_text.SETUP_NOT_IN_CHANNEL.format(channel=channel))
    with container.database.reading() as session:
        ensure_channel_free(session, channel)


def set_up_and_announce(container: Runtime, caller: Caller, proposal: Proposal) -> SetUp:
    """Create the engagement (timezone from the lead's Slack profile), then post in its channel.

    Nothing is written unless the caller is in the channel and the channel is free.
    """
    check_channel(container, caller, proposal.channel)
    profile = container.messenger.person(caller.user_id, caller.team_id)
    # The lead reads Rapport in their Slack language from the reply to this command on.
    read_from_now_as(profile.locale)
    with container.database.unit_of_work() as session:
        engagement = set_up(
            session,
            caller,
            name=proposal.name,
            client=proposal.client_org,
            provider=proposal.provider_org,
            channel=proposal.channel,
            lead_side=proposal.lead_side,
            timezone=profile.tz,
        )
        remember_locale(session, caller.team_id, caller.user_id, profile.locale, container.now())
        name, client_org, provider_org = (
            engagement.name,
            engagement.client_org,
            engagement.provider_org,
        )
    problem = announce(container, proposal.channel, name, client_org, provider_org)
    return SetUp(name, proposal, problem)


def announce(
    container: Runtime, channel: str, name: str, client_org: str, provider_org: str
) -> str | None:
    """Introduce Rapport in the shared channel; Slack's reason if it could not post.

    In the language a new engagement's channel starts with (English), not the caller's.
    Posted once: after an uncertain end it is not sent again.
    """
    with reading_as(None):
        text = reply_text.ANNOUNCE.format(name=name, client=client_org, provider=provider_org)
    try:
        container.messenger.post(channel, text, exactly_once=True)
    except MessengerError as error:
        logger.warning("cannot post in %s: %s", channel, error.reason)
        return error.reason
    return None
