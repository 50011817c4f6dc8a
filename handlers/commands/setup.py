"""`/rapport setup`: create an engagement, typed or through the setup form."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain import catalogue
from bot.services.engagements import Caller, set_up
from bot.slack import blocks
from bot.slack.users import timezone_of
from bot.wiring.container import Services
from handlers.commands.request import CommandRequest
from storage.models import Engagement

logger = logging.getLogger(__name__)


def setup(request: CommandRequest) -> None:
    args = request.command.args
    client = request.services.client
    if not args:
        request.acknowledge()
        client.views_open(
            trigger_id=request.trigger_id, view=blocks.setup_modal(request.caller.channel_id)
        )
        return
    create_and_announce(
        request.services,
        request.caller,
        name=args["name"],
        client_org=args["client"],
        provider_org=args["provider"],
        channel=args["channel"],
        lead_side=args.get("side", "client"),
        reply=request.say,
    )


def create_and_announce(
    services: Services,
    caller: Caller,
    *,
    name: str,
    client_org: str,
    provider_org: str,
    channel: str,
    lead_side: str,
    reply: Callable[[str], None],
) -> Engagement:
    """Create the engagement, confirm to the lead, and introduce Rapport in the channel."""
    tz = timezone_of(services.client, caller.user_id, caller.team_id)
    with services.database.unit_of_work() as session:
        engagement = set_up(
            session,
            caller,
            name=name,
            client=client_org,
            provider=provider_org,
            channel=channel,
            lead_side=lead_side,
            timezone=tz,
        )
    reply(
        catalogue.SETUP_DONE.format(
            name=engagement.name, client=client_org, provider=provider_org, channel=channel
        )
    )
    problem = announce(services.client, engagement)
    if problem is not None:
        reply(catalogue.NOT_IN_CHANNEL.format(channel=channel, error=problem))
    return engagement


def announce(client: WebClient, engagement: Engagement) -> str | None:
    """Post the introduction in the shared channel; the Slack error code if it could not."""
    text = catalogue.ANNOUNCE.format(
        name=engagement.name, client=engagement.client_org, provider=engagement.provider_org
    )
    try:
        client.chat_postMessage(channel=engagement.channel_id, text=text)
    except SlackApiError as error:
        code = str(error.response.get("error") or "error")
        logger.warning("cannot post in %s: %s", engagement.channel_id, code)
        return code
    return None
