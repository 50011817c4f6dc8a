"""The follow-up's sentences: a label for every driver, each filled as its callers fill it."""

from __future__ import annotations

import pytest

from bot.domain import follow_up_text as text
from bot.domain.i18n import LANGUAGES, reading_as
from tests.bot.domain.text_uses import fills, misfilled

MODULE = "bot.domain.follow_up_text"


def test_every_driver_has_a_short_name_in_the_labels_order() -> None:
    assert list(text.DRIVER_SHORT) == list(text.DRIVER_LABELS)


def test_every_sentence_a_caller_fills_gets_exactly_the_names_it_asks_for() -> None:
    assert fills(MODULE)
    assert misfilled(MODULE) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_stay_distinct_in_every_language(language: str) -> None:
    """Two drivers read the same would be one checkbox twice in the DM."""
    with reading_as(language):
        labels = list(text.DRIVER_LABELS.values())
        short = list(text.DRIVER_SHORT.values())
    assert len(set(labels)) == len(labels)
    assert len(set(short)) == len(short)
