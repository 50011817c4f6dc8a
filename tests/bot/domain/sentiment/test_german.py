"""The German reader: its lexicon through inflected forms, negation, degree and its cues."""

from __future__ import annotations

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.german import german


def polarity(text: str) -> float:
    return score_with(german(), text)[0].polarity


def test_opinion_words_carry_their_sign_through_their_endings() -> None:
    rules = german()
    assert rules.code == "de"
    assert rules.valence("schrecklich") < 0 < rules.valence("gut")
    assert rules.valence("schrecklichen") == rules.valence("schrecklich")
    assert rules.knows("Das ist gut") and not rules.knows("the report")


def test_a_negation_turns_and_a_degree_word_raises() -> None:
    plain = polarity("Der Service war gut.")
    assert plain > 0
    assert polarity("Der Service war nicht gut.") < 0
    assert polarity("Der Service war sehr gut.") > plain


def test_an_account_chat_cue_reads_as_bad_news() -> None:
    assert polarity("Wir warten seit drei Wochen auf den Bericht.") < 0
    assert polarity("Keine Störungen diesen Monat.") > 0


def test_the_rules_are_built_once() -> None:
    assert german() is german()
