"""The word lists: VADER's lexicon whole, service meanings over it, small words apart."""

from __future__ import annotations

from bot.domain.sentiment import lexicon as lx


def test_the_general_lexicon_is_vaders_human_rated_list() -> None:
    general = lx.general_lexicon()
    assert len(general) > 7000
    assert general["good"] > 0 > general["horrible"]
    assert all(-4 <= v <= 4 for v in general.values())


def test_service_meanings_win_over_the_general_ones() -> None:
    combined = lx.combined_lexicon()
    assert all(combined[word] == valence for word, valence in lx.SERVICE_EVENTS.items())
    assert set(lx.general_lexicon()) <= set(combined)


def test_words_splits_on_whitespace_into_a_set() -> None:
    assert lx.words(" late  slow\nlate ") == frozenset({"late", "slow"})


def test_the_small_word_lists_do_not_overlap_where_the_rules_tell_them_apart() -> None:
    assert lx.CONTRAST_WORDS.isdisjoint(lx.CONCESSION_WORDS)
    assert lx.LATE_CONCESSION_WORDS <= lx.CONCESSION_WORDS
    assert lx.SERVICE_VERDICTS <= lx.CLAUSE_CONTRAST_WORDS
    assert {"not", "never", "no"} <= lx.NEGATORS
    assert lx.NEGATORS <= lx.PATTERN_STARTERS


def test_every_phrase_can_start_a_pattern() -> None:
    assert {phrase[0] for phrase in lx.SERVICE_PHRASES} <= lx.PATTERN_STARTERS
