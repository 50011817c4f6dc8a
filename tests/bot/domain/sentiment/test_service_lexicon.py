"""Service-event words and phrases: on VADER's scale, lower-case, read as account chat means."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.reading import read_comment
from bot.domain.sentiment.service_lexicon import SERVICE_EVENTS, SERVICE_PHRASES


def test_every_word_and_phrase_is_lower_case_and_on_the_scale() -> None:
    for word, valence in SERVICE_EVENTS.items():
        assert word == word.lower() and word.strip() == word and " " not in word, word
        assert -4 <= valence <= 4, word
    for phrase, valence in SERVICE_PHRASES.items():
        assert len(phrase) >= 2 and all(w == w.lower() and w for w in phrase), phrase
        assert -4 <= valence <= 4, phrase


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The release shipped on time.", 1),
        ("The migration is behind schedule.", -1),
        ("The whole cutover was ahead of schedule.", 1),
    ],
)
def test_a_phrase_gives_the_comment_its_sign(text: str, sign: int) -> None:
    assert score_text(text).polarity * sign > 0


def test_a_service_word_wins_over_its_general_meaning() -> None:
    """ "streamlined" is praise in account chat whatever the general lexicon says."""
    assert SERVICE_EVENTS["streamlined"] > 0
    assert score_text("They streamlined the month-end close.").polarity > 0


def test_so_so_is_a_mild_complaint() -> None:
    assert score_text("So-so.").label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "The new portal looks nice, but half the buttons don't work.",
        "Since the update the scanner is not working.",
        "They are responsive, however their fixes never hold.",
    ],
)
def test_something_that_does_not_work_is_a_complaint(text: str) -> None:
    assert score_text(text).label == "negative"


def test_a_condition_is_no_event() -> None:
    assert score_text("Draft rota attached, shout if any shifts don't work.").label == "neutral"


def test_strong_praise_missing_from_vader_counts_as_strong() -> None:
    for word in ("Exceptional", "Stellar", "Phenomenal"):
        assert score_text(f"{word} turnaround on the audit pack.").polarity > 0.45


def test_trial_and_error_is_a_way_of_working_not_a_failure() -> None:
    reading = read_comment("It was trial and error until the config held.", "en")
    assert reading.sentiment is not None
    assert reading.sentiment.polarity == 0.0
