"""`/rapport setup`: the setup form, or an engagement typed in one line."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text, reply_text
from bot.domain.vocabulary import is_side
from bot.services.setup import Proposal, set_up_and_announce
from bot.slack.command_text import CommandError, Token, channel_id, clean_name
from bot.views.setup_form import setup_modal
from handlers.commands.registry import CommandRequest, Subcommand


@dataclass(frozen=True, slots=True)
class SetupArgs:
    """The typed engagement, or None to open the form."""

    proposal: Proposal | None


def parse_setup(tokens: list[Token]) -> SetupArgs:
    if not tokens:
        return SetupArgs(None)
    found: dict[str, str] = {}
    for token in tokens:
        if token.key is None and "name" not in found:
            found["name"] = clean_name(token.value, "engagement name")
        elif token.key in ("client", "provider"):
            found[token.key] = clean_name(token.value, f"{token.key} organisation")
        elif token.key == "channel":
            found["channel"] = channel_id(token.value)
        elif token.key == "side" and is_side(token.value.lower()):
            found["side"] = token.value.lower()
        else:
            raise CommandError(reply_text.SETUP_USAGE)
    missing = [k for k in ("name", "client", "provider", "channel") if k not in found]
    if missing:
        raise CommandError(reply_text.SETUP_MISSING.format(missing=", ".join(missing)))
    side = found.get("side", "client")
    return SetupArgs(
        Proposal(
            found["name"],
            found["client"],
            found["provider"],
            found["channel"],
            "provider" if side == "provider" else "client",
        )
    )


def setup(request: CommandRequest[SetupArgs]) -> None:
    proposal = request.args.proposal
    if proposal is None:
        view = setup_modal(request.caller.channel_id)
        request.container.messenger.open_form(request.trigger_id, view)
        return
    done = set_up_and_announce(request.container, request.caller, proposal)
    request.say(
        reply_text.SETUP_DONE.format(
            name=done.name,
            client=proposal.client_org,
            provider=proposal.provider_org,
            channel=proposal.channel,
        )
    )
    if done.problem is not None:
        request.say(reply_text.NOT_IN_CHANNEL.format(channel=proposal.channel, error=done.problem))


SUBCOMMANDS = (Subcommand("setup", parse_setup, setup, help_text.HELP_LINES["setup"], "setup"),)
