"""Sentiment of free-text comments: one function, used by the bot and by `rapport score`."""

from __future__ import annotations

from dataclasses import dataclass

from textblob import TextBlob

NEUTRAL_BAND = 0.05


@dataclass(frozen=True, slots=True)
class Sentiment:
    """Polarity in -1..1, subjectivity in 0..1 and the three-class label."""

    polarity: float
    subjectivity: float
    label: str


def label_for(polarity: float) -> str:
    """Three classes split at +/-0.05, the convention of the evaluation sets."""
    if polarity >= NEUTRAL_BAND:
        return "positive"
    if polarity <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def score_text(text: str) -> Sentiment:
    """Score one comment."""
    blob = TextBlob(text)
    polarity = float(blob.sentiment.polarity)
    subjectivity = float(blob.sentiment.subjectivity)
    return Sentiment(polarity, subjectivity, label_for(polarity))
