"""A comment's reading: its language, and its sentiment when Rapport has a scorer for it.

A comment in a language without a scorer is kept unscored: the rating alone counts,
and the reason travels with it, so `rapport score --explain` and the export can say
why. It is never read with another language's words ("Die" is not the English verb).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.domain.operator_text import UNSCORED_LANGUAGE
from bot.domain.sentiment import learned
from bot.domain.sentiment.contribution import Contribution
from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.german import german
from bot.domain.sentiment.language import NAMES, detect_language
from bot.domain.sentiment.result import Sentiment
from bot.domain.sentiment.scorer import explain_text
from bot.domain.sentiment.spanish import spanish

Explainer = Callable[[str], tuple[Sentiment, list[Contribution]]]
SCORERS: dict[str, Explainer] = {
    "en": explain_text,
    "de": lambda text: score_with(german(), text),
    "es": lambda text: score_with(spanish(), text),
}
SCORED_LANGUAGES = tuple(SCORERS)
_LEXICONS = {"de": german, "es": spanish}


@dataclass(frozen=True, slots=True)
class CommentReading:
    """The language of a comment, how it was found, and its sentiment (None: unscored)."""

    language: str
    detected_by: str
    sentiment: Sentiment | None
    contributions: list[Contribution] = field(default_factory=list)

    @property
    def unscored_reason(self) -> str | None:
        """Why the comment carries no sentiment, or None when it was scored."""
        if self.sentiment is not None:
            return None
        name = NAMES.get(self.language, self.language)
        return UNSCORED_LANGUAGE.format(name=name, code=self.language)


def read_comment(text: str, language: str | None = None) -> CommentReading:
    """Detect the comment's language (unless given) and score it with that language's rules.

    Args:
        text: the comment as written, Slack markup allowed.
        language: an ISO 639-1 code to use instead of detecting one.
    """
    if language is None:
        detection = detect_language(text)
        language, how = detection.language, detection.how
    else:
        language, how = language.lower(), "given"
    scorer = SCORERS.get(language)
    if scorer is None:
        return CommentReading(language, how, None)
    sentiment, contributions = _scored(language, text)
    if how == "default" and not contributions:
        # Too short to tell, and no English word of opinion: "Excelente.", "Katastrophal."
        # are read by the one other language whose lexicon knows their words.
        known = [code for code, rules in _LEXICONS.items() if rules().knows(text)]
        if len(known) == 1:
            sentiment, contributions = _scored(known[0], text)
            return CommentReading(known[0], "lexicon", sentiment, contributions)
    return CommentReading(language, how, sentiment, contributions)


def _scored(language: str, text: str) -> tuple[Sentiment, list[Contribution]]:
    """The language's rules, revised by its learned layer when one ships (see learned.py)."""
    sentiment, contributions = SCORERS[language](text)
    model = learned.model_for(language)
    if model is None:
        return sentiment, contributions
    return learned.apply(model, text, sentiment, contributions)
