"""Checks shared by the cue pattern tables: which of a table's patterns a sentence matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.sentiment.cue_patterns import Pattern
from bot.domain.sentiment.tokens import tokenize


def rules_matched(patterns: Sequence[Pattern], text: str) -> set[str]:
    """The rules of the table's patterns whose regex matches the comment as the cues read it.

    A pattern only counts when one of its trigger words is a word of the comment too: the
    cue finder tries no other, so a match without its trigger would never be seen.
    """
    tokens = tokenize(text)
    joined = " ".join(token.spaced for token in tokens)
    words = {token.word for token in tokens}
    return {
        pattern.rule
        for pattern in patterns
        if re.search(pattern.regex, joined) and not words.isdisjoint(pattern.triggers.split())
    }


def valences_on_the_scale(patterns: Sequence[Pattern]) -> list[str]:
    """Patterns whose valence is off VADER's -4..+4 scale or zero, or whose regex is broken."""
    wrong = []
    for pattern in patterns:
        re.compile(pattern.regex)
        if not (0 < abs(pattern.valence) <= 4) or not pattern.triggers.split():
            wrong.append(f"{pattern.rule}: {pattern.valence} {pattern.regex[:40]}")
    return wrong
