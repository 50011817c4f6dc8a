"""The scorer gives service feedback the sign a person would, by rule rather than by rote."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.sentiment import Sentiment, label_for, score_text
from bot.domain.sentiment.scorer import explain_text


def polarity(text: str) -> float:
    return score_text(text).polarity


# The rows of the issue that plain TextBlob got wrong or missed.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("They missed the SLA again this month.", "negative"),
        ("We had to escalate to their account manager twice this week.", "negative"),
        ("Response times could be a lot better.", "negative"),
        ("Super slow turnaround on bug fixes.", "negative"),
        ("They fixed the issue but it took three weeks.", "negative"),
        ("Ticket backlog is finally under control 👍", "positive"),
        ("Thanks for nothing, support team.", "negative"),
    ],
)
def test_issue_examples_get_the_sign_a_person_gives(text: str, label: str) -> None:
    assert score_text(text).label == label


# Sentences written for these tests, not taken from any data set or from the lexicon's
# comments: they check that the rules generalise.
@pytest.mark.parametrize(
    "text",
    [
        "The vendor keeps missing deadlines.",
        "We are still waiting for an update on the outage.",
        "Their QA is sloppy and we end up doing rework.",
        "The migration was delivered two weeks late.",
        "The report should have been sent on Friday.",
        "Nobody showed up to the standup.",
        "Standup was cancelled again without notice.",
        "Would be nice if they answered emails.",
        "Not happy with the quality of the last release.",
        "We need more senior engineers on this account.",
        "The dashboard is down again.",
        "Takes too long to get an answer from them.",
    ],
)
def test_unseen_complaints_are_negative(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Deploys have been smooth lately.",
        "Great turnaround on the hotfix.",
        "No incidents this sprint 🎉",
        "Communication has improved a lot since the new PM joined.",
        "Quick response from the on-call engineer, thanks!",
        "Not bad at all, the team really stepped up.",
        "Delivered on time and under budget.",
        "They couldn't be better.",
    ],
)
def test_unseen_praise_is_positive(text: str) -> None:
    assert score_text(text).label == "positive"


def test_negation_flips_a_service_event() -> None:
    assert polarity("The release was late.") < 0 < polarity("The release was not late.")
    assert polarity("Delivered on time.") > 0 > polarity("Not delivered on time.")


def test_negation_scope_ends_at_the_clause() -> None:
    # "not" belongs to the first clause; the second one is still praise.
    assert polarity("Not a problem. The team is helpful.") > 0


def test_silence_where_a_reply_was_expected_is_a_complaint() -> None:
    assert polarity("Never got a reply from them.") < 0
    assert polarity("Changed the config without notice.") < 0


def test_hedged_complaint_is_negative_and_hedge_strength_matters() -> None:
    assert polarity("Documentation could be better.") < 0
    assert polarity("Documentation could be a lot better.") < polarity(
        "Documentation could be a bit better."
    )
    assert polarity("Response times should have been faster.") < 0


def test_counterfactual_praise_is_a_complaint() -> None:
    assert polarity("It should have been fixed last week.") < 0
    assert polarity("They should have been on time.") < 0


def test_contrast_weighs_the_clause_after_but() -> None:
    assert polarity("Friendly people but slow.") < 0 < polarity("Slow, but friendly people.")
    assert polarity("Although they were late, the fix is solid.") > polarity(
        "Although the fix is solid, they were late."
    )


def test_intensifiers_order_the_scores() -> None:
    assert polarity("very slow") < polarity("slow") < 0
    assert polarity("extremely helpful") > polarity("helpful") > 0
    assert polarity("slightly slow") > polarity("slow")


def test_excess_turns_a_good_word_bad() -> None:
    assert polarity("The estimate is optimistic.") > 0 > polarity("The estimate is too optimistic.")


def test_repeated_failure_is_worse_than_a_single_one() -> None:
    assert polarity("They missed the deadline again.") < polarity("They missed the deadline.") < 0


def test_textblob_reading_only_neutral_words_does_not_water_down_an_event() -> None:
    # "the board", "procurement", "next year": TextBlob knows these words and finds no
    # opinion in them; that is silence beside the tender, not a vote for neutral.
    with_neutral_words = explain_text("The board asked procurement to run a tender next year.")
    alone = explain_text("Procurement will run a tender.")
    assert with_neutral_words[0].polarity == pytest.approx(alone[0].polarity)
    assert "textblob" not in {c.rule for c in with_neutral_words[1]}


def test_emoji_carry_sentiment() -> None:
    assert score_text("Deployed 👍").label == "positive"
    assert score_text("Deployed 👎").label == "negative"
    assert score_text("Deployed :tada:").label == "positive"
    assert score_text("Deployed :rage:").label == "negative"
    assert (
        polarity("Release went out 😡")
        < polarity("Release went out")
        < polarity("Release went out 😍")
    )


def test_slack_markup_does_not_leak_into_the_score() -> None:
    plain = score_text("slow turnaround again")
    assert score_text("<@U024BE7LH|happy.bot> slow turnaround again").label == plain.label
    assert score_text("<#C0123|wins> slow turnaround again").label == plain.label
    # Code is the system talking, not the person: an error log in backticks is not anger.
    assert score_text("Works now `fatal error: total failure`").label == "positive"
    assert score_text("see <https://status.example.com|the horrible outage page>").label == (
        "negative"
    )


def test_text_without_opinion_is_neutral() -> None:
    assert score_text("") == Sentiment(0.0, 0.0, "neutral")
    assert score_text("The meeting is on Tuesday at 10:00.").label == "neutral"


@given(st.text(max_size=200))
def test_any_text_scores_within_bounds_with_a_consistent_label(text: str) -> None:
    result = score_text(text)
    assert -1.0 <= result.polarity <= 1.0
    assert 0.0 <= result.subjectivity <= 1.0
    assert result.label == label_for(result.polarity)


@given(
    st.lists(
        st.sampled_from(
            [
                "not",
                "very",
                "too",
                "late",
                "good",
                "but",
                "could",
                "be",
                "better",
                "again",
                ",",
                "!",
                ":+1:",
                "🙁",
                "never",
                "reply",
            ]
        ),
        max_size=30,
    )
)
def test_rule_words_in_any_order_stay_within_bounds(words: list[str]) -> None:
    result = score_text(" ".join(words))
    assert -1.0 <= result.polarity <= 1.0
    assert 0.0 <= result.subjectivity <= 1.0
