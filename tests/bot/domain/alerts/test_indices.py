"""Side indices, weight cap, anonymity, response rate, blind spot and trend."""

from __future__ import annotations

import math

import pytest

from bot.domain.alerts import (
    Answer,
    PulseFigures,
    Side,
    SideFigures,
    Thresholds,
    blind_spot,
    compute_side_figures,
    effective_weights,
    guess_to_score,
    side_index,
    trend,
    weighted_mean,
)

DEFAULTS = Thresholds()


def figures(side: Side, index: float | None, guess: float | None = None) -> SideFigures:
    return SideFigures(side, index, 5, 5, 1.0, guess)


@pytest.mark.parametrize(("guess", "score"), [(1, 0.0), (2, 25.0), (3, 50.0), (5, 100.0)])
def test_guess_is_scored_like_a_bare_rating(guess: int, score: float) -> None:
    assert guess_to_score(guess) == score


@pytest.mark.parametrize("guess", [0, 6, -1, True])
def test_guess_outside_one_to_five_is_refused(guess: int) -> None:
    with pytest.raises(ValueError, match="guess"):
        guess_to_score(guess)


def test_index_is_the_stake_weighted_mean() -> None:
    answers = [Answer(1, 50), Answer(2, 100), Answer(1, 0)]
    assert side_index(answers, DEFAULTS) == pytest.approx((50 + 200 + 0) / 4)


def test_equal_weights_give_the_plain_mean() -> None:
    answers = [Answer(1, 25), Answer(1, 50), Answer(1, 100)]
    assert side_index(answers, DEFAULTS) == pytest.approx(175 / 3)


def test_a_heavy_weight_is_capped_at_the_sum_of_the_others() -> None:
    # Uncapped this would be 1000/12 = 83.3: one voice deciding the side's score.
    answers = [Answer(10, 100), Answer(1, 0), Answer(1, 0)]
    assert effective_weights([10, 1, 1]) == [2, 1, 1]
    assert side_index(answers, DEFAULTS) == pytest.approx(50)


def test_a_weight_equal_to_the_others_is_left_alone() -> None:
    assert effective_weights([2, 1, 1]) == [2, 1, 1]
    assert effective_weights([3, 1, 1, 1]) == [3, 1, 1, 1]


def test_a_lone_weight_is_not_capped() -> None:
    assert effective_weights([7]) == [7]
    assert weighted_mean([(7, 40)]) == pytest.approx(40)


def test_weighted_mean_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        weighted_mean([])


def test_index_is_withheld_below_the_anonymity_minimum() -> None:
    two = [Answer(1, 80), Answer(1, 20)]
    assert side_index(two, DEFAULTS) is None
    assert side_index([*two, Answer(1, 50)], DEFAULTS) == pytest.approx(50)


def test_a_configured_minimum_below_three_is_raised_to_three() -> None:
    assert Thresholds(anonymity_min=1).anonymity_min == 3
    assert Thresholds(anonymity_min=2).anonymity_min == 3
    lenient = Thresholds(anonymity_min=2)
    assert side_index([Answer(1, 80), Answer(1, 40)], lenient) is None
    assert side_index([Answer(1, 80), Answer(1, 40), Answer(1, 60)], lenient) == pytest.approx(60)


def test_a_higher_minimum_is_kept() -> None:
    strict = Thresholds(anonymity_min=5)
    answers = [Answer(1, 50)] * 4
    assert side_index(answers, strict) is None
    assert side_index([*answers, Answer(1, 50)], strict) == pytest.approx(50)


def test_side_figures_count_response_rate_against_eligible_members() -> None:
    answers = [Answer(1, 75), Answer(1, 75), Answer(1, 75)]
    result = compute_side_figures("client", answers, eligible=4, thresholds=DEFAULTS)
    assert result.side == "client"
    assert result.index == pytest.approx(75)
    assert (result.answered, result.eligible) == (3, 4)
    assert result.response_rate == pytest.approx(0.75)
    assert not result.withheld


def test_nobody_eligible_means_no_response_rate() -> None:
    result = compute_side_figures("provider", [], eligible=0, thresholds=DEFAULTS)
    assert result.response_rate is None
    assert result.index is None
    assert result.withheld


def test_someone_who_answered_counts_as_eligible() -> None:
    answers = [Answer(1, 50)] * 3
    result = compute_side_figures("client", answers, eligible=2, thresholds=DEFAULTS)
    assert result.eligible == 3
    assert result.response_rate == pytest.approx(1.0)


