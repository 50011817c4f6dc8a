"""What `rapport` says to the operator: one line each, filled with the names its callers pass."""

from __future__ import annotations

from bot.domain import operator_text
from tests.bot.domain.text_uses import fills, misfilled, module_sentences, placeholders


def test_every_sentence_a_caller_fills_gets_exactly_the_names_it_asks_for() -> None:
    assert len(fills(operator_text.__name__)) >= 30
    assert misfilled(operator_text.__name__) == []


def test_each_sentence_is_one_line() -> None:
    """An operator's log shows one line per problem; a sentence never breaks it."""
    sentences = module_sentences(operator_text.__name__)
    assert sentences
    assert [name for name, text in sentences.items() if "\n" in text] == []


def test_a_problem_with_the_database_says_which_setting_to_fix() -> None:
    database = {
        name: text
        for name, text in module_sentences(operator_text.__name__).items()
        if name.startswith(("DB_", "SQLITE_"))
    }
    assert database
    for name, text in database.items():
        assert "DATABASE_URL" in text, name
        filled = text.format(**dict.fromkeys(placeholders(text), "x"))
        assert "{" not in filled, name
