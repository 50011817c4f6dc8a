"""`/rapport config` and `weight`: tolerances, gap, anonymity minimum, and stakes."""

from __future__ import annotations

from bot import messages
from bot.engagements import choose, mention, require_lead
from handlers.commands.request import CommandRequest
from storage import engagements as engagement_queries
from storage.models import Engagement


def show(engagement: Engagement, template: str) -> str:
    return template.format(
        engagement=engagement.name,
        client_tolerance=engagement.client_tolerance,
        provider_tolerance=engagement.provider_tolerance,
        gap_threshold=engagement.gap_threshold,
        anonymity_min=engagement.anonymity_min,
    )


def config(request: CommandRequest) -> None:
    services, caller, args = request.services, request.caller, request.command.args
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, request.command.engagement)
        if not args:
            text = show(engagement, messages.CONFIG_SHOW)
        else:
            require_lead(session, engagement, caller)
            for field, value in args.items():
                setattr(engagement, field, int(value))
            text = show(engagement, messages.CONFIG_DONE)
    request.say(text)


def weight(request: CommandRequest) -> None:
    services, caller, command = request.services, request.caller, request.command
    user_id = command.users[0]
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, command.engagement)
        require_lead(session, engagement, caller)
        member = engagement_queries.member_by_user(session, engagement.id, user_id)
        if member is None or member.status == "removed":
            text = messages.NOT_ON_ENGAGEMENT.format(
                person=mention(user_id), engagement=engagement.name
            )
        else:
            member.weight = float(command.args["weight"])
            text = messages.WEIGHT_SET.format(
                person=mention(user_id), engagement=engagement.name, weight=member.weight
            )
    request.say(text)
