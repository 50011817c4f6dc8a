"""The steps every language's scorer shares: the contrast's verdict and the no-stance damping."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.foreign import degree_words
from bot.domain.sentiment.reading import read_comment
from bot.domain.sentiment.verdict import CONTRAST_VERDICT, damp, norm, settle_contrast


def test_the_clause_after_a_contrast_decides_a_mild_sign() -> None:
    polarity, shares = settle_contrast(0.4, -1.5)
    assert polarity == -CONTRAST_VERDICT
    assert [s.rule for s in shares] == ["contrast"]
    assert 0.4 + shares[0].effect == pytest.approx(polarity)


def test_a_contrast_that_agrees_with_the_rest_changes_nothing() -> None:
    assert settle_contrast(-0.6, -1.5) == (-0.6, [])
    assert settle_contrast(0.6, 0.0) == (0.6, [])


def test_a_weak_reading_takes_the_contrasts_side_at_the_verdicts_strength() -> None:
    assert settle_contrast(-0.02, 1.0)[0] == CONTRAST_VERDICT


def test_a_stance_free_comment_is_pulled_into_the_neutral_zone() -> None:
    polarity, shares = damp(0.5, "please")
    assert abs(polarity) < 0.05
    assert shares[0].rule == "no stance" and 0.5 + shares[0].effect == pytest.approx(polarity)
    assert damp(0.5, None) == (0.5, [])


def test_one_strong_word_lands_near_vaders_point_six() -> None:
    assert 3.1 / norm(3.1) == pytest.approx(0.625, abs=0.01)


def test_degree_words_raise_or_lower_by_vaders_constant() -> None:
    assert degree_words("sehr echt", "etwas") == {"sehr": 0.293, "echt": 0.293, "etwas": -0.293}


@pytest.mark.parametrize(
    "text",
    [
        "Friendly people, but the fixes keep slipping.",
        "Das Team ist nett, aber die Lieferung ist wieder verspätet.",
        "El equipo es amable, pero las incidencias siguen abiertas.",
    ],
)
def test_every_language_lets_the_clause_after_the_contrast_decide(text: str) -> None:
    sentiment = read_comment(text).sentiment
    assert sentiment is not None and sentiment.label == "negative"


def test_english_and_foreign_requests_are_damped_alike() -> None:
    assert score_text("Can you share the rota for next week?").label == "neutral"
    sentiment = read_comment("¿Podéis enviar el informe mañana?").sentiment
    assert sentiment is not None and sentiment.label == "neutral"
