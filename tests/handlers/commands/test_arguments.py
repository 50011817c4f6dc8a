"""Each subcommand's typed arguments, read as the dispatcher reads them, without Slack."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import Refused
from bot.slack.command_text import CommandError, split_command
from bot.wiring.listeners import SUBCOMMANDS
from handlers.commands.people import AddArgs
from handlers.commands.registry import Registry
from handlers.commands.settings import ConfigArgs, WeightArgs
from handlers.commands.setup import SetupArgs

REGISTRY = Registry(SUBCOMMANDS)


def parse(text: str) -> tuple[str, str | None, Any]:
    name, engagement, tokens = split_command(text)
    subcommand = REGISTRY.by_name.get(name)
    if subcommand is None:
        raise CommandError(f"unknown {name}")
    return name, engagement, subcommand.parse(tokens)


def test_setup_with_quotes_mentions_and_smart_quotes() -> None:
    _, _, args = parse('setup “Acme deal” client:"Acme Corp" provider:Globex channel:<#C123|acme>')
    assert isinstance(args, SetupArgs) and args.proposal is not None
    proposal = args.proposal
    assert (proposal.name, proposal.client_org, proposal.provider_org, proposal.channel) == (
        "Acme deal",
        "Acme Corp",
        "Globex",
        "C123",
    )
    assert proposal.lead_side == "client"


def test_bare_setup_means_the_form() -> None:
    assert parse("setup") == parse("  setup  ")
    assert parse("setup")[2] == SetupArgs(None)


def test_add_reads_people_side_role_and_weight_in_any_order() -> None:
    _, engagement, args = parse('add <@U0ANA|ana> provider <@U0BEN> lead weight:2.5 in:"Acme deal"')
    assert args == AddArgs(("U0ANA", "U0BEN"), "provider", "lead", 2.5)
    assert engagement == "Acme deal"


def test_repeated_mentions_are_added_once() -> None:
    assert parse("add <@U0ANA> <@U0ANA|ana> client")[2].users == ("U0ANA",)


def test_a_weight_is_a_number_not_a_string() -> None:
    assert parse("weight <@U0ANA> 2")[2] == WeightArgs("U0ANA", 2.0)


def test_config_values_are_typed_by_the_settings_table() -> None:
    args = parse("config gap=20 window=3d timezone=europe/berlin")[2]
    assert args == ConfigArgs(
        {"gap_threshold": 20, "window_hours": 72, "timezone": "Europe/Berlin"}
    )


@pytest.mark.parametrize("value", ["²", "٣", "3.0", "-1", " "])
def test_numbers_are_ascii_digits_only(value: str) -> None:
    with pytest.raises(Refused):
        parse(f"config anonymity={value}")


@given(st.text(max_size=300))
def test_any_text_parses_or_is_refused_with_a_sentence(text: str) -> None:
    try:
        parse(text)
    except (CommandError, Refused) as error:
        assert str(error)
