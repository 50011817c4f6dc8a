"""How the simulated people feel and answer: each side's mood by week, a rating drawn
around it, and what each side says drives it."""

from __future__ import annotations

import random


def client_mood(week: int, weeks: int) -> float:
    """The client side's mean rating: content, sinking, low, recovering, content again."""
    share = week / max(weeks - 1, 1)
    if share < 0.25:
        return 4.3
    if share < 0.45:
        return 4.3 - (share - 0.25) / 0.2 * 2.3
    if share < 0.6:
        return 2.0
    if share < 0.8:
        return 2.0 + (share - 0.6) / 0.2 * 1.9
    return 3.9


def provider_mood(week: int, weeks: int) -> float:
    """The provider side's mean rating: content, a little strained while the client is not."""
    return 4.1 if client_mood(week, weeks) >= 3.5 else 3.8


def rating(rng: random.Random, mood: float) -> int:
    return max(1, min(5, round(rng.gauss(mood, 0.55))))


# What each side says drives its feeling: the client blames responsiveness and delivery,
# the provider thinks the trouble is expectations — they argue about different things.
SIDE_DRIVERS = {
    ("client", "low"): ("responsiveness", "responsiveness", "delivery", "communication"),
    ("client", "high"): ("delivery", "communication", "communication"),
    ("provider", "low"): ("expectations", "expectations", "value"),
    ("provider", "high"): ("expectations", "expectations", "ways_of_working"),
}


def drivers(seed: int, week: int, user: str, side: str, mood: float) -> list[str]:
    """One driver picked by about two people in three; drawn apart from the ratings, so
    adding drivers left every simulated score as it was."""
    rng = random.Random(f"{seed}/{week}/{user}")
    if rng.random() < 0.35:
        return []
    return [rng.choice(SIDE_DRIVERS[(side, "low" if mood < 3.5 else "high")])]
