"""The account-chat cue table: waiting, chasing, repeats, threats and the rest, all bad news."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.cue_patterns import PATTERNS
from tests.bot.domain.sentiment.pattern_checks import rules_matched, valences_on_the_scale


def test_every_pattern_compiles_with_a_trigger_and_a_valence_on_the_scale() -> None:
    assert valences_on_the_scale(PATTERNS) == []


def test_every_cue_of_this_table_is_a_complaint() -> None:
    assert all(pattern.valence < 0 for pattern in PATTERNS)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("We have been waiting for three weeks for the report.", "waiting"),
        ("This is the third time the same error happened.", "repeated"),
        ("I had to chase them again for the invoice.", "chasing"),
        ("The deck was fine I guess.", "faint praise"),
    ],
)
def test_a_complaint_is_found_by_its_family(text: str, rule: str) -> None:
    assert rule in rules_matched(PATTERNS, text)


@pytest.mark.parametrize(
    "text",
    [
        "The report arrived on time and it was excellent.",
        "Thanks for the quick turnaround.",
        "We meet every Tuesday at ten.",
    ],
)
def test_plain_or_happy_chat_is_no_complaint(text: str) -> None:
    assert rules_matched(PATTERNS, text) == set()


def test_no_pattern_reaches_across_a_clause_end() -> None:
    assert "waiting" in rules_matched(PATTERNS, "We are nearly three weeks behind.")
    assert "waiting" not in rules_matched(PATTERNS, "We are nearly done, weeks ahead of plan.")
