"""Each rule by example: it fires, it stays quiet, and it says nothing about a withheld side."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.domain.alerts import (
    RULES,
    Answer,
    ClosedPulse,
    Finding,
    PulseFigures,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    compute_side_figures,
    evaluate,
)

DEFAULTS = Thresholds()  # client 70, provider 60, gap 15, anonymity minimum 3


def pulse(
    client: float | None,
    provider: float | None,
    *,
    client_guess: float | None = None,
    provider_guess: float | None = None,
    client_answered: int = 5,
    provider_answered: int = 5,
    eligible: int = 6,
) -> PulseFigures:
    """Both sides' figures; a None index stands for a side withheld for anonymity."""

    def side(name: Side, index: float | None, guess: float | None, answered: int) -> SideFigures:
        if index is None:
            answered = min(answered, DEFAULTS.anonymity_min - 1)  # why it is withheld
        return SideFigures(name, index, answered, eligible, answered / eligible, guess)

    return PulseFigures(
        side("client", client, client_guess, client_answered),
        side("provider", provider, provider_guess, provider_answered),
    )


def findings_of(
    rule: str,
    current: PulseFigures,
    history: Sequence[PulseFigures] = (),
    sla_status: SlaStatus | None = None,
    thresholds: Thresholds = DEFAULTS,
) -> list[Finding]:
    """Every finding of one rule: the per-side rules give one per side."""
    found = RULES[rule].check(ClosedPulse(current, history, sla_status, thresholds))
    if isinstance(found, Finding):
        return [found]
    return list(found or [])


def run(rule: str, *args: object, **kwargs: object) -> Finding | None:
    """The rule's one finding, or None; a test that expects two uses ``findings_of``."""
    found = findings_of(rule, *args, **kwargs)  # type: ignore[arg-type]
    assert len(found) <= 1, f"{rule} found {len(found)} things"
    return found[0] if found else None


def fired(rule: str, *args: object, **kwargs: object) -> Finding:
    finding = run(rule, *args, **kwargs)
    assert finding is not None, f"{rule} did not fire"
    assert finding.rule == rule
    return finding


# divergence


def test_divergence_fires_when_the_client_is_unhappy_and_the_provider_is_not() -> None:
    finding = fired("divergence", pulse(42, 88))
    assert finding.side == "client"
    assert finding.sentence == (
        "The client side is at 42, below its tolerance of 70, while the provider side "
        "is at 88, above its own 60."
    )
    assert finding.magnitude == pytest.approx(28)
    assert finding.severity == "critical"


def test_divergence_names_the_provider_when_the_provider_is_the_unhappy_side() -> None:
    finding = fired("divergence", pulse(80, 50))
    assert finding.side == "provider"
    assert finding.magnitude == pytest.approx(10)
    assert finding.severity == "warning"
    assert "provider side is at 50, below its tolerance of 60" in finding.sentence


def test_divergence_counts_a_side_exactly_at_its_tolerance_as_fine() -> None:
    assert run("divergence", pulse(70, 30)) is not None  # provider is the low one
    assert run("divergence", pulse(70, 60)) is None
    finding = fired("divergence", pulse(50, 60))
    assert "at its own 60" in finding.sentence


def test_divergence_becomes_critical_fifteen_points_below_tolerance() -> None:
    assert fired("divergence", pulse(55, 80)).severity == "critical"
    assert fired("divergence", pulse(55.5, 80)).severity == "warning"


def test_divergence_is_quiet_when_both_sides_agree() -> None:
    assert run("divergence", pulse(80, 75)) is None
    assert run("divergence", pulse(40, 30)) is None


def test_divergence_does_not_fire_on_a_withheld_side() -> None:
    assert run("divergence", pulse(42, None)) is None
    assert run("divergence", pulse(None, 30)) is None


def test_a_rounded_index_is_never_shown_equal_to_the_tolerance_it_is_below() -> None:
    finding = fired("divergence", pulse(69.7, 88.9))
    assert "at 69, below its tolerance of 70" in finding.sentence
    assert "at 88, above" in finding.sentence


# gap


def test_gap_fires_when_the_sides_are_the_threshold_apart() -> None:
    finding = fired("gap", pulse(62, 85))
    assert finding.side == "client"
    assert finding.magnitude == pytest.approx(23)
    assert finding.severity == "warning"
    assert finding.sentence == (
        "The client side is at 62, 23 points below the provider side at 85; "
        "the gap threshold is 15."
    )


def test_gap_fires_at_exactly_the_threshold_and_not_under_it() -> None:
    assert fired("gap", pulse(90, 75)).side == "provider"
    assert run("gap", pulse(90, 75.1)) is None


def test_gap_follows_a_tuned_threshold() -> None:
    assert run("gap", pulse(62, 85), thresholds=Thresholds(gap=25)) is None
    assert fired("gap", pulse(80, 72), thresholds=Thresholds(gap=8)).side == "provider"


def test_gap_becomes_critical_fifteen_points_past_the_threshold() -> None:
    assert fired("gap", pulse(50, 80)).severity == "critical"
    assert fired("gap", pulse(50, 79)).severity == "warning"


