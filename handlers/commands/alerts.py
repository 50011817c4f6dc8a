"""`/rapport alerts` and `sla`: open alerts with their age and owner; SLA facts; the feed token."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text, reply_text
from bot.domain.vocabulary import SlaStatus, is_sla_status
from bot.services.alerts import alerts_of
from bot.services.configure import record_sla_status
from bot.services.sla_feed import SLA_PATH, new_feed_token
from bot.slack.command_text import CommandError, Token, words
from bot.views.action_view import open_actions_text
from bot.views.alert_finding import alerts_text
from handlers.commands.registry import CommandRequest, NoArguments, Subcommand, argumentless

NOTE_MAX = 300


@dataclass(frozen=True, slots=True)
class SlaArgs:
    status: SlaStatus | None
    note: str


def parse_sla(tokens: list[Token]) -> SlaArgs:
    status = tokens[0].value.lower() if tokens and tokens[0].key is None else ""
    if status == "token" and len(tokens) == 1:
        return SlaArgs(None, "")
    if not is_sla_status(status):
        raise CommandError(reply_text.SLA_USAGE)
    note = words(tokens[1:])
    if len(note) > NOTE_MAX:
        raise CommandError(reply_text.NAME_TOO_LONG.format(what="note", limit=NOTE_MAX))
    return SlaArgs(status, note)


def alerts(request: CommandRequest[NoArguments]) -> None:
    container, caller = request.container, request.caller
    live = alerts_of(container, caller, request.engagement)
    text = alerts_text(live.name, live.alerts, live.now)
    actions = open_actions_text(live.actions, live.today)
    request.say("\n\n".join(part for part in (text, actions) if part))


def sla(request: CommandRequest[SlaArgs]) -> None:
    container, caller, args = request.container, request.caller, request.args
    if args.status is None:
        name, token = new_feed_token(container, caller, request.engagement)
        request.say(reply_text.SLA_NEW_FEED_KEY.format(engagement=name, token=token, path=SLA_PATH))
        return
    name = record_sla_status(container, caller, request.engagement, args.status, args.note)
    note = f" ({args.note})" if args.note else ""
    request.say(reply_text.SLA_RECORDED.format(engagement=name, status=args.status, note=note))


SUBCOMMANDS = (
    argumentless("alerts", alerts, "alerts", in_ack=True),
    Subcommand("sla", parse_sla, sla, help_text.HELP_LINES["sla"], "alerts"),
)
