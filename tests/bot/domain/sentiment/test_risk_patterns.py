"""The risk cue table: threats to the relationship, warnings, people unable to work."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.risk_patterns import RISKS
from tests.bot.domain.sentiment.pattern_checks import rules_matched, valences_on_the_scale


def test_every_pattern_compiles_with_a_trigger_and_a_valence_on_the_scale() -> None:
    assert valences_on_the_scale(RISKS) == []


def test_every_cue_of_this_table_is_bad_news() -> None:
    assert all(pattern.valence < 0 for pattern in RISKS)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("If this continues we will look at other vendors.", "threat"),
        ("Procurement will run a tender for the desk.", "threat"),
        ("This will be raised at the next steering committee.", "threat"),
        ("The agents cannot log in to the dialler.", "impact"),
    ],
)
def test_a_risk_is_found_by_its_family(text: str, rule: str) -> None:
    assert rule in rules_matched(RISKS, text)


@pytest.mark.parametrize(
    "text",
    ["A tender film about two brothers.", "We can't wait for the summer party."],
)
def test_ordinary_prose_finds_no_risk(text: str) -> None:
    assert rules_matched(RISKS, text) == set()
