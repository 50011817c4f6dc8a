"""The score of one comment and its three-class label."""

from __future__ import annotations

from dataclasses import dataclass

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
