"""The 0–100 score of one response: its rating, nudged by its comment's sentiment."""

from __future__ import annotations

RATING_STEP = 25.0
# A comment can move a score by at most half a rating step either way, so a
# glowing "2" never outranks a grumpy "3": the rating stays the main signal.
MAX_NUDGE = RATING_STEP / 2


def rating_points(rating: int) -> float:
    """A 1–5 rating on the 0–100 scale: 1 → 0, 3 → 50, 5 → 100."""
    if not 1 <= rating <= 5:
        raise ValueError(f"rating must be 1..5, got {rating}")
    return (rating - 1) * RATING_STEP


def response_score(rating: int, polarity: float | None = None) -> float:
    """Score one response on 0–100.

    The rating sets the base (1 → 0, 5 → 100); a comment's polarity (−1..1) adds
    up to ±12.5 points. No comment or a neutral one changes nothing. The result is
    non-decreasing in both rating and polarity and is clamped to 0–100.
    """
    nudge = 0.0 if polarity is None else max(-1.0, min(1.0, polarity)) * MAX_NUDGE
    return max(0.0, min(100.0, rating_points(rating) + nudge))
