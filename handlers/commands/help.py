"""`/rapport help` (and a bare `/rapport`)."""

from __future__ import annotations

from bot.domain import catalogue
from handlers.commands.request import CommandRequest


def show_help(request: CommandRequest) -> None:
    request.say(catalogue.HELP)
