"""`/rapport digest`, `export` and `baseline`: the digest or the figures per pulse in the
caller's DM, and the date the baseline counts from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.domain import help_text, reply_text
from bot.services.digest.on_demand import by_name, send_export, send_preview
from bot.services.standing import set_baseline
from bot.slack.command_text import CommandError, Token
from handlers.commands.registry import CommandRequest, NoArguments, Subcommand, argumentless


@dataclass(frozen=True, slots=True)
class BaselineArgs:
    start: date | None


def digest(request: CommandRequest[NoArguments]) -> None:
    """DM the digest to the caller; with workers, a worker does it and answers."""
    queue = request.container.queue
    if queue is not None and request.respond.response_url:
        queue.preview_digest(request.caller, request.engagement, request.respond.response_url)
        return
    pick = by_name(request.caller, request.engagement)
    request.say(send_preview(request.container, request.caller, pick).text)


def export(request: CommandRequest[NoArguments]) -> None:
    """Upload the figures per pulse to the caller's DM; with workers, a worker does it and
    answers."""
    queue = request.container.queue
    if queue is not None and request.respond.response_url:
        queue.export_figures(request.caller, request.engagement, request.respond.response_url)
        return
    pick = by_name(request.caller, request.engagement)
    request.say(send_export(request.container, request.caller, pick).text)


def parse_baseline(tokens: list[Token]) -> BaselineArgs:
    word = tokens[0].value.lower() if len(tokens) == 1 and tokens[0].key is None else ""
    if word == "default":
        return BaselineArgs(None)
    try:
        if len(word) == 10:
            return BaselineArgs(date.fromisoformat(word))
    except ValueError:
        pass
    raise CommandError(reply_text.BASELINE_USAGE)


def baseline(request: CommandRequest[BaselineArgs]) -> None:
    container, caller, start = request.container, request.caller, request.args.start
    name = set_baseline(container, caller, request.engagement, start)
    if start is None:
        request.say(reply_text.BASELINE_DEFAULT.format(engagement=name))
    else:
        request.say(reply_text.BASELINE_SET.format(engagement=name, start=start.isoformat()))


SUBCOMMANDS = (
    argumentless("digest", digest, "digest", background=True),
    argumentless("export", export, "digest", background=True),
    Subcommand("baseline", parse_baseline, baseline, help_text.HELP_LINES["baseline"], "digest"),
)