def test_gap_does_not_fire_on_a_withheld_side() -> None:
    assert run("gap", pulse(20, None)) is None
    assert run("gap", pulse(None, 95)) is None


# both_below


def test_both_below_fires_when_both_sides_are_under_their_tolerance() -> None:
    finding = fired("both_below", pulse(55, 50))
    assert finding.side is None
    assert finding.severity == "critical"
    assert finding.magnitude == pytest.approx(15 + 10)
    assert finding.sentence == (
        "Both sides are below their tolerance: the client side is at 55 (tolerance 70) "
        "and the provider side at 50 (tolerance 60)."
    )


def test_both_below_is_quiet_when_one_side_is_at_its_tolerance() -> None:
    assert run("both_below", pulse(55, 60)) is None
    assert run("both_below", pulse(70, 10)) is None


def test_both_below_does_not_fire_on_a_withheld_side() -> None:
    assert run("both_below", pulse(10, None)) is None
    assert run("both_below", pulse(None, 10)) is None


# decline


def test_decline_fires_on_a_ten_point_fall_over_three_pulses() -> None:
    history = [pulse(80, 70), pulse(75, 70)]
    finding = fired("decline", pulse(70, 70), history)
    assert finding.side == "client"
    assert finding.magnitude == pytest.approx(10)
    assert finding.severity == "warning"
    assert finding.sentence == (
        "The client side fell from 80 to 70 over its last three pulses, 10 points down."
    )


def test_decline_is_quiet_for_a_smaller_fall() -> None:
    assert run("decline", pulse(71, 70), [pulse(80, 70), pulse(75, 70)]) is None


def test_decline_compares_with_two_pulses_back_not_the_oldest() -> None:
    history = [pulse(100, 70), pulse(70, 70), pulse(68, 70)]
    assert run("decline", pulse(65, 70), history) is None


def test_decline_skips_pulses_where_the_side_was_withheld() -> None:
    history = [pulse(80, 70), pulse(None, 70), pulse(75, 70)]
    finding = fired("decline", pulse(68, 70), history)
    assert finding.magnitude == pytest.approx(12)


def test_decline_needs_three_shown_pulses() -> None:
    assert run("decline", pulse(40, 70), [pulse(90, 70)]) is None
    assert run("decline", pulse(40, 70), [pulse(90, 70), pulse(None, 70)]) is None


def test_decline_does_not_fire_while_the_side_is_withheld() -> None:
    assert run("decline", pulse(None, 70), [pulse(90, 70), pulse(80, 70)]) is None


def test_decline_reports_each_side_in_a_finding_of_its_own() -> None:
    client, provider = findings_of("decline", pulse(50, 40), [pulse(80, 70), pulse(70, 60)])
    assert (client.side, provider.side) == ("client", "provider")
    assert client.severity == provider.severity == "critical"  # both fell 30
    assert client.magnitude == provider.magnitude == pytest.approx(30)
    # Trends compare the side's score itself: lower is worse.
    assert (client.measure, provider.measure) == (50, 40)
    assert client.key == "decline:client" and provider.key == "decline:provider"
    assert client.sentence == (
        "The client side fell from 80 to 50 over its last three pulses, 30 points down."
    )
    assert "The provider side fell from 70 to 40" in provider.sentence


# silence


def test_silence_fires_when_fewer_than_half_answered() -> None:
    current = pulse(80, 70, provider_answered=2, eligible=5)
    finding = fired("silence", current)
    assert finding.side == "provider"
    assert finding.magnitude == pytest.approx(60)
    assert finding.severity == "warning"
    assert "Only 2 of 5 eligible members of the provider side answered" in finding.sentence
    assert "(40%)" in finding.sentence


def test_silence_is_quiet_at_exactly_half() -> None:
    assert run("silence", pulse(80, 70, client_answered=3, provider_answered=3, eligible=6)) is None


def test_silence_is_critical_when_almost_nobody_answered() -> None:
    current = pulse(80, None, provider_answered=0, eligible=5)
    finding = fired("silence", current)
    assert finding.severity == "critical"
    assert finding.sentence == "Nobody on the provider side answered this pulse (5 eligible)."


def test_silence_is_quiet_when_nobody_was_eligible() -> None:
    nobody = SideFigures("provider", None, 0, 0, None)
    assert run("silence", PulseFigures(pulse(80, 70).client, nobody)) is None


def test_silence_names_a_withheld_side_by_counts_only() -> None:
    answers = [Answer(1, 0.0), Answer(1, 25.0)]
    provider = compute_side_figures("provider", answers, eligible=6, thresholds=DEFAULTS)
    finding = fired("silence", PulseFigures(pulse(80, 70).client, provider))
    assert provider.index is None
    assert finding.side == "provider"
    assert "2 of 6" in finding.sentence
    assert "12" not in finding.sentence  # the hidden mean, 12.5


def test_silence_reports_each_side_in_a_finding_of_its_own() -> None:
    found = findings_of("silence", pulse(None, None, client_answered=1, provider_answered=2))
    assert [f.side for f in found] == ["client", "provider"]
    assert "client side" in found[0].sentence and "provider side" in found[1].sentence


