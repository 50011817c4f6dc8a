"""The `/rapport` grammar's pieces, without Slack: tokens, mentions, the subcommand split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.slack.command_text import CommandError, split_command, tokenize


def test_empty_text_is_help_and_the_name_is_case_blind() -> None:
    assert split_command("") == ("help", None, [])
    assert split_command("HELP")[0] == "help"


def test_in_names_the_engagement_wherever_it_stands() -> None:
    name, engagement, rest = split_command('add in:"Acme deal" <@U0ANA> client')
    assert (name, engagement) == ("add", "Acme deal")
    assert [t.value for t in rest] == ["<@U0ANA>", "client"]


def test_equals_works_like_colon() -> None:
    assert tokenize('client="Acme" x=1')[0].key == "client"


@given(st.text(max_size=300))
def test_any_text_splits_or_raises_a_command_error(text: str) -> None:
    try:
        split_command(text)
    except CommandError as error:
        assert str(error)
