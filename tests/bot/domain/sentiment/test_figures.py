"""A moved figure is good or bad news by its metric: backlog down is good, CSAT down bad."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.figures import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    from_to_direction,
    metric_sign,
    number,
)


@pytest.mark.parametrize(
    ("word", "value"),
    [("1,200", 1200.0), ("45%", 45.0), ("3.5", 3.5), ("nineteen", 19.0), ("half", 0.5)],
)
def test_a_count_in_figures_or_words_is_read(word: str, value: float) -> None:
    assert number(word) == value


def test_a_word_that_is_no_count_is_none() -> None:
    assert number("many") is None and number("") is None and number("x12") is None


def test_no_metric_is_both_better_higher_and_lower() -> None:
    assert HIGHER_IS_BETTER.isdisjoint(LOWER_IS_BETTER)


@pytest.mark.parametrize(
    ("text", "verb", "sign"),
    [
        ("csat fell to 71", 1, 1),
        ("backlog fell to 40", 1, -1),
        ("down to five minutes", 0, -1),
        ("it fell again", 1, 0),
        ("error rate fell but csat", 2, -1),
    ],
)
def test_the_metric_nearest_before_the_verb_decides(text: str, verb: int, sign: int) -> None:
    words = text.split()
    assert metric_sign(words, verb, 0, len(words)) == sign


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("went from 30 to 6", -1),
        ("went from 40% to 55%", 1),
        ("from twelve to twelve", 0),
        ("from monday to friday", 0),
    ],
)
def test_from_to_gives_the_direction_by_the_numbers(text: str, direction: int) -> None:
    words = text.split()
    assert from_to_direction(words, 0, len(words)) == direction
