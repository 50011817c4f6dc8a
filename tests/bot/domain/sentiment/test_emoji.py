"""Emoji carry a valence whether typed as a Slack code or a Unicode character."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.emoji import char_valence, code_valence


@pytest.mark.parametrize(
    ("code", "char"), [("tada", "🎉"), ("rage", "😡"), ("slightly_smiling_face", "🙂")]
)
def test_a_code_and_its_character_point_the_same_way(code: str, char: str) -> None:
    by_char = char_valence(char)
    assert by_char is not None and code_valence(code) != 0
    assert (code_valence(code) > 0) == (by_char > 0)


def test_celebration_is_positive_and_anger_negative_on_vaders_scale() -> None:
    assert 0 < code_valence("tada") <= 4 and -4 <= code_valence("rage") < 0
    assert code_valence("TADA") == code_valence("tada")


def test_an_unlisted_code_is_read_by_the_words_of_its_name() -> None:
    assert code_valence("angry_face_unlisted") < 0
    assert code_valence("happy-thing") > 0
    assert code_valence("spreadsheet") == 0


def test_a_character_that_is_no_emoji_has_no_valence() -> None:
    assert char_valence("a") is None and char_valence("é") is None
    assert char_valence("😡\ufe0f") == char_valence("😡")
