"""A moved figure is good or bad news by its metric: backlog down is good, CSAT down bad."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.figures import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    from_to_direction,
    metric_sign,
    number,
    then_now_news,
)
from bot.domain.sentiment.scorer import explain_text


@pytest.mark.parametrize(
    ("word", "value"),
    [("1,200", 1200.0), ("45%", 45.0), ("3.5", 3.5), ("nineteen", 19.0), ("half", 0.5)],
)
def test_a_count_in_figures_or_words_is_read(word: str, value: float) -> None:
    assert number(word) == value


def test_a_word_that_is_no_count_is_none() -> None:
    assert number("many") is None and number("") is None and number("x12") is None


def test_no_metric_is_both_better_higher_and_lower() -> None:
    assert HIGHER_IS_BETTER.isdisjoint(LOWER_IS_BETTER)


@pytest.mark.parametrize(
    ("text", "verb", "sign"),
    [
        ("csat fell to 71", 1, 1),
        ("backlog fell to 40", 1, -1),
        ("down to five minutes", 0, -1),
        ("it fell again", 1, 0),
        ("error rate fell but csat", 2, -1),
    ],
)
def test_the_metric_nearest_before_the_verb_decides(text: str, verb: int, sign: int) -> None:
    words = text.split()
    assert metric_sign(words, verb, 0, len(words)) == sign


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("went from 30 to 6", -1),
        ("went from 40% to 55%", 1),
        ("from twelve to twelve", 0),
        ("from monday to friday", 0),
        ("went from 3 days to 4 hours", -1),
        ("dropped from minutes to seconds", -1),
    ],
)
def test_from_to_gives_the_direction_by_the_numbers(text: str, direction: int) -> None:
    words = text.split()
    assert from_to_direction(words, 0, len(words)) == direction


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("defect leakage is 2 before it was 9", 1),
        ("response time is 4 minutes now it used to be 25", 1),
        ("tokens took 4 days used to be same day", -1),
        ("approvals take 5 to 6 days earlier it was 1 day", -1),
        ("deploys take 10 minutes instead of half a day", 1),
        ("csat is 71 last quarter 80", -1),
        ("it used to take three days now two hours", 1),
        ("the report came on day 9 instead of day 5", -1),
        ("we met 3 people last week 5", 0),  # no metric, no time: no news
        ("we met people last week", 0),
    ],
)
def test_a_figure_beside_the_one_it_replaced_is_news_by_its_metric(text: str, news: int) -> None:
    words = text.split()
    assert then_now_news(words, 0, len(words)) == news


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Escalations this month: 3, last month: 11.", 1),
        ("Password resets take 2 days now, it used to be same day.", -1),
        ("Only one failed load since March, it used to be several a week.", 1),
        ("Invoice queries are at 40 this cycle against 25 last cycle.", -1),
    ],
)
def test_before_and_after_figures_carry_the_verdict(text: str, sign: int) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.polarity * sign > 0.05
    assert {c.rule for c in contributions} & {"improvement", "worse figures"}


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("OTIF was 91% last month against a contracted 97%.", -1),
        ("Dock-to-stock is averaging 3 days; the contract says 24 hours.", -1),
        ("The SLA says 99.5% uptime; we had 96.1%.", -1),
        ("First response in 20 minutes against a contracted 4 hours.", 1),
    ],
)
def test_a_figure_against_its_target_carries_the_verdict(text: str, sign: int) -> None:
    assert score_text(text).polarity * sign > 0.05


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("NPS 41, up six points on the quarter.", 1),
        ("First-contact resolution 68%, down 5 points since the new script.", -1),
        ("Queue at 40 calls, down 12 on Monday.", 1),
        ("Abandonment 7%, up from 2% in March.", -1),
    ],
)
def test_a_move_after_a_comma_belongs_to_the_metric_named_before_it(text: str, sign: int) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.polarity * sign > 0.05
    rule = "improvement" if sign > 0 else "worse figures"
    (figure,) = [c for c in contributions if c.rule == rule]
    assert figure.phrase.split()[0] == text.split()[0].lower().rstrip(",")


def test_a_move_after_a_comma_with_no_metric_before_it_is_no_news() -> None:
    assert abs(score_text("Friday went quietly, up 3 on the week.").polarity) < 0.05


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Service level 64% against a target of 80%.", -1),
        ("Service levels at 93% against a target of 85% all month.", 1),
    ],
)
def test_service_level_is_a_metric_where_more_is_better(text: str, sign: int) -> None:
    assert score_text(text).polarity * sign > 0.05


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Occupancy over 93 for most of the week.", -1),
        ("Adherence well above target on both shifts.", 1),
        ("Escalations below 5 a week since the new script.", 1),
        ("Patch compliance fell short of the target again.", -1),
        ("First-contact resolution was 61% in May, well below target.", -1),
    ],
)
def test_a_metric_against_its_target_or_a_threshold_is_news_by_its_metric(
    text: str, sign: int
) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.polarity * sign > 0.05
    assert {c.rule for c in contributions} & {"improvement", "worse figures"}


@pytest.mark.parametrize(
    "text",
    [
        "We took over 500 calls on launch day.",
        "There were more than 40 slides in the deck.",
        "Over 30 people joined the town hall.",
    ],
)
def test_a_count_with_no_metric_against_it_is_no_target(text: str) -> None:
    contributions = explain_text(text)[1]
    assert not {c.rule for c in contributions} & {"improvement", "worse figures"}
