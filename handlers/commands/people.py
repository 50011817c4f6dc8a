"""`/rapport add`, `remove` and `members`: who is on which side."""

from __future__ import annotations

from bot.domain import catalogue
from bot.services.engagements import (
    add_people,
    choose,
    mention,
    remove_person,
    require_lead,
    require_member,
    roster,
)
from bot.slack import blocks
from bot.slack.users import lookup_all
from handlers.commands.request import CommandRequest
from storage.models import Engagement


def add(request: CommandRequest) -> None:
    command, services, caller = request.command, request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, command.engagement)
        require_lead(session, engagement, caller)
        engagement_id = engagement.id
    # Looking people up can take a moment per person: acknowledge first.
    request.acknowledge()
    people = lookup_all(services.client, command.users, caller.team_id)
    weight = command.args.get("weight")
    with services.database.unit_of_work() as session:
        engagement = session.get_one(Engagement, engagement_id)
        result = add_people(
            session,
            engagement,
            people,
            side=command.args["side"],
            role=command.args.get("role"),
            weight=float(weight) if weight else None,
        )
        name = engagement.name
    parts = []
    if result.added:
        parts.append(
            catalogue.ADDED.format(
                side=command.args["side"], engagement=name, people=", ".join(result.added)
            )
        )
    if result.refused:
        parts.append(catalogue.ADD_REFUSED.format(reasons="; ".join(result.refused)))
    request.say(" ".join(parts))


def remove(request: CommandRequest) -> None:
    command, services, caller = request.command, request.services, request.caller
    user_id = command.users[0]
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, command.engagement)
        require_lead(session, engagement, caller)
        removed = remove_person(session, engagement, user_id)
        name = engagement.name
    template = catalogue.REMOVED if removed else catalogue.NOT_ON_ENGAGEMENT
    request.say(template.format(person=mention(user_id), engagement=name))


def members(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_member(session, engagement, caller)
        sides = roster(session, engagement)
        orgs = {"client": engagement.client_org, "provider": engagement.provider_org}
        if not any(sides.values()):
            text = catalogue.MEMBERS_EMPTY.format(engagement=engagement.name)
        else:
            text = blocks.roster_text(engagement.name, orgs, sides)
    request.say(text)
