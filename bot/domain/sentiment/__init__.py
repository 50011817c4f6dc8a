"""Sentiment of free-text comments: one function, used by the bot and by `rapport score`."""

from __future__ import annotations

from bot.domain.sentiment.result import NEUTRAL_BAND, Sentiment, label_for
from bot.domain.sentiment.scorer import score_text

__all__ = ["NEUTRAL_BAND", "Sentiment", "label_for", "score_text"]
