"""Trends and resolutions in words that match the numbers, case by case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.alerts import PulseFigures, Thresholds
from bot.domain.alerts.trends import blind_spot_moved, trend_of, trend_sentence, why_resolved
from bot.domain.alerts.wording import shown
from tests.support.digests import side

DEFAULTS = Thresholds()


def pulse(client: float | None, provider: float | None, **guesses: float) -> PulseFigures:
    return PulseFigures(
        side("client", client, guesses.get("client_guess")),
        side("provider", provider, guesses.get("provider_guess")),
    )


def test_a_side_score_falling_is_worse_and_the_sentence_names_both_figures() -> None:
    assert trend_sentence("decline", "client", None, 37.2, 21.9) == (
        "Worse: the client side fell from 37 to 21."
    )
    assert trend_sentence("divergence", "client", None, 21.0, 32.5) == (
        "Better: the client side rose from 21 to 32."
    )


def test_a_gap_or_a_misreading_growing_is_worse() -> None:
    assert trend_sentence("gap", "client", None, 28, 36) == (
        "Worse: the gap grew from 28 to 36 points."
    )
    assert trend_sentence("blind_spot", "provider", "high", 49, 47) == (
        "Better: the provider side's guess is 47 points too high, 49 before."
    )
    assert trend_sentence("silence", "client", None, 40, 60) == (
        "Worse: 60% of the client side did not answer, 40% before."
    )


rules = st.sampled_from(
    ["divergence", "gap", "both_below", "decline", "silence", "blind_spot", "watermelon"]
)
points = st.floats(min_value=0, max_value=100, allow_nan=False)
LOWER_IS_WORSE = {"divergence", "decline", "watermelon"}
"""The rules that follow a side's score; the others follow a quantity where higher is worse."""


@given(rules, points, points)
def test_the_trend_word_always_agrees_with_the_shown_figures(
    rule: str, before: float, now: float
) -> None:
    change = trend_of(rule, before, now)
    was, is_now = shown(before), shown(now)
    if was == is_now:
        assert change == "same"
    elif rule in LOWER_IS_WORSE:
        assert change == ("worse" if is_now < was else "better")
    else:
        assert change == ("worse" if is_now > was else "better")
    sentence = trend_sentence(rule, "client", "high", before, now)
    assert str(is_now) in sentence and sentence.startswith(
        {"worse": "Worse", "better": "Better", "same": "No change"}[change]
    )


def test_watermelon_resolved_by_the_sla_alone_says_the_client_is_still_unhappy() -> None:
    reason = why_resolved("watermelon", "client", None, pulse(58.4, 80), [], "amber", DEFAULTS)
    assert reason == (
        "SLA now amber: the watermelon rule no longer applies, but the client is still at 58, "
        "below its 70"
    )


def test_a_side_back_above_its_tolerance_says_so() -> None:
    for rule in ("watermelon", "divergence"):
        reason = why_resolved(rule, "client", None, pulse(72.3, 80), [], "green", DEFAULTS)
        assert reason == "client back at 72, at or above its 70"


def test_divergence_ending_because_the_other_side_fell_too_says_both_are_unhappy() -> None:
    reason = why_resolved("divergence", "client", None, pulse(50, 55), [], None, DEFAULTS)
    assert reason.startswith("the provider side is now below its 60 too (at 55)")
    assert "the client side is still at 50, below its 70" in reason


def test_a_gap_under_its_threshold_is_never_shown_at_the_threshold() -> None:
    # 57.4 and 72.0 are shown as 57 and 72, fifteen apart; the gap itself is 14.6.
    reason = why_resolved("gap", "client", None, pulse(57.4, 72.0), [], None, DEFAULTS)
    assert reason == "the gap is now 14.6 points, under the threshold of 15"
    assert why_resolved("gap", "client", None, pulse(60, 70), [], None, DEFAULTS) == (
        "the gap is now 10 points, under the threshold of 15"
    )


def test_a_gap_that_flips_side_says_the_side_is_no_longer_the_lower_one() -> None:
    reason = why_resolved("gap", "client", None, pulse(90, 60), [], None, DEFAULTS)
    assert (
        reason == "the client side is no longer the lower one: it is at 90, the provider side at 60"
    )


def test_a_decline_that_stopped_gives_the_fall_it_is_measured_against() -> None:
    history = [pulse(37, 70), pulse(21, 70)]
    reason = why_resolved("decline", "client", None, pulse(32, 70), history, None, DEFAULTS)
    assert reason == (
        "the client side is at 32, 5 points down against 37 two pulses back: less than the "
        "10-point fall that counts as a decline"
    )


def test_a_blind_spot_that_crossed_over_says_it_is_a_different_finding() -> None:
    figures = pulse(72, 82, client_guess=65)
    closed = why_resolved("blind_spot", "provider", "high", figures, [], None, DEFAULTS)
    assert closed.startswith("too few guesses from the provider side")
    flipped = pulse(80, 82, provider_guess=60)
    reason = why_resolved("blind_spot", "provider", "high", flipped, [], None, DEFAULTS)
    assert reason == (
        "the provider side now guesses the client side too low (60 against 80): "
        "that is a different finding"
    )


def test_a_withheld_side_is_never_described_by_a_number() -> None:
    reason = why_resolved("divergence", "client", None, pulse(None, 80), [], None, DEFAULTS)
    assert reason == (
        "the client side's score is withheld this pulse (fewer than 3 answered), "
        "so nothing can be said about it"
    )


@pytest.mark.parametrize(
    ("now", "before", "said"),
    [
        (17, 14, ", growing"),
        (-17, -20, ", shrinking"),
        (21, -10, ", was 10 too low"),
        (5.2, 5.9, ""),
        (5, None, ""),
    ],
)
def test_the_digest_blind_spot_moves_only_in_one_direction(
    now: float, before: float | None, said: str
) -> None:
    assert blind_spot_moved(now, before) == said
