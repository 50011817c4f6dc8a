"""`/rapport help` (and a bare `/rapport`)."""

from __future__ import annotations

from bot import messages
from handlers.commands.request import CommandRequest


def show_help(request: CommandRequest) -> None:
    request.say(messages.HELP)
