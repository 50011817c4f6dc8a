"""`/rapport add`, `remove` and `members`: who is on which side."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text, reply_text
from bot.domain import people_text as people_text
from bot.domain.i18n import ngettext
from bot.domain.vocabulary import Role, Side, is_role, is_side
from bot.services.answers import retire_removed_members_dm
from bot.services.engagements import add_to, led_by, members_of, remove_from
from bot.slack.command_text import CommandError, Token, parse_weight, short, user_id
from bot.views.mrkdwn import mention
from bot.views.roster import roster_text
from handlers.commands.registry import CommandRequest, NoArguments, Subcommand, argumentless

MAX_AT_ONCE = 50


@dataclass(frozen=True, slots=True)
class AddArgs:
    users: tuple[str, ...]
    side: Side
    role: Role | None = None
    weight: float | None = None


@dataclass(frozen=True, slots=True)
class RemoveArgs:
    user_id: str


def parse_add(tokens: list[Token]) -> AddArgs:
    users: list[str] = []
    side: Side | None = None
    role: Role | None = None
    weight: float | None = None
    for token in tokens:
        value = token.value.lower()
        if token.key == "weight":
            weight = parse_weight(token.value)
        elif token.key is not None:
            raise CommandError(reply_text.ADD_USAGE)
        elif token.value.startswith("<"):
            users.append(user_id(token.value))
        elif is_side(value) and side is None:
            side = value
        elif is_role(value) and role is None:
            role = value
        elif token.value.startswith("@"):
            raise CommandError(reply_text.NOT_A_MENTION.format(value=short(token.value)))
        else:
            raise CommandError(reply_text.ADD_UNKNOWN_WORD.format(word=short(token.value)))
    if not users:
        raise CommandError(reply_text.ADD_NO_USERS)
    if side is None:
        raise CommandError(reply_text.ADD_NO_SIDE)
    if len(set(users)) > MAX_AT_ONCE:
        raise CommandError(reply_text.ADD_TOO_MANY)
    return AddArgs(tuple(dict.fromkeys(users)), side, role, weight)


def parse_remove(tokens: list[Token]) -> RemoveArgs:
    if len(tokens) != 1 or tokens[0].key is not None:
        raise CommandError(reply_text.REMOVE_USAGE)
    return RemoveArgs(user_id(tokens[0].value))


def add(request: CommandRequest[AddArgs]) -> None:
    container, caller, args = request.container, request.caller, request.args
    engagement_id = led_by(container, caller, request.engagement)
    # Looking people up can take a moment per person: acknowledge first.
    request.acknowledge()
    people = [container.messenger.person(user, caller.team_id) for user in args.users]
    name, result = add_to(
        container, engagement_id, people, side=args.side, role=args.role, weight=args.weight
    )
    parts = []
    if result.added:
        parts.append(_added(args, name, result.added))
    if result.refused:
        parts.append(reply_text.ADD_REFUSED.format(reasons="; ".join(result.refused)))
    request.say(" ".join(parts) + (reply_text.FROM_NEXT_PULSE if result.changed else ""))


def _added(args: AddArgs, engagement: str, people: list[str]) -> str:
    """Who was added, confirming the side and every role and weight the command set."""
    template = reply_text.ADDED
    if args.role is not None:
        template = ngettext(*people_text.ADDED_AS[args.role], len(people))
    said = template.format(side=args.side, engagement=engagement, people=", ".join(people))
    if args.role is not None:
        said += people_text.ROLE_MEANS[args.role]
    if args.weight is not None:
        said += people_text.ADDED_WEIGHT.format(weight=args.weight)
    return said


def remove(request: CommandRequest[RemoveArgs]) -> None:
    container, caller, who = request.container, request.caller, request.args.user_id
    name, engagement_id, removed = remove_from(container, caller, request.engagement, who)
    if removed:
        retire_removed_members_dm(container, engagement_id, who)
    template = reply_text.REMOVED if removed else reply_text.NOT_ON_ENGAGEMENT
    request.say(template.format(person=mention(who), engagement=name))


def members(request: CommandRequest[NoArguments]) -> None:
    container, caller = request.container, request.caller
    found = members_of(container, caller, request.engagement)
    if not any(found.sides.values()):
        request.say(reply_text.MEMBERS_EMPTY.format(engagement=found.name))
    else:
        request.say(roster_text(found.name, found.orgs, found.sides))


SUBCOMMANDS = (
    Subcommand("add", parse_add, add, help_text.HELP_LINES["add"], "people"),
    Subcommand("remove", parse_remove, remove, help_text.HELP_LINES["remove"], "people"),
    argumentless("members", members, "people", in_ack=True),
)
