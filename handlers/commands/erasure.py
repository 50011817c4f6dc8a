"""`/rapport forget` and `archive`: a lead erases a person, or retires an engagement."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text, reply_text
from bot.services.erasure import archive, forget_by_lead
from bot.slack.command_text import CommandError, Token, user_id
from handlers.commands.registry import CommandRequest, NoArguments, Subcommand, argumentless


@dataclass(frozen=True, slots=True)
class ForgetArgs:
    user_id: str


def parse_forget(tokens: list[Token]) -> ForgetArgs:
    if len(tokens) != 1 or tokens[0].key is not None:
        raise CommandError(reply_text.FORGET_USAGE)
    return ForgetArgs(user_id(tokens[0].value))


def forget(request: CommandRequest[ForgetArgs]) -> None:
    request.say(
        forget_by_lead(request.container, request.caller, request.engagement, request.args.user_id)
    )


def archive_engagement(request: CommandRequest[NoArguments]) -> None:
    request.say(archive(request.container, request.caller, request.engagement))


SUBCOMMANDS = (
    Subcommand("forget", parse_forget, forget, help_text.HELP_LINES["forget"], "people"),
    argumentless("archive", archive_engagement, "settings"),
)
