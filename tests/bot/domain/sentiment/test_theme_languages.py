"""Themes group comments within one language, each read with its own small words."""

from __future__ import annotations

from bot.domain.sentiment.reading import read_comment
from bot.domain.themes import Comment, candidate_phrases, side_themes


def comment(author: str, text: str) -> Comment:
    reading = read_comment(text)
    polarity = reading.sentiment.polarity if reading.sentiment else 0.0
    return Comment(author, text, polarity, reading.language)


def test_the_same_words_in_two_languages_are_two_themes() -> None:
    comments = [
        comment("u1", "Der Service Desk ist wieder zu langsam."),
        comment("u2", "Service Desk antwortet nicht, schon wieder."),
        comment("u3", "Der Service Desk hat unsere Tickets verloren."),
        comment("u4", "The service desk was great this week."),
        comment("u5", "Service desk answered every call within a minute."),
        comment("u6", "Really happy with the service desk."),
    ]
    themes = side_themes(comments, respondents=6, anonymity_min=3)
    desk = [t for t in themes if t.phrase == "service desk"]
    assert len(desk) == 2
    assert sorted(t.people for t in desk) == [3, 3]
    assert sorted(t.polarity > 0 for t in desk) == [False, True]


def test_people_writing_in_different_languages_are_not_pooled_into_one_theme() -> None:
    comments = [
        comment("u1", "Der Service Desk ist zu langsam."),
        comment("u2", "Service Desk antwortet nicht."),
        comment("u3", "The service desk was slow again."),
    ]
    assert side_themes(comments, respondents=3, anonymity_min=3) == []


def test_small_words_of_the_comment_language_are_not_themes() -> None:
    phrases = candidate_phrases("Die Zusammenarbeit und die Qualität sind gut", "de")
    words = {word for phrase in phrases for word in phrase}
    assert {"die", "und", "sind"}.isdisjoint(words)
    assert ("zusammenarbeit",) in phrases
