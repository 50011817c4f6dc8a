"""The digest's sentences: each filled with the names its callers pass, in every language."""

from __future__ import annotations

import pytest

from bot.domain import digest_text as words
from bot.domain.i18n import LANGUAGES, reading_as
from bot.domain.sentiment.result import label_for
from bot.domain.vocabulary import SLA_STATUSES
from tests.bot.domain.text_uses import fills, misfilled, placeholders

MODULE = "bot.domain.digest_text"


def test_every_sentence_a_caller_fills_gets_exactly_the_names_it_asks_for() -> None:
    assert len(fills(MODULE)) >= 20
    assert misfilled(MODULE) == []


def test_each_sla_status_and_mood_has_its_word() -> None:
    assert set(words.SLA_STATUS) == set(SLA_STATUSES)
    assert set(words.MOODS) == {label_for(polarity) for polarity in (-1.0, 0.0, 1.0)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_gap_summary_names_the_same_things_however_it_moves(language: str) -> None:
    with reading_as(language):
        asked = {movement: placeholders(s) for movement, s in words.SUMMARY_GAP.items()}
        summary = placeholders(words.SUMMARY)
    assert all(names == {"engagement", "sides", "gap"} for names in asked.values()), asked
    assert summary == {"engagement", "sides"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_theme_line_counts_people_in_both_forms(language: str) -> None:
    with reading_as(language):
        one, many = words.THEME
    assert placeholders(one) == placeholders(many) == {"phrase", "count", "mood"}
