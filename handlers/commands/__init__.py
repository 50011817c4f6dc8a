"""The `/rapport` slash command: one listener that dispatches to a module per subcommand group."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.domain import catalogue
from bot.services.engagements import Caller
from bot.slack.command_text import CommandError, parse
from bot.wiring.container import Services
from handlers.commands import alerts, digest, people, pulse, settings, setup
from handlers.commands import help as help_command
from handlers.commands.request import CommandRequest, Subcommand

logger = logging.getLogger(__name__)

SUBCOMMANDS: dict[str, Subcommand] = {
    "help": help_command.show_help,
    "setup": setup.setup,
    "add": people.add,
    "remove": people.remove,
    "members": people.members,
    "send": pulse.send,
    "status": pulse.status,
    "close": alerts.close,
    "alerts": alerts.alerts,
    "sla": alerts.sla,
    "config": settings.config,
    "weight": settings.weight,
    "digest": digest.digest,
    "export": digest.export,
}

# Answered from memory or by a few reads that never wait for a writer: the answer rides
# in the acknowledgement itself, which spares Slack and us a second HTTP request.
ANSWERED_IN_ACK = frozenset({"help", "status", "members", "alerts"})


def register(app: App, services: Services) -> None:
    @app.command("/rapport")
    def rapport(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        caller = Caller(
            team_id=str(body.get("team_id", "")),
            user_id=str(body.get("user_id", "")),
            channel_id=body.get("channel_id"),
        )
        request = CommandRequest(
            services=services,
            caller=caller,
            ack=ack,
            respond=respond,
            trigger_id=str(body.get("trigger_id", "")),
        )
        try:
            request.command = parse(str(body.get("text") or ""))
            if request.command.name not in ANSWERED_IN_ACK:
                # Acknowledge before touching the database or Slack: the answer follows
                # through response_url, so Slack never waits on our work.
                request.acknowledge()
            SUBCOMMANDS[request.command.name](request)
        except CommandError as error:
            request.say(str(error))
        except Exception:
            logger.exception("/rapport %s failed", request.command.name)
            request.say(catalogue.SOMETHING_WRONG)
