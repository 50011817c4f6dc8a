"""The fast walk over TextBlob's lexicon gives the numbers TextBlob's own analyzer gives."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.textblob_reader import pattern_sentiment, textblob_sentiment


@pytest.mark.parametrize(
    "text",
    [
        "the handover was really not good",
        "not a great start but very helpful people",
        "extremely slow and quite buggy !",
        "i do n't like the new portal :( at all",
        "really not bad , honestly ;)",
        "the vendor never replied",
        "terribly terribly late (!)",
        "",
    ],
)
def test_pattern_sentiment_matches_textblob(text: str) -> None:
    words = text.split()
    assert pattern_sentiment(words) == pytest.approx(textblob_sentiment(words))
