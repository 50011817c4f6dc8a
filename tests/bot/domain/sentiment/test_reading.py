"""A comment's reading: its language, found or given, and a sentiment only where one is read."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.reading import SCORED_LANGUAGES, read_comment


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The service was awful and the reports are always late.", "en"),
        ("Der Service war schrecklich.", "de"),
        ("El servicio fue terrible.", "es"),
    ],
)
def test_a_scored_language_is_found_and_read(text: str, language: str) -> None:
    found = read_comment(text)
    assert found.language == language and language in SCORED_LANGUAGES
    assert found.sentiment is not None and found.sentiment.polarity < 0
    assert found.unscored_reason is None


def test_a_language_without_a_scorer_keeps_only_the_rating() -> None:
    found = read_comment("Le service était horrible.")
    assert found.language == "fr" and found.sentiment is None
    assert found.unscored_reason is not None and "(fr)" in found.unscored_reason


def test_a_given_language_is_used_instead_of_detecting_one() -> None:
    found = read_comment("The service was awful.", "FR")
    assert (found.language, found.detected_by, found.sentiment) == ("fr", "given", None)
    assert read_comment("Der Service war schrecklich.", "de").detected_by == "given"
