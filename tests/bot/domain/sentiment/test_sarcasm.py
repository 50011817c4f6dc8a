"""Sarcasm: a positive surface over a failure is turned around; a plain compliment is not."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.hits import Hit
from bot.domain.sentiment.sarcasm import celebration_turned, scare_quotes, turn
from bot.domain.sentiment.scorer import explain_text


def test_an_opener_before_a_failure_turns_the_praise_into_sarcasm() -> None:
    hits = [Hit("lexicon", "great", 3.1), Hit("service event", "outage", -2.5)]
    turned = turn("Oh great, another outage.", hits, 0)
    assert turned is not None
    assert not [h for h in turned if h.rule == "lexicon" and h.valence > 0]
    assert any(h.rule == "sarcasm" and h.valence < 0 for h in turned)
    assert Hit("service event", "outage", -2.5) in turned
    assert score_text("Oh great, another outage.").polarity < 0


def test_a_compliment_means_what_it_says() -> None:
    hits = [Hit("lexicon", "great", 3.1)]
    assert turn("Great work on the release.", hits, 0) is None
    assert score_text("Great work on the release.").polarity > 0


def test_quoted_minimisers_are_scare_quotes() -> None:
    assert scare_quotes('Love how the "quick fix" broke billing.') == ['"quick fix"']
    assert scare_quotes('They said "we will call you back".') == []
    turned = turn('The "small" change broke billing.', [Hit("lexicon", "broke", -1.5)], 0)
    assert turned is not None and any(h.rule == "scare quotes" for h in turned)


def test_cheering_emoji_after_bad_news_count_against() -> None:
    cheer = [Hit("emoji", ":tada:", 2.0), Hit("emoji", ":rage:", -2.5)]
    assert celebration_turned(cheer, -0.5) == cheer
    turned = celebration_turned(cheer, -2.0)
    assert turned[0] == Hit("sarcasm", ":tada:", -2.0) and turned[1] == cheer[1]


@pytest.mark.parametrize(
    "text",
    [
        "Impressive: the two-line fix took 9 days.",
        "Great to hear the sandbox is down again.",
        "Funny how every missed deadline is a one-off.",
        "Very consistent, another Monday without a build.",
        "Love starting the week with a P2 from the customer :tada:",
        "So consistent, every release breaks the login page.",
        "Very reassuring that the handover wiki is empty.",
    ],
)
def test_more_cheerful_openers_over_a_failure_are_sarcasm(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    ["Lovely to see the new joiners settle in so fast.", "Impressive work on the migration."],
)
def test_the_same_openers_over_good_news_mean_it(text: str) -> None:
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Sure, the outage hurt, but nothing was lost.",
        "Happy New Year, thanks for getting through a horrible December with us.",
    ],
)
def test_a_concession_or_a_wish_is_not_sarcasm(text: str) -> None:
    assert score_text(text).label == "positive"


def test_praise_addressed_to_you_is_not_turned() -> None:
    hits = [Hit("lexicon", "love", 3.2), Hit("lexicon", "worst", -3.1)]
    assert (
        turn("I love you all, the worst week of the year and you kept every SLA.", hits, 0) is None
    )


def test_sure_without_a_contrast_can_still_be_sarcasm() -> None:
    assert score_text("Sure, another outage on a Friday.").label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        'The post-mortem blames "a config issue" again. Visionary.',
        "Third slipped date on the migration. Great, great.",
    ],
)
def test_overdone_praise_closing_bad_news_is_sarcasm(text: str) -> None:
    assert score_text(text).label == "negative"


def test_a_plain_closing_word_after_good_news_is_meant() -> None:
    assert score_text("The outage was fixed in ten minutes. Great.").label == "positive"


def test_an_eye_roll_with_no_praise_to_turn_is_exasperation() -> None:
    hits = [Hit("lexicon", "sprint", 0.0)]
    turned = turn("Another sprint, another demo slipped 🙃", hits, 1)
    assert turned is not None and Hit("sarcasm", "eye-roll emoji", -1.0) in turned
    assert score_text('Quarter three, still "nearly done" :upside_down_face:').label == "negative"
    assert turn("Release notes attached.", hits, 0) is None


@pytest.mark.parametrize(
    "text",
    [
        "The release slipped another week, great 👍",
        "Invoice rejected again, lovely.",
        "Yet another P1 on the payment gateway 🎉",
    ],
)
def test_a_lone_cheer_or_a_party_after_a_failure_is_sarcasm(text: str) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.label == "negative"
    assert "sarcasm" in {c.rule for c in contributions}


@pytest.mark.parametrize(
    "text",
    ["Outage resolved, great.", "Backlog cleared, great.", "P1 closed in 20 minutes 🎉"],
)
def test_a_cheer_after_a_fix_is_meant(text: str) -> None:
    assert score_text(text).label == "positive"


def test_thanks_with_a_scare_quote_are_sarcasm() -> None:
    sentiment, contributions = explain_text('Cheers for the "quick" patch that took a month.')
    assert sentiment.label == "negative"
    assert "heroics" not in {c.rule for c in contributions}


def test_super_opens_sarcasm_over_a_failure_and_is_meant_over_good_news() -> None:
    assert score_text("Super, the UAT environment is down again.").label == "negative"
    assert score_text("Super, the UAT environment is back.").label == "positive"
