"""Every alert rule is one complete record, collected by the registry in evaluation order."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import string

import pytest

from bot.domain.alert_message import PRIORITY, STEP_PRIORITY, Found, headline, next_step
from bot.domain.alerts import (
    RULES,
    ClosedPulse,
    PulseFigures,
    Side,
    SideFigures,
    SlaStatus,
    Thresholds,
    evaluate,
)
from bot.domain.alerts import rules as rule_modules
from bot.domain.alerts.record import TRENDS, AlertRule
from bot.domain.i18n import reading_as

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORDS = ("title", "side_title", "label", "next_step")
"""The record's single sentences."""
FILLED = {
    "title": set(),
    "side_title": {"title", "side"},  # side_title in bot/domain/alert_message.py
    "label": set(),
    "next_step": set(),
}
"""The placeholders each caller fills, by field."""
TREND_FILLED = {"before", "now", "side", "direction"}  # trend_sentence in alerts/trends.py


def placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def pulse(
    client: float | None,
    provider: float | None,
    *,
    client_guess: float | None = None,
    provider_guess: float | None = None,
    provider_answered: int = 5,
) -> PulseFigures:
    """Both sides' figures, six eligible on each side."""

    def side(name: Side, index: float | None, guess: float | None, answered: int) -> SideFigures:
        return SideFigures(name, index, answered, 6, answered / 6, guess)

    return PulseFigures(
        side("client", client, client_guess, 5),
        side("provider", provider, provider_guess, provider_answered),
    )


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_has_every_piece(name: str) -> None:
    rule = RULES[name]
    assert rule.name == name
    for field in dataclasses.fields(AlertRule):
        value = getattr(rule, field.name)
        assert value or value == 0, f"{name} has no {field.name}"
    assert callable(rule.check)
    assert callable(rule.resolution)
    assert callable(rule.headline)
    assert rule.description.endswith(".")
    assert rule.worse in ("lower", "higher")
    assert set(rule.trend) == set(TRENDS)


@pytest.mark.parametrize("name", list(RULES))
def test_every_sentence_renders_with_what_its_callers_fill(name: str) -> None:
    rule = RULES[name]
    for field in WORDS:
        sentence = getattr(rule, field)
        assert placeholders(sentence) <= FILLED[field], (name, field)
        said = sentence.format(title="A title", side="client")
        assert said.strip() and not PLACEHOLDER.search(said)
    for change in TRENDS:
        sentence = rule.trend[change]
        assert placeholders(sentence) <= TREND_FILLED, (name, change)
        assert {"before", "now"} & placeholders(sentence), (name, change)
        said = sentence.format(before=20, now=27, side="client", direction="high")
        assert "27" in said and not PLACEHOLDER.search(said)


@pytest.mark.parametrize("name", list(RULES))
def test_every_headline_renders_for_one_side_and_for_both(name: str) -> None:
    for these in (
        [Found(name, "client", "high")],
        [Found(name, None)],
        [Found(name, "client", "low"), Found(name, "provider", "low")],
    ):
        said = RULES[name].headline(these, these)
        assert said.strip() and not PLACEHOLDER.search(said), (name, these)
        assert headline(these) == said
    assert next_step([Found(name, "client")]) == RULES[name].next_step


@pytest.mark.parametrize("name", list(RULES))
def test_every_resolution_gives_a_reason(name: str) -> None:
    figures = pulse(75, 72, client_guess=70, provider_guess=70)
    closed = ClosedPulse(figures, [pulse(80, 70), pulse(78, 72)], "amber", Thresholds())
    cases: list[tuple[Side | None, str | None]] = [("client", "high"), ("provider", "low")]
    for where, direction in [*cases, (None, None)]:
        reason = RULES[name].resolution(where, direction, closed)
        assert reason.strip() and not PLACEHOLDER.search(reason), (name, where)


def test_the_priorities_rank_every_rule_once() -> None:
    assert sorted(RULES[name].priority for name in RULES) == list(range(1, len(RULES) + 1))
    assert sorted(RULES[name].step_priority for name in RULES) == list(range(1, len(RULES) + 1))
    assert set(PRIORITY) == set(STEP_PRIORITY) == set(RULES)


def test_the_registry_holds_every_rule_module_once() -> None:
    modules = [info.name for info in pkgutil.iter_modules(rule_modules.__path__)]
    records = [importlib.import_module(f"{rule_modules.__name__}.{m}").RULE for m in modules]
    assert sorted(modules) == sorted(RULES)
    assert all(RULES[record.name] is record for record in records)


def test_the_registry_order_is_the_order_evaluate_runs() -> None:
    order = list(RULES)
    fired: set[str] = set()
    examples: list[tuple[PulseFigures, list[PulseFigures], SlaStatus | None]] = [
        (
            pulse(42, 88, provider_guess=90, provider_answered=2),
            [pulse(60, 80), pulse(55, 80)],
            "green",
        ),
        (pulse(50, 40), [], None),
    ]
    for current, history, sla in examples:
        findings = evaluate(current, history, sla, Thresholds())
        ranks = [order.index(found.rule) for found in findings]
        assert ranks == sorted(ranks)
        fired |= {found.rule for found in findings}
    assert fired == set(RULES)


def test_a_rule_no_record_has_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError):
        RULES["no_such_rule"]
    with pytest.raises(KeyError):
        headline([Found("no_such_rule", "client")])
    with pytest.raises(KeyError):
        next_step([Found("no_such_rule", "client")])


def test_a_record_speaks_the_readers_language() -> None:
    english = RULES["gap"].title
    with reading_as("de"):
        german = RULES["gap"].title
        trend = RULES["gap"].trend["worse"]
    assert german != english and german.strip()
    assert trend != RULES["gap"].trend["worse"]
