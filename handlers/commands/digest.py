"""`/rapport digest` and `export`: the digest, or the figures per pulse, in the caller's DM."""

from __future__ import annotations

from bot.domain import catalogue
from bot.services.digest.on_demand import by_name, send_export, send_preview
from handlers.commands.registry import CommandRequest, NoArguments, Subcommand, no_arguments


def digest(request: CommandRequest[NoArguments]) -> None:
    pick = by_name(request.caller, request.engagement)
    request.say(send_preview(request.container, request.caller, pick).text)


def export(request: CommandRequest[NoArguments]) -> None:
    pick = by_name(request.caller, request.engagement)
    request.say(send_export(request.container, request.caller, pick).text)


SUBCOMMANDS = (
    Subcommand("digest", no_arguments("digest"), digest, catalogue.HELP_LINES["digest"], "digest"),
    Subcommand("export", no_arguments("export"), export, catalogue.HELP_LINES["export"], "digest"),
)
