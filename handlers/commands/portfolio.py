"""`/rapport portfolio` (every engagement the caller leads or sponsors, most urgent first) and
`/rapport digest-time` (when a sponsor of several gets their one weekly digest)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text
from bot.domain import portfolio_text as text
from bot.domain.schedule import ScheduleError, parse_day_time, validate_timezone
from bot.services.portfolio import digest_time_command, digest_time_for, portfolio_for
from bot.services.portfolio_export import send_portfolio_csv
from bot.slack.command_text import CommandError, Token
from handlers.commands.registry import CommandRequest, Subcommand


@dataclass(frozen=True, slots=True)
class PortfolioArgs:
    csv: bool


@dataclass(frozen=True, slots=True)
class DigestTimeArgs:
    day_time: str | None
    tz: str | None
    show: bool


def parse_digest_time(tokens: list[Token]) -> DigestTimeArgs:
    words = [t.value for t in tokens if t.key is None]
    zones = [t.value for t in tokens if t.key == "tz"]
    if len(words) + len(zones) != len(tokens) or len(zones) > 1:
        raise CommandError(text.DIGEST_TIME_USAGE)
    tz = zones[0] if zones else None
    if not words and tz is None:
        return DigestTimeArgs(None, None, show=True)
    if len(words) == 1 and words[0].lower() == "default" and tz is None:
        return DigestTimeArgs(None, None, show=False)
    if len(words) != 2:
        raise CommandError(text.DIGEST_TIME_USAGE)
    try:
        parse_day_time(" ".join(words))
        zone = None if tz is None else validate_timezone(tz)
    except ScheduleError as error:
        raise CommandError(str(error)) from None
    return DigestTimeArgs(" ".join(words), zone, show=False)


def digest_time(request: CommandRequest[DigestTimeArgs]) -> None:
    container, caller, args = request.container, request.caller, request.args
    if args.show:
        request.say(digest_time_for(container, caller))
        return
    request.say(digest_time_command(container, caller, args.day_time, args.tz))


def parse_portfolio(tokens: list[Token]) -> PortfolioArgs:
    if not tokens:
        return PortfolioArgs(csv=False)
    if len(tokens) == 1 and tokens[0].key is None and tokens[0].value.lower() == "csv":
        return PortfolioArgs(csv=True)
    raise CommandError(text.PORTFOLIO_USAGE)


def portfolio(request: CommandRequest[PortfolioArgs]) -> None:
    container, caller = request.container, request.caller
    if request.args.csv:
        request.say(send_portfolio_csv(container, caller))
        return
    request.say(text.portfolio_text(portfolio_for(container, caller)))


SUBCOMMANDS = (
    Subcommand(
        "portfolio",
        parse_portfolio,
        portfolio,
        help_text.HELP_LINES["portfolio"],
        "digest",
        background=True,
    ),
    Subcommand(
        "digest-time",
        parse_digest_time,
        digest_time,
        help_text.HELP_LINES["digest-time"],
        "digest",
    ),
)
