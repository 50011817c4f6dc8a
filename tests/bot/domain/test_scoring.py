"""The response score: rating first, nudged by the comment, always in range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.scoring import response_score

ratings = st.integers(min_value=1, max_value=5)
polarities = st.floats(min_value=-1, max_value=1, allow_nan=False)


def test_ratings_span_the_scale() -> None:
    assert [response_score(r) for r in range(1, 6)] == [0, 25, 50, 75, 100]


@given(ratings)
def test_a_neutral_or_missing_comment_changes_nothing(rating: int) -> None:
    assert response_score(rating, 0.0) == response_score(rating, None) == (rating - 1) * 25


@given(ratings, polarities)
def test_always_within_0_and_100(rating: int, polarity: float) -> None:
    assert 0 <= response_score(rating, polarity) <= 100


@given(ratings, polarities, polarities)
def test_monotone_in_polarity(rating: int, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert response_score(rating, low) <= response_score(rating, high)


@given(st.integers(min_value=1, max_value=4), polarities, polarities)
def test_monotone_in_rating_whatever_the_comments(rating: int, a: float, b: float) -> None:
    assert response_score(rating, a) <= response_score(rating + 1, b)


def test_a_complaint_pulls_a_middling_rating_down() -> None:
    assert response_score(3, -0.6) < 50 < response_score(3, 0.6)


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_out_of_range_ratings_are_rejected(rating: int) -> None:
    with pytest.raises(ValueError, match="rating"):
        response_score(rating)
