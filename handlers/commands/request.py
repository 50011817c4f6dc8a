"""What a subcommand handler receives, and how it answers the person who typed it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from slack_bolt import Ack, Respond

from bot.services.engagements import Caller
from bot.slack.command_text import Command
from bot.wiring.container import Services


@dataclass(slots=True)
class CommandRequest:
    services: Services
    caller: Caller
    ack: Ack
    respond: Respond
    trigger_id: str
    command: Command = field(default_factory=lambda: Command("help"))
    acked: bool = False

    def acknowledge(self) -> None:
        """Tell Slack we have the command, with nothing to show yet."""
        if not self.acked:
            self.ack()
            self.acked = True

    def say(self, text: str) -> None:
        """Answer only the caller: in the ack if still possible, else via response_url."""
        if not self.acked:
            self.ack(text=text, response_type="ephemeral")
            self.acked = True
        else:
            self.respond(text=text, response_type="ephemeral", replace_original=False)


Subcommand = Callable[[CommandRequest], None]
