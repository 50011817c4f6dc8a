"""The rule reading: lexicon hits turned by negation, raised by degree, weighed by contrast."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.cues import find_cues
from bot.domain.sentiment.rules import Reading, clause_weights, emphasis, read
from bot.domain.sentiment.scorer import explain_text
from bot.domain.sentiment.tokens import tokenize


def reading(text: str) -> Reading:
    tokens = tokenize(text)
    return read(tokens, find_cues(tokens))


def test_a_negation_turns_a_word_and_a_degree_word_raises_it() -> None:
    plain = reading("The team is good").valence
    assert plain > 0
    assert reading("The team is not good").valence < 0
    assert reading("The team is very good").valence > plain


def test_the_clause_after_but_decides() -> None:
    text = "The team is good but the reports are late"
    tokens = tokenize(text)
    weights = clause_weights([t.word for t in tokens], tokens)
    assert weights[:4] == [0.5] * 4 and weights[-4:] == [1.5] * 4
    found = reading(text)
    assert found.valence < 0 and found.deciding < 0


def test_a_concession_weighs_its_own_clause_down() -> None:
    text = "although the team is good, the reports are awful"
    tokens = tokenize(text)
    weights = clause_weights([t.word for t in tokens], tokens)
    assert weights[0] == 0.5 and weights[-1] == 1.5
    assert reading(text).valence < 0


def test_a_cue_claims_its_words_so_they_are_not_read_one_by_one() -> None:
    tokens = tokenize("No escalations this month.")
    found = read(tokens, find_cues(tokens))
    assert [(hit.rule, hit.phrase) for hit in found.hits] == [("no bad news", "no escalations")]
    assert found.valence > 0
    assert reading("Escalations this month.").valence < 0


def test_an_empty_comment_reads_as_nothing() -> None:
    assert read([]) == Reading()
    assert reading("the report").valence == 0


@pytest.mark.parametrize(("marks", "sign"), [(2, 1), (6, -1)])
def test_exclamation_marks_push_further_up_to_four(marks: int, sign: int) -> None:
    hit = emphasis("!" * marks, 1.0 * sign)
    assert hit is not None and hit.phrase == "!" * min(marks, 4)
    assert hit.valence * sign > 0
    assert emphasis("!!!!!!", 1.0) == emphasis("!!!!", 1.0)
    assert emphasis("fine!", 0.0) is None and emphasis("fine", 1.0) is None


@pytest.mark.parametrize(
    "text",
    [
        "We have been waiting for three weeks for the report.",
        "waited for two days on the access request",
        "Still waiting for ten days now.",
    ],
)
def test_a_wait_a_cue_has_claimed_is_counted_once(text: str) -> None:
    found = reading(text)
    waits = [hit for hit in found.hits if hit.rule == "waiting"]
    words = [set(hit.phrase.split()) for hit in waits]
    # No two waiting hits read the same words: the duration is one wait, not two.
    assert all(a.isdisjoint(b) for i, a in enumerate(words) for b in words[i + 1 :]), waits
    assert found.valence < 0


def test_what_was_waited_for_is_no_praise() -> None:
    # "a straight answer" and "restore" are what was slow to come, not what was good.
    for text in (
        "It takes too long to get a straight answer from them.",
        "The vendor needed 9 days to restore a single file.",
    ):
        sentiment, contributions = explain_text(text)
        assert sentiment.label == "negative"
        assert all(c.effect < 0 for c in contributions if c.rule != "textblob")


def test_a_cause_after_a_wait_is_still_read() -> None:
    # "to a broken build" names the cause, not a purpose: "broken" counts.
    phrases = [c.phrase for c in explain_text("Lost the whole morning to a broken build.")[1]]
    assert any("broken" in phrase for phrase in phrases)
