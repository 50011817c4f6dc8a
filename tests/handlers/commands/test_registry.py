"""A subcommand is one record: the dispatcher and the help text both come from it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.slack.command_text import CommandError, Token
from bot.wiring.listeners import SUBCOMMANDS
from handlers.commands.registry import CommandRequest, Registry, Subcommand
from storage.db import Database
from tests.support.running import running_app
from tests.support.slack_api import SlackStandIn


@dataclass(frozen=True, slots=True)
class EchoArgs:
    words: tuple[str, ...]


def parse_echo(tokens: list[Token]) -> EchoArgs:
    if not tokens:
        raise CommandError("Echo what? `/rapport echo hello`.")
    return EchoArgs(tuple(t.value for t in tokens))


def echo(request: CommandRequest[EchoArgs]) -> None:
    request.say("echo: " + " ".join(request.args.words))


ECHO = Subcommand("echo", parse_echo, echo, "• `/rapport echo words` — says them back")


def test_a_toy_subcommand_is_dispatched_and_listed_from_its_one_record(
    standin: SlackStandIn, database: Database
) -> None:
    with running_app(standin, database, subcommands=(*SUBCOMMANDS, ECHO)) as rapport:
        said = rapport.slack.command("echo hello there", user="U0ANY")
        assert said.status == 200 and said.text == "echo: hello there" and said.ephemeral
        refused = rapport.slack.command("echo", user="U0ANY")
        assert "Echo what?" in refused.text
        help_text = rapport.slack.command("help", user="U0ANY").text
        assert "`/rapport echo words` — says them back" in help_text
        assert help_text.index("*More*") < help_text.index("/rapport echo")


def test_without_the_record_the_subcommand_does_not_exist(
    standin: SlackStandIn, database: Database
) -> None:
    with running_app(standin, database) as rapport:
        assert "I don't know `echo`" in rapport.slack.command("echo hi", user="U0ANY").text
        assert "/rapport echo" not in rapport.slack.command("help", user="U0ANY").text


def test_two_records_with_one_name_are_refused_at_start() -> None:
    with pytest.raises(ValueError, match="echo"):
        Registry((*SUBCOMMANDS, ECHO, ECHO))


def test_help_lists_every_subcommand_under_its_section() -> None:
    help_text = Registry(SUBCOMMANDS).help_text()
    for subcommand in SUBCOMMANDS:
        assert subcommand.help in help_text
    assert help_text.index("*Set up*") < help_text.index("*People*") < help_text.index("*Digest*")
