"""Service-feedback scorer: Slack markup, service-event rules and TextBlob, blended.

Why two libraries. TextBlob's pattern analyzer reads adjectives ("slow", "great") well
and averages them, but it has no idea of events ("missed the SLA", "escalated"), of
"but", or of hedged complaints ("could be better" scores +0.5). VADER's lexicon
(about 7,500 human-rated words and emoticons, shipped inside the vaderSentiment wheel,
no download) covers verbs and nouns and slang; its rules for negation, degree words,
capitals and "!" are reimplemented here over that lexicon plus a service-event
lexicon, so the same rules apply to "not late" as to "not good". The two readings
disagree in useful ways, so the result is a weighted average with one vote per
lexicon (rules 2/3, TextBlob 1/3); when only one of them found any opinion, that one
is used alone, since averaging with a silent reader would only pull every verdict
towards neutral. Words a rule has re-read (hedges, "too cute", "should have been
fixed", service phrases) are hidden from TextBlob, which would read them literally.
"""

from __future__ import annotations

import math

from textblob.en import sentiment as pattern_sentiment

from bot.domain.sentiment.markup import clean
from bot.domain.sentiment.result import Sentiment, label_for
from bot.domain.sentiment.rules import read

# VADER's normalisation constant: a summed valence s maps to s / sqrt(s^2 + 15),
# so one strong word lands near +/-0.6 and several saturate towards +/-1.
_ALPHA = 15.0
# One vote per lexicon: the rule reader carries two (VADER's general words and the
# service events), TextBlob's pattern lexicon one.
_RULES_WEIGHT = 2 / 3


def _textblob_reading(leftover: list[tuple[float, list[str]]]) -> tuple[float, float] | None:
    """TextBlob polarity and subjectivity of the unclaimed words, clause-weighted."""
    polarity = subjectivity = total = 0.0
    for weight, words in leftover:
        score = pattern_sentiment(words)
        if score.assessments:
            polarity += weight * float(score[0])
            subjectivity += weight * float(score[1])
            total += weight
    if total == 0.0:
        return None
    return polarity / total, subjectivity / total


def score_text(text: str) -> Sentiment:
    """Score one comment (Slack markup allowed); the same function backs `rapport score`."""
    plain = clean(text)
    reading = read(plain.text)
    valence = reading.valence + sum(plain.emoji)
    rules = valence / math.sqrt(valence * valence + _ALPHA) if valence else None
    textblob = _textblob_reading(reading.leftover)
    if rules is None and textblob is None:
        return Sentiment(0.0, 0.0, label_for(0.0))
    if textblob is None:
        assert rules is not None
        polarity, subjectivity = rules, abs(rules)
    elif rules is None:
        polarity, subjectivity = textblob
    else:
        polarity = _RULES_WEIGHT * rules + (1 - _RULES_WEIGHT) * textblob[0]
        subjectivity = textblob[1]
    polarity = max(-1.0, min(1.0, polarity))
    subjectivity = max(0.0, min(1.0, subjectivity))
    return Sentiment(polarity, subjectivity, label_for(polarity))
