"""`/rapport help`: each subcommand's lines show that subcommand, under a known section."""

from __future__ import annotations

import pytest

from bot.domain import help_text
from bot.domain.i18n import LANGUAGES, reading_as
from tests.bot.domain.text_uses import placeholders


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_entry_shows_its_own_subcommand_first_as_a_bullet_list(language: str) -> None:
    with reading_as(language):
        entries = dict(help_text.HELP_LINES)
    for name, lines in entries.items():
        for line in lines.splitlines():
            assert line.startswith("• "), (name, line)
        assert f"`/rapport {name}" in lines.splitlines()[0], (name, lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_is_read_as_is_with_no_placeholder_left(language: str) -> None:
    with reading_as(language):
        every = [help_text.HELP_INTRO, help_text.HELP_MORE]
        every += list(help_text.HELP_GROUPS.values()) + list(help_text.HELP_LINES.values())
    assert all(placeholders(text) == set() for text in every)
    assert all(text.strip() for text in every)
