"""Good news told as figures or as bad news that stopped: every cue of the table is positive."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.good_news_patterns import GOOD_NEWS
from tests.bot.domain.sentiment.pattern_checks import rules_matched, valences_on_the_scale


def test_every_pattern_compiles_with_a_trigger_and_a_positive_valence() -> None:
    assert valences_on_the_scale(GOOD_NEWS) == []
    assert all(pattern.valence > 0 for pattern in GOOD_NEWS)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("No escalations this month.", "no bad news"),
        ("Zero P1 incidents since the go-live.", "no bad news"),
        ("Backlog down to 40 from 120.", "improvement"),
        ("Resolution time went from 30 hours to 6.", "improvement"),
    ],
)
def test_good_news_is_found_and_read_as_positive(text: str, rule: str) -> None:
    assert rule in rules_matched(GOOD_NEWS, text)
    assert score_text(text).polarity > 0


@pytest.mark.parametrize(
    "text", ["Escalations every week now.", "The incidents keep coming.", "We had three P1s."]
)
def test_bad_news_is_not_taken_for_good(text: str) -> None:
    assert rules_matched(GOOD_NEWS, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The new intake form has cut our rework noticeably.",
        "The bot removed most of the manual corrections in payables.",
        "Provisioning script reduced the onboarding effort a lot.",
        "Service credits were issued without us having to chase.",
        "Two small findings in the audit, nothing serious.",
        "Month-end closed on day 3, first time in two years.",
        "Rough start, though the second cutover was spotless.",
    ],
)
def test_a_reduction_an_unasked_remedy_and_a_first_time_are_good_news(text: str) -> None:
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    ["I need to cut the grass before the rain.", "The estimate got cut in half by someone."],
)
def test_a_cut_of_nothing_that_is_better_smaller_is_no_good_news(text: str) -> None:
    assert score_text(text).label != "positive"
