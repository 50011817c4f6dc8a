"""`/rapport portfolio`: every engagement the caller leads or sponsors, most urgent first."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text
from bot.domain.portfolio_text import portfolio_text
from bot.services.portfolio import portfolio_of
from bot.services.portfolio_export import send_portfolio_csv
from bot.slack.command_text import CommandError, Token
from handlers.commands.registry import CommandRequest, Subcommand

USAGE = "Say `/rapport portfolio` for the list, or `/rapport portfolio csv` for a CSV in our DM."


@dataclass(frozen=True, slots=True)
class PortfolioArgs:
    csv: bool


def parse_portfolio(tokens: list[Token]) -> PortfolioArgs:
    if not tokens:
        return PortfolioArgs(csv=False)
    if len(tokens) == 1 and tokens[0].key is None and tokens[0].value.lower() == "csv":
        return PortfolioArgs(csv=True)
    raise CommandError(USAGE)


def portfolio(request: CommandRequest[PortfolioArgs]) -> None:
    container, caller = request.container, request.caller
    if request.args.csv:
        request.say(send_portfolio_csv(container, caller))
        return
    with container.database.reading() as session:
        states = portfolio_of(session, caller, container.now())
    request.say(portfolio_text(states))


SUBCOMMANDS = (
    Subcommand(
        "portfolio",
        parse_portfolio,
        portfolio,
        help_text.HELP_LINES["portfolio"],
        "digest",
        background=True,
    ),
)