def test_negative_eligible_is_refused() -> None:
    with pytest.raises(ValueError, match="eligible"):
        compute_side_figures("client", [], eligible=-1, thresholds=DEFAULTS)


def test_guess_index_is_the_weighted_mean_of_the_guesses() -> None:
    answers = [Answer(1, 50, 5), Answer(1, 50, 5), Answer(2, 50, 3)]
    result = compute_side_figures("client", answers, eligible=4, thresholds=DEFAULTS)
    assert result.guess_index == pytest.approx((100 + 100 + 2 * 50) / 4)


def test_guess_index_over_a_set_one_could_subtract_from_everyone_is_withheld() -> None:
    # Three guessed out of four: the index over four and the blind spot over three
    # differ by one person, so the blind-spot figure is withheld.
    answers = [Answer(1, 50, 5), Answer(1, 50, 5), Answer(2, 50, 3), Answer(1, 50)]
    result = compute_side_figures("client", answers, eligible=4, thresholds=DEFAULTS)
    assert result.index is not None and result.guess_index is None
    six = [*answers, Answer(1, 50), Answer(1, 50)]  # three left out: enough
    assert compute_side_figures("client", six, 6, DEFAULTS).guess_index is not None


def test_guess_index_is_withheld_when_too_few_guessed() -> None:
    answers = [Answer(1, 50, 5), Answer(1, 50, 1), Answer(1, 50), Answer(1, 50)]
    result = compute_side_figures("client", answers, eligible=4, thresholds=DEFAULTS)
    assert result.index == pytest.approx(50)
    assert result.guess_index is None


def test_blind_spot_is_the_guess_minus_what_the_other_side_rated() -> None:
    assert blind_spot(figures("client", 40, guess=80), figures("provider", 55)) == pytest.approx(25)
    assert blind_spot(figures("provider", 70, guess=30), figures("client", 60)) == pytest.approx(
        -30
    )


def test_blind_spot_is_none_when_either_figure_is_withheld() -> None:
    assert blind_spot(figures("client", 40, guess=80), figures("provider", None)) is None
    assert blind_spot(figures("client", 40, guess=None), figures("provider", 55)) is None


def test_trend_is_the_change_since_the_previous_pulse() -> None:
    assert trend(figures("client", 60), figures("client", 72.5)) == pytest.approx(12.5)
    assert trend(figures("client", 60), figures("client", 45)) == pytest.approx(-15)


def test_trend_is_none_without_two_shown_indices() -> None:
    assert trend(None, figures("client", 60)) is None
    assert trend(figures("client", None), figures("client", 60)) is None
    assert trend(figures("client", 60), figures("client", None)) is None


@pytest.mark.parametrize(
    ("weight", "score", "guess", "field"),
    [
        (0, 50, None, "weight"),
        (-1, 50, None, "weight"),
        (math.nan, 50, None, "weight"),
        (1, 101, None, "score"),
        (1, -1, None, "score"),
        (1, math.nan, None, "score"),
        (1, 50, 0, "guess"),
        (1, 50, 6, "guess"),
    ],
)
def test_impossible_answers_are_refused(
    weight: float, score: float, guess: int | None, field: str
) -> None:
    with pytest.raises(ValueError, match=field):
        Answer(weight, score, guess)


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"client_tolerance": 120}, "client_tolerance"),
        ({"provider_tolerance": -5}, "provider_tolerance"),
        ({"gap": 0}, "gap"),
        ({"gap": 101}, "gap"),
    ],
)
def test_impossible_thresholds_are_refused(settings: dict[str, float], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Thresholds(**settings)  # type: ignore[arg-type]


def test_side_figures_refuse_out_of_range_numbers() -> None:
    with pytest.raises(ValueError, match="index"):
        SideFigures("client", 101, 3, 3, 1.0)
    with pytest.raises(ValueError, match="response_rate"):
        SideFigures("client", 50, 3, 3, 1.5)
    with pytest.raises(ValueError, match="side"):
        SideFigures("vendor", 50, 3, 3, 1.0)  # type: ignore[arg-type]


def test_pulse_figures_refuse_sides_in_the_wrong_slots() -> None:
    with pytest.raises(ValueError, match="client"):
        PulseFigures(figures("provider", 50), figures("client", 50))
