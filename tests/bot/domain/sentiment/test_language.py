"""Which language a comment is in, and that each is read with its own rules or not at all."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.sentiment import language as language_module
from bot.domain.sentiment.language import detect_language
from bot.domain.sentiment.reading import read_comment


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Zusammenarbeit ist toll, alle antworten schnell.", "de"),
        ("Wir warten seit Montag auf das Angebot.", "de"),
        ("Keine P1-Störungen diesen Monat", "de"),
        ("Seguimos esperando la respuesta desde el lunes.", "es"),
        ("El equipo de soporte respondió muy rápido", "es"),
        ("Tout va bien, merci pour votre aide", "fr"),
        ("O suporte está muito lento esta semana", "pt"),
        ("They missed the SLA again this month.", "en"),
        ("Kindly do the needful, pending since long time", "en"),
        ("still waiting on INC-2231 :eyeroll:", "en"),
    ],
)
def test_the_language_of_a_comment_is_detected(text: str, language: str) -> None:
    assert detect_language(text).language == language


@pytest.mark.parametrize("text", ["ok", "Top", "👍", "INC-4411", "", "thx!"])
def test_a_comment_too_short_to_tell_is_read_as_english(text: str) -> None:
    assert detect_language(text).language == "en"


def test_the_german_regression_is_no_longer_negative() -> None:
    reading = read_comment("Die Zusammenarbeit ist toll, alle antworten schnell.")
    assert reading.language == "de"
    assert reading.sentiment is not None and reading.sentiment.label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Tout va bien, merci pour votre aide",
        "O suporte está muito lento esta semana, que desastre",
        "Il supporto è stato molto lento anche questa settimana",
    ],
)
def test_a_language_without_a_scorer_is_left_unscored_with_its_reason(text: str) -> None:
    reading = read_comment(text)
    assert reading.language not in ("en", "de", "es")
    assert reading.sentiment is None and not reading.contributions
    assert reading.unscored_reason is not None and "rating alone" in reading.unscored_reason


def test_a_given_language_is_used_without_detection() -> None:
    reading = read_comment("Das Angebot kam pünktlich.", "DE")
    assert (reading.language, reading.detected_by) == ("de", "given")
    assert reading.sentiment is not None and reading.sentiment.polarity > 0
    assert read_comment("Das Angebot kam pünktlich.", "fr").sentiment is None


@given(st.text(string.printable + "’", max_size=60))
def test_the_ascii_word_pattern_finds_the_words_the_general_one_finds(text: str) -> None:
    lowered = text.lower()
    if lowered.isascii():
        ascii_words = language_module._ASCII_WORD.findall(lowered)
        assert ascii_words == language_module._WORD.findall(lowered)
