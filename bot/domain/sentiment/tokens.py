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
    """One word as written (case kept for emphasis) and whether a clause ends after it.

    The rest is worked out once per distinct word, for the rules' inner loops: its
    lexicon valence, whether a multi-word pattern may start at it, the words TextBlob
    is given for it ("don't" as "do", "n't") and its form in the cue patterns' text.
    """

    word: str
    caps: bool
    boundary: bool
    valence: float = 0.0
    starter: bool = False
    parts: tuple[str, ...] = ()
    spaced: str = ""
    negator: bool = False


def make_token(word: str, caps: bool, boundary: bool) -> Token:
    """A token with its per-word facts filled in."""
    negated = word.endswith("n't")
    return Token(
        word,
        caps,
        boundary,
        lx.combined_lexicon().get(word, 0.0),
        word in lx.PATTERN_STARTERS or negated or word.isdigit(),
        (word[:-3], "n't") if negated and len(word) > 3 else (word,),
        word + "," if boundary else word,
        is_negator(word),
    )


# Tokens are immutable, so one per distinct raw word serves every comment; the cache
# stops growing at a size that holds the vocabulary of a busy workspace.
_CACHE_LIMIT = 200_000
_token_cache: dict[str, Token | None] = {}
_UNSEEN = Token("", False, False)  # not in the cache yet (None there: only punctuation)


def _token(raw: str) -> Token | None:
    """The token of one whitespace-separated word, or None if it is only punctuation."""
    word = raw if raw.lower() in lx.combined_lexicon() else raw.strip(_PUNCT)
    if not word:
        return None
    caps = word.isupper() and len(word) > 1 and word.isalpha()
    return make_token(word.lower(), caps, raw[-1] in _BOUNDARY_CHARS and word != raw)


def tokenize(text: str) -> list[Token]:
    """Whitespace words with edge punctuation stripped, emoticons kept whole (VADER's way)."""
    cache = _token_cache
    tokens: list[Token] = []
    for raw in text.split():
        token = cache.get(raw, _UNSEEN)
        if token is _UNSEEN:
            token = _token(raw)
            if len(cache) < _CACHE_LIMIT:
                cache[raw] = token
        if token is not None:
            tokens.append(token)
        elif tokens and raw[-1] in _BOUNDARY_CHARS:
            tokens[-1] = make_token(tokens[-1].word, tokens[-1].caps, True)
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
