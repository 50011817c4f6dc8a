"""Sentiment of free-text comments: one function, used by the bot and by `rapport score`."""

from __future__ import annotations

from bot.sentiment.result import NEUTRAL_BAND, Sentiment, label_for
from bot.sentiment.scorer import score_text

__all__ = ["NEUTRAL_BAND", "Sentiment", "label_for", "score_text"]
