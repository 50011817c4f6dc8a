"""Themes: what several people on a side raise, with its mood, and nothing identifying."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.sentiment import score_text
from bot.domain.themes import Comment, Theme, candidate_phrases, side_themes


def comment(author: str, text: str) -> Comment:
    return Comment(author, text, score_text(text).polarity)


SIDE = [
    comment("u1", "Release notes arrive late and the test environment is unstable."),
    comment("u2", "The test environment was down twice, release notes late again."),
    comment("u3", "Honestly the test environment is a mess."),
    comment("u4", "Loved the demo :tada:"),
    comment("u1", "Still no release notes for the hotfix."),
]


def themes(comments: list[Comment], respondents: int = 6, minimum: int = 3) -> list[Theme]:
    return side_themes(comments, respondents=respondents, anonymity_min=minimum)


def test_phrase_raised_by_three_people_surfaces_with_its_sentiment() -> None:
    found = {t.phrase: t for t in themes(SIDE)}
    assert "test environment" in found
    assert found["test environment"].people == 3
    assert found["test environment"].mentions == 3
    assert found["test environment"].polarity < 0


# Two themes with nobody in common: neither can be subtracted from the other.
APART = [
    comment("u1", "The test environment is unstable."),
    comment("u2", "The test environment was down twice."),
    comment("u3", "Honestly the test environment is a mess."),
    comment("u4", "Release notes arrive late."),
    comment("u5", "Release notes late again."),
    comment("u4", "Still no release notes for the hotfix."),
]


def test_themes_are_ranked_by_distinct_people_not_by_repetition() -> None:
    ranked = themes(APART, minimum=2)
    assert ranked[0].phrase == "test environment"
    notes = next(t for t in ranked if t.phrase == "release notes")
    # u4 wrote about release notes twice: two mentions, but still one person.
    assert (notes.people, notes.mentions) == (2, 3)


def test_phrase_raised_by_one_person_does_not_surface() -> None:
    phrases = {t.phrase for t in themes(SIDE)}
    assert not any("demo" in phrase for phrase in phrases)
    assert not any("hotfix" in phrase for phrase in phrases)


def test_one_person_repeating_a_phrase_is_still_one_person() -> None:
    same_author = [comment("u1", "The VPN is flaky.") for _ in range(5)]
    assert themes(same_author) == []


def test_nothing_surfaces_for_a_side_below_the_anonymity_minimum() -> None:
    assert themes(SIDE, respondents=2, minimum=3) == []
    assert themes(SIDE, respondents=3, minimum=3) != []


def test_output_never_holds_an_author_or_a_whole_comment() -> None:
    for theme in themes(SIDE, minimum=1):
        assert not {"u1", "u2", "u3", "u4"} & set(theme.phrase.split())
        assert len(theme.phrase.split()) <= 3
        assert all(theme.phrase != c.text.lower() for c in SIDE)


def test_plurals_and_slack_markup_fold_into_one_theme() -> None:
    side = [
        comment("a", "<@U1|dan> more flaky tests :cry:"),
        comment("b", "A flaky test blocked the merge."),
        comment("c", "Flaky tests again."),
    ]
    flaky = next(t for t in themes(side) if t.phrase in {"flaky test", "flaky tests"})
    assert flaky.people == 3


def test_a_theme_needs_the_anonymity_minimum_of_people() -> None:
    # "release notes" comes from two people: with a minimum of three it stays hidden.
    assert "release notes" not in {t.phrase for t in themes(APART, minimum=3)}
    assert "release notes" in {t.phrase for t in themes(APART, minimum=2)}


def test_two_themes_one_could_subtract_from_the_other_are_not_both_shown() -> None:
    # Four people raise "test environment"; three of them also raise "release notes".
    # The two themes' authors differ by one person: showing both would let a reader
    # subtract one mood from the other and read that one person's comment.
    side = [
        comment("u1", "test environment down, release notes late"),
        comment("u2", "test environment broken and release notes missing"),
        comment("u3", "test environment slow; release notes thin"),
        comment("u4", "test environment unstable"),
    ]
    shown = {t.phrase for t in themes(side, respondents=4, minimum=3)}
    assert "test environment" in shown
    assert "release notes" not in shown
    far_apart = [*side, *(comment(f"v{i}", "release notes are fine") for i in range(3))]
    both = {t.phrase for t in themes(far_apart, respondents=7, minimum=3)}
    assert {"test environment", "release notes"} <= both


def test_stop_words_and_contractions_are_not_themes() -> None:
    assert candidate_phrases("It's the one that we don't have") == set()


def test_limit_caps_the_number_of_themes() -> None:
    assert len(side_themes(SIDE, respondents=6, anonymity_min=3, limit=1)) == 1


authors = st.sampled_from(["a", "b", "c", "d"])
texts = st.lists(
    st.sampled_from(["slow", "ticket", "queue", "the", "very", "release", "notes", "and", "."]),
    max_size=8,
).map(" ".join)


@given(
    st.lists(st.builds(Comment, authors, texts, st.floats(-1, 1)), max_size=12),
    st.integers(0, 6),
    st.integers(1, 5),
)
def test_invariants_hold_for_any_side(
    comments: list[Comment], respondents: int, minimum: int
) -> None:
    result = side_themes(comments, respondents=respondents, anonymity_min=minimum)
    if respondents < minimum:
        assert result == []
    assert len(result) <= 5
    for theme in result:
        assert theme.people >= 2
        assert theme.mentions >= theme.people
        assert 1 <= len(theme.phrase.split()) <= 3
        assert -1.0 <= theme.polarity <= 1.0
        raisers = {c.author for c in comments if theme.phrase in c.text}
        assert len(raisers) >= 2
