"""Invariants of the alert rules, checked over generated pulses."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.domain.alerts import (
    SIDES,
    Answer,
    Finding,
    PulseFigures,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    compute_side_figures,
    effective_weights,
    evaluate,
    other_side,
    side_index,
)
from bot.domain.alerts.rules.decline import DECLINE_POINTS

points = st.floats(min_value=0, max_value=100)
weights = st.floats(min_value=0.01, max_value=1000)
sla_statuses: st.SearchStrategy[SlaStatus | None] = st.sampled_from([None, "green", "amber", "red"])
answers = st.builds(
    Answer, weight=weights, score=points, guess=st.one_of(st.none(), st.integers(1, 5))
)
thresholds = st.builds(
    Thresholds,
    client_tolerance=points,
    provider_tolerance=points,
    gap=st.floats(min_value=0.5, max_value=100),
    anonymity_min=st.integers(0, 6),
)


@st.composite
def side_figures(draw: st.DrawFn, side: Side) -> SideFigures:
    """Any figures a side could have, withheld or not, with or without guesses."""
    eligible = draw(st.integers(0, 40))
    answered = draw(st.integers(0, eligible))
    return SideFigures(
        side=side,
        index=draw(st.one_of(st.none(), points)),
        answered=answered,
        eligible=eligible,
        response_rate=answered / eligible if eligible else None,
        guess_index=draw(st.one_of(st.none(), points)),
    )


pulses = st.builds(PulseFigures, side_figures("client"), side_figures("provider"))


def swap_pulse(pulse: PulseFigures) -> PulseFigures:
    return PulseFigures(
        client=replace(pulse.provider, side="client"),
        provider=replace(pulse.client, side="provider"),
    )


def swap_thresholds(settings: Thresholds) -> Thresholds:
    return replace(
        settings,
        client_tolerance=settings.provider_tolerance,
        provider_tolerance=settings.client_tolerance,
    )


def swap_side(side: Side | None) -> Side | None:
    return None if side is None else other_side(side)


# indices


@given(st.lists(st.tuples(weights, points), min_size=1, max_size=30))
def test_index_stays_between_the_lowest_and_highest_score(
    pairs: list[tuple[float, float]],
) -> None:
    index = side_index([Answer(w, s) for w, s in pairs], Thresholds(anonymity_min=3))
    if len(pairs) < 3:
        assert index is None
        return
    assert index is not None
    scores = [s for _, s in pairs]
    assert 0 <= min(scores) <= index <= max(scores) <= 100


@given(st.lists(weights, min_size=2, max_size=30))
def test_nobody_carries_more_than_half_a_side(raw: list[float]) -> None:
    capped = effective_weights(raw)
    total = sum(capped)
    assert all(0 < w <= total / 2 * (1 + 1e-9) for w in capped)
    # Only a weight heavier than all the others together changes.
    changed = [i for i, (was, now) in enumerate(zip(raw, capped, strict=True)) if was != now]
    assert len(changed) <= 1
    for i in changed:
        assert raw[i] > sum(raw) - raw[i]
        assert capped[i] == pytest.approx(sum(raw) - raw[i])


@given(st.lists(answers, max_size=12), thresholds, st.integers(0, 20))
def test_a_side_is_withheld_exactly_when_too_few_answered(
    given_answers: list[Answer], settings: Thresholds, extra: int
) -> None:
    figures = compute_side_figures("client", given_answers, len(given_answers) + extra, settings)
    minimum = max(3, settings.anonymity_min)
    assert figures.withheld == (len(given_answers) < minimum)
    guessers = sum(a.guess is not None for a in given_answers)
    left_out = len(given_answers) - guessers
    subtractable = 0 < left_out < minimum
    assert (figures.guess_index is None) == (guessers < minimum or subtractable)


# no alert when all is well


@st.composite
def healthy_cases(
    draw: st.DrawFn,
) -> tuple[PulseFigures, list[PulseFigures], SlaStatus | None, Thresholds]:
    """Both sides at or above tolerance, the gap under threshold, everyone else quiet too.

    Built so the premise holds by construction: indices first, then a gap threshold
    above their difference and tolerances at or below them. Response rates are at
    least 50%, no side fell 10 points over its last three pulses, and every guess is
    within the gap threshold of what the other side rated.
    """
    index = {"client": draw(points), "provider": draw(points)}
    difference = abs(index["client"] - index["provider"])
    assume(difference < 100)  # a gap threshold above 100 points cannot be set
    settings = Thresholds(
        client_tolerance=draw(st.floats(0, index["client"])),
        provider_tolerance=draw(st.floats(0, index["provider"])),
        gap=draw(st.floats(min_value=difference, max_value=100, exclude_min=True)),
        anonymity_min=draw(st.integers(0, 6)),
    )

    def side(name: Side) -> SideFigures:
        answered = draw(st.integers(settings.anonymity_min, 30))
        eligible = draw(st.integers(answered, 2 * answered))
        other = index[other_side(name)]
        miss = draw(st.floats(-settings.gap, settings.gap, exclude_min=True, exclude_max=True))
        guess = draw(st.one_of(st.none(), st.just(min(max(other + miss, 0.0), 100.0))))
        # other + miss - other can round to exactly the threshold: keep the premise strict.
        assume(guess is None or abs(guess - other) < settings.gap)
        return SideFigures(name, index[name], answered, eligible, answered / eligible, guess)

    def earlier(name: Side) -> float | None:
        ceiling = min(index[name] + DECLINE_POINTS * 0.99, 100.0)
        return draw(st.one_of(st.none(), st.floats(0, ceiling)))

    current = PulseFigures(side("client"), side("provider"))
    history = [
        PulseFigures(
            SideFigures("client", earlier("client"), 3, 3, 1.0),
            SideFigures("provider", earlier("provider"), 3, 3, 1.0),
        )
        for _ in range(draw(st.integers(0, 5)))
    ]
    return current, history, draw(sla_statuses), settings


@given(healthy_cases())
def test_no_alert_when_both_sides_are_within_tolerance_and_close(
    case: tuple[PulseFigures, list[PulseFigures], SlaStatus | None, Thresholds],
) -> None:
    # Covers all seven rules: divergence, gap and both_below by the premise; decline,
    # silence and blind_spot by the history, response rates and guesses drawn; and
    # watermelon because the client is within tolerance whatever the SLA says.
    current, history, sla_status, settings = case
    assert evaluate(current, history, sla_status, settings) == []


# symmetry


@given(pulses, st.lists(pulses, max_size=4), thresholds)
def test_swapping_the_sides_swaps_the_findings(
    current: PulseFigures, history: list[PulseFigures], settings: Thresholds
) -> None:
    # The SLA status is left out: watermelon is about the client by definition.
    original = evaluate(current, history, None, settings)
    swapped = evaluate(
        swap_pulse(current), [swap_pulse(p) for p in history], None, swap_thresholds(settings)
    )
    # Each side has its findings of its own, listed client first: compare by rule and side.
    original = sorted(original, key=lambda f: (f.rule, f.side or ""))
    swapped = sorted(swapped, key=lambda f: (f.rule, swap_side(f.side) or ""))
    assert [f.rule for f in swapped] == [f.rule for f in original]
    for before, after in zip(original, swapped, strict=True):
        assert after.side == swap_side(before.side)
        assert after.severity == before.severity
        assert after.magnitude == pytest.approx(before.magnitude)


@given(pulses, thresholds)
def test_divergence_and_both_below_never_contradict_each_other(
    current: PulseFigures, settings: Thresholds
) -> None:
    rules = {f.rule for f in evaluate(current, (), None, settings)}
    assert not {"divergence", "both_below"} <= rules


# a withheld side never shows


@st.composite
def withheld_cases(
    draw: st.DrawFn,
) -> tuple[Side, list[Answer], list[Answer], list[Answer], int, Thresholds]:
    """A side with too few answers, two different sets of its answers, and the other side."""
    settings = draw(thresholds)
    hidden_count = draw(st.integers(0, settings.anonymity_min - 1))
    hidden = draw(st.lists(answers, min_size=hidden_count, max_size=hidden_count))
    hidden_again = draw(st.lists(answers, min_size=hidden_count, max_size=hidden_count))
    shown = draw(st.lists(answers, min_size=settings.anonymity_min, max_size=12))
    absent = draw(st.integers(0, 10))
    return draw(st.sampled_from(SIDES)), hidden, hidden_again, shown, absent, settings


def findings_with(
    withheld: Side,
    hidden: list[Answer],
    shown: list[Answer],
    absent: int,
    history: list[PulseFigures],
    sla_status: SlaStatus | None,
    settings: Thresholds,
) -> tuple[SideFigures, list[Finding]]:
    figures = {
        withheld: compute_side_figures(withheld, hidden, len(hidden) + absent, settings),
        other_side(withheld): compute_side_figures(
            other_side(withheld), shown, len(shown) + absent, settings
        ),
    }
    current = PulseFigures(figures["client"], figures["provider"])
    return figures[withheld], evaluate(current, history, sla_status, settings)


@given(withheld_cases(), st.lists(pulses, max_size=4), sla_statuses)
def test_a_side_below_the_minimum_never_shows_in_any_finding(
    case: tuple[Side, list[Answer], list[Answer], list[Answer], int, Thresholds],
    history: list[PulseFigures],
    sla_status: SlaStatus | None,
) -> None:
    withheld, hidden, hidden_again, shown, absent, settings = case
    figures, findings = findings_with(
        withheld, hidden, shown, absent, history, sla_status, settings
    )
    assert figures.index is None
    assert figures.guess_index is None
    # Whatever those few members rated or guessed, every finding reads the same.
    _, findings_again = findings_with(
        withheld, hidden_again, shown, absent, history, sla_status, settings
    )
    assert findings_again == findings
    # Only silence, which is about counts, may name the withheld side or both sides.
    for finding in findings:
        if finding.rule != "silence":
            assert finding.side == other_side(withheld)
