"""Side indices: stake-weighted means with a weight cap, withheld below the anonymity minimum."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.alerts.model import Answer, Side, SideFigures, Thresholds
from bot.domain.alerts.publishing import publishable


def guess_to_score(guess: int) -> float:
    """A 1..5 guess on the 0..100 scale, the same way a bare rating is scored."""
    if isinstance(guess, bool) or guess not in (1, 2, 3, 4, 5):
        raise ValueError(f"guess must be 1..5, not {guess!r}")
    return (guess - 1) * 25.0


def effective_weights(weights: Sequence[float]) -> list[float]:
    """Stake weights after the cap: nobody carries more than half of a side.

    With two or more respondents, a weight larger than the sum of all the others is
    lowered to that sum, so its holder carries exactly half. At most one weight can
    exceed the sum of the others, so only that one changes. A lone weight is returned
    as it is (a lone answer is withheld anyway).
    """
    capped = list(weights)
    if len(capped) < 2:
        return capped
    heaviest = max(range(len(capped)), key=capped.__getitem__)
    others = sum(capped) - capped[heaviest]
    if capped[heaviest] > others:
        capped[heaviest] = others
    return capped


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float:
    """Mean of ``(weight, value)`` pairs after the weight cap; needs at least one pair.

    The result is kept within the smallest and largest value, so float rounding can
    never push an index past 0 or 100.
    """
    if not pairs:
        raise ValueError("weighted_mean needs at least one value")
    weights = effective_weights([weight for weight, _ in pairs])
    values = [value for _, value in pairs]
    mean = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
    return min(max(mean, min(values)), max(values))


def side_index(answers: Sequence[Answer], thresholds: Thresholds) -> float | None:
    """A side's 0..100 index, or None when fewer than the anonymity minimum answered."""
    if len(answers) < thresholds.anonymity_min:
        return None
    return weighted_mean([(a.weight, a.score) for a in answers])


def guess_index(answers: Sequence[Answer], thresholds: Thresholds) -> float | None:
    """How the side thinks the other side would rate, 0..100, weighted like the index.

    Only the answers that carry a guess count, and the result is withheld when fewer
    than the anonymity minimum of them do.
    """
    guesses = [(a.weight, guess_to_score(a.guess)) for a in answers if a.guess is not None]
    if not publishable(len(guesses), len(answers), thresholds.anonymity_min):
        return None
    return weighted_mean(guesses)


def compute_side_figures(
    side: Side, answers: Sequence[Answer], eligible: int, thresholds: Thresholds
) -> SideFigures:
    """All of one side's figures for one closed pulse.

    Args:
        side: "client" or "provider".
        answers: one per member of the side who answered.
        eligible: members of the side who could answer, excluding those away this week.
            Anyone who answered counts as eligible, so a smaller number is raised to
            ``len(answers)``.
        thresholds: the engagement's settings; only ``anonymity_min`` is used here.
    """
    if eligible < 0:
        raise ValueError(f"eligible cannot be negative, not {eligible!r}")
    answered = len(answers)
    eligible = max(eligible, answered)
    return SideFigures(
        side=side,
        index=side_index(answers, thresholds),
        answered=answered,
        eligible=eligible,
        response_rate=answered / eligible if eligible else None,
        guess_index=guess_index(answers, thresholds),
    )


def blind_spot(figures: SideFigures, other: SideFigures) -> float | None:
    """How far a side's guess of the other side's rating is from what the other rated.

    Positive when the side thinks the other is happier than it is, negative when it
    thinks the other is less happy. None when the guesses or the other index are
    withheld.
    """
    if figures.guess_index is None or other.index is None:
        return None
    return figures.guess_index - other.index


def trend(previous: SideFigures | None, current: SideFigures) -> float | None:
    """Index change since the previous pulse; None when either index is withheld."""
    if previous is None or previous.index is None or current.index is None:
        return None
    return current.index - previous.index
