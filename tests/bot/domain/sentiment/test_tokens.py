"""Words as the rules see them: lower-cased, shouting kept, clause ends marked, negators known."""

from __future__ import annotations

from bot.domain.sentiment.tokens import in_scope, is_negator, tokenize


def test_words_are_lower_cased_with_their_emphasis_and_clause_ends() -> None:
    tokens = tokenize("The report is LATE, again!")
    assert [t.word for t in tokens] == ["the", "report", "is", "late", "again"]
    assert [t.caps for t in tokens] == [False, False, False, True, False]
    assert [t.boundary for t in tokens] == [False, False, False, True, True]
    assert tokens[3].spaced == "late," and tokens[2].spaced == "is"


def test_lone_punctuation_ends_the_clause_before_it() -> None:
    tokens = tokenize("fine - but late")
    assert [t.word for t in tokens] == ["fine", "but", "late"]
    assert tokens[0].boundary is False
    ended = tokenize("fine ; late")
    assert ended[0].boundary is True


def test_an_emoticon_is_kept_whole_and_carries_valence() -> None:
    tokens = tokenize("thanks :)")
    assert tokens[-1].word == ":)" and tokens[-1].valence > 0


def test_contractions_are_negators_and_split_for_textblob() -> None:
    token = tokenize("didn't")[0]
    assert token.negator and token.parts == ("did", "n't")
    assert is_negator("never") and is_negator("won't") and not is_negator("now")


def test_a_negation_reaches_three_words_back_but_not_over_a_clause_end() -> None:
    tokens = tokenize("it was not really very good")
    assert in_scope(tokens, 5) == [4, 3, 2]
    cut = tokenize("no, it is good")
    assert in_scope(cut, 3) == [2, 1]
