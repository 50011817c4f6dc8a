"""More account-chat events: rework, churn, threats, carelessness, people missing; all bad news."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.event_patterns import EVENTS
from tests.bot.domain.sentiment.pattern_checks import rules_matched, valences_on_the_scale


def test_every_pattern_compiles_with_a_trigger_and_a_valence_on_the_scale() -> None:
    assert valences_on_the_scale(EVENTS) == []
    assert all(pattern.valence < 0 for pattern in EVENTS)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("We keep reworking every journal they post.", "own work"),
        ("If this continues we will look at other vendors.", "threat"),
        ("The patch was never tested, an hour before the go-live.", "careless"),
        ("They sent the build minutes before the release.", "careless"),
        ("Nobody from their side turned up to the steering meeting.", "paralysis"),
    ],
)
def test_an_event_is_found_by_its_family(text: str, rule: str) -> None:
    assert rule in rules_matched(EVENTS, text)


@pytest.mark.parametrize(
    "text",
    ["Their team fixed it within the hour.", "We signed the renewal today.", "Great work, thanks."],
)
def test_good_or_plain_news_is_no_event(text: str) -> None:
    assert rules_matched(EVENTS, text) == set()