# blind_spot


def test_blind_spot_fires_when_a_side_overestimates_the_other() -> None:
    finding = fired("blind_spot", pulse(80, 60, client_guess=85))
    assert finding.side == "client"
    assert finding.magnitude == pytest.approx(25)
    assert finding.severity == "warning"
    assert finding.sentence == (
        "The client side expects the provider side to rate the relationship 85, "
        "but the provider side is at 60, 25 points lower than expected."
    )


def test_blind_spot_becomes_critical_fifteen_points_past_the_gap_threshold() -> None:
    assert fired("blind_spot", pulse(80, 60, client_guess=90)).severity == "critical"
    assert fired("blind_spot", pulse(80, 60, client_guess=89)).severity == "warning"


def test_blind_spot_fires_when_a_side_underestimates_the_other() -> None:
    finding = fired("blind_spot", pulse(85, 60, provider_guess=50))
    assert finding.side == "provider"
    assert finding.direction == "low" and finding.key == "blind_spot:provider:low"
    assert "35 points higher than expected" in finding.sentence


def test_blind_spot_is_quiet_under_the_gap_threshold() -> None:
    assert run("blind_spot", pulse(80, 60, client_guess=74.9)) is None
    assert run("blind_spot", pulse(80, 60, client_guess=75)) is not None


def test_blind_spot_does_not_fire_when_guesses_or_the_other_side_are_withheld() -> None:
    assert run("blind_spot", pulse(80, None, client_guess=100)) is None
    assert run("blind_spot", pulse(80, 20)) is None


def test_blind_spot_from_answers_is_withheld_when_too_few_guessed() -> None:
    client_answers = [Answer(1, 80, 5), Answer(1, 80, 5), Answer(1, 80), Answer(1, 80)]
    client = compute_side_figures("client", client_answers, eligible=4, thresholds=DEFAULTS)
    assert run("blind_spot", PulseFigures(client, pulse(80, 20).provider)) is None
    # Three guessed of five: the two who did not guess could be subtracted, so still none.
    client = compute_side_figures(
        "client", [*client_answers, Answer(1, 80, 5)], eligible=5, thresholds=DEFAULTS
    )
    assert run("blind_spot", PulseFigures(client, pulse(80, 20).provider)) is None
    client = compute_side_figures(
        "client", [*client_answers[:2], Answer(1, 80, 5)], eligible=5, thresholds=DEFAULTS
    )
    assert fired("blind_spot", PulseFigures(client, pulse(80, 20).provider)).side == "client"


# watermelon


def test_watermelon_fires_on_a_green_sla_with_an_unhappy_client() -> None:
    finding = fired("watermelon", pulse(52, 90), sla_status="green")
    assert finding.side == "client"
    assert finding.severity == "critical"
    assert finding.magnitude == pytest.approx(18)
    assert finding.sentence == (
        "The SLA status is green, but the client side is at 52, below its tolerance of 70."
    )


@pytest.mark.parametrize("status", ["amber", "red", None])
def test_watermelon_needs_a_green_sla(status: SlaStatus | None) -> None:
    assert run("watermelon", pulse(52, 90), sla_status=status) is None


def test_watermelon_is_quiet_when_the_client_is_within_tolerance() -> None:
    assert run("watermelon", pulse(70, 90), sla_status="green") is None


def test_watermelon_does_not_fire_on_a_withheld_client() -> None:
    assert run("watermelon", pulse(None, 90), sla_status="green") is None


def test_watermelon_ignores_the_provider_side() -> None:
    assert run("watermelon", pulse(90, 10), sla_status="green") is None


# evaluate and the registry


def test_rules_are_listed_in_evaluation_order_with_a_description() -> None:
    assert list(RULES) == [
        "divergence",
        "gap",
        "both_below",
        "decline",
        "silence",
        "blind_spot",
        "watermelon",
    ]
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.description.endswith(".")


def test_evaluate_runs_every_rule_in_order() -> None:
    current = pulse(42, 88, provider_guess=90, provider_answered=3, eligible=7)
    history = [pulse(60, 80), pulse(55, 80)]
    findings = evaluate(current, history, "green", DEFAULTS)
    assert [f.rule for f in findings] == [
        "divergence",
        "gap",
        "decline",
        "silence",
        "blind_spot",
        "watermelon",
    ]


def test_evaluate_finds_both_below_without_divergence() -> None:
    findings = evaluate(pulse(50, 40), thresholds=DEFAULTS)
    assert [f.rule for f in findings] == ["both_below"]


def test_evaluate_finds_nothing_on_a_healthy_pulse() -> None:
    history = [pulse(80, 70), pulse(78, 72)]
    assert evaluate(pulse(75, 66, client_guess=70, provider_guess=80), history, "green") == []


def test_evaluate_uses_the_engagement_tolerances() -> None:
    strict = Thresholds(client_tolerance=80, provider_tolerance=60)
    assert [f.rule for f in evaluate(pulse(75, 66), thresholds=strict)] == ["divergence"]
