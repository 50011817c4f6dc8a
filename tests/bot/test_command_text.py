"""The `/rapport` grammar, parsed without Slack."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.slack.command_text import CommandError, parse, tokenize


def test_setup_with_quotes_mentions_and_smart_quotes() -> None:
    command = parse('setup “Acme deal” client:"Acme Corp" provider:Globex channel:<#C123|acme>')
    assert command.name == "setup"
    assert command.args == {
        "name": "Acme deal",
        "client": "Acme Corp",
        "provider": "Globex",
        "channel": "C123",
    }


def test_bare_setup_means_the_form() -> None:
    assert parse("setup") == parse("  setup  ")
    assert parse("setup").args == {}


def test_add_reads_people_side_role_and_weight_in_any_order() -> None:
    command = parse('add <@U0ANA|ana> provider <@U0BEN> lead weight:2.5 in:"Acme deal"')
    assert command.users == ("U0ANA", "U0BEN")
    assert command.args == {"side": "provider", "role": "lead", "weight": "2.5"}
    assert command.engagement == "Acme deal"


def test_repeated_mentions_are_added_once() -> None:
    assert parse("add <@U0ANA> <@U0ANA|ana> client").users == ("U0ANA",)


def test_empty_text_is_help() -> None:
    assert parse("").name == "help"
    assert parse("HELP").name == "help"


def test_equals_works_like_colon() -> None:
    assert tokenize('client="Acme" x=1')[0].key == "client"


@given(st.text(max_size=300))
def test_any_text_parses_or_raises_a_command_error(text: str) -> None:
    try:
        parse(text)
    except CommandError as error:
        assert str(error)
