"""Words of a comment as the rules see them: lower-cased, with emphasis and clause ends."""

from __future__ import annotations

import string
from dataclasses import dataclass

from bot.domain.sentiment import lexicon as lx

_PUNCT = string.punctuation
_BOUNDARY_CHARS = frozenset(",.;:!?")
SCOPE = 3  # negation and degree words reach three words ahead, as in VADER
DAMPING = (1.0, 0.95, 0.9)


@dataclass(frozen=True, slots=True)
class Token:
    """One word as written (case kept for emphasis) and whether a clause ends after it."""

    word: str
    caps: bool
    boundary: bool


def tokenize(text: str) -> list[Token]:
    """Whitespace words with edge punctuation stripped, emoticons kept whole (VADER's way)."""
    lexicon = lx.combined_lexicon()
    tokens: list[Token] = []
    for raw in text.split():
        word = raw if raw.lower() in lexicon else raw.strip(_PUNCT)
        if not word:
            if tokens and raw[-1] in _BOUNDARY_CHARS:
                tokens[-1] = Token(tokens[-1].word, tokens[-1].caps, True)
            continue
        caps = word.isupper() and len(word) > 1 and word.isalpha()
        tokens.append(Token(word.lower(), caps, raw[-1] in _BOUNDARY_CHARS and word != raw))
    return tokens


def is_negator(word: str) -> bool:
    """ "not", "never", "without", and any "n't" contraction."""
    return word in lx.NEGATORS or word.endswith("n't")


def in_scope(tokens: list[Token], i: int) -> list[int]:
    """Indices of up to three words before i, not reaching back over a clause boundary."""
    scope: list[int] = []
    j = i - 1
    while j >= 0 and len(scope) < SCOPE and not tokens[j].boundary:
        scope.append(j)
        j -= 1
    return scope
