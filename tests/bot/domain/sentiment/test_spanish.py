"""The Spanish reader: its lexicon through inflected forms, negation, degree and its cues."""

from __future__ import annotations

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.spanish import spanish


def polarity(text: str) -> float:
    return score_with(spanish(), text)[0].polarity


def test_opinion_words_carry_their_sign_through_their_endings() -> None:
    rules = spanish()
    assert rules.code == "es"
    assert rules.valence("terrible") < 0 < rules.valence("excelente")
    assert rules.valence("excelentes") == rules.valence("excelente")
    assert rules.knows("Es excelente") and not rules.knows("the report")


def test_a_negation_turns_and_a_degree_word_raises() -> None:
    plain = polarity("El servicio fue bueno.")
    assert plain > 0
    assert polarity("El servicio no fue bueno.") < 0
    assert polarity("El servicio fue muy bueno.") > plain


def test_an_account_chat_cue_reads_as_bad_news() -> None:
    assert polarity("Llevamos tres semanas esperando el informe.") < 0
    assert polarity("Ninguna incidencia este mes.") > 0


def test_the_rules_are_built_once() -> None:
    assert spanish() is spanish()
