"""Rule reading of one comment: lexicon hits shaped by negation, degree, hedges and contrast."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from bot.sentiment import lexicon as lx

_PUNCT = string.punctuation
_BOUNDARY_CHARS = frozenset(",.;:!?")
_SCOPE = 3  # negation and degree words reach three words ahead, as in VADER
_DAMPING = (1.0, 0.95, 0.9)

_QUANTITIES = lx.words(
    "a an one two three four five six seven eight nine ten eleven twelve several few "
    "couple many multiple"
)
_DURATION_FILLERS = _QUANTITIES | lx.words(
    "us me them him her for over almost nearly about around more than another at least "
    "the whole entire full of"
)
_LATE_AFTER_DURATION = frozenset({"later", "late", "overdue", "behind"})
_HEDGE_FILLERS = lx.words(
    "be have been to a lot lots much far way bit little some definitely really certainly "
    "use get do with"
)
_HEDGE_MILD = frozenset({"bit", "little", "slightly", "somewhat"})
_HEDGE_STRONG = frozenset({"lot", "lots", "much", "far", "way", "definitely", "really"})
_HEDGE_VALENCE = -1.5
_NEGATED_HEDGE_VALENCE = 2.5  # "couldn't be better"
_WISH_VALENCE = -0.8  # "would be nice if they answered"
_SILENCE_VALENCE = -1.6  # "never got a reply", "without notice"
_EXCLAMATION = 0.292  # VADER's empirical emphasis per "!", up to four


@dataclass(frozen=True, slots=True)
class Token:
    """One word as written (case kept for emphasis) and whether a clause ends after it."""

    word: str
    caps: bool
    boundary: bool


@dataclass(slots=True)
class Reading:
    """Rule hits over a comment, and the words no rule claimed, grouped by clause weight."""

    valence: float = 0.0
    hits: int = 0
    leftover: list[tuple[float, list[str]]] = field(default_factory=list)


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], float]]]:
    index: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for words, valence in sorted(lx.SERVICE_PHRASES.items(), key=lambda kv: -len(kv[0])):
        index.setdefault(words[0], []).append((words, valence))
    return index


_PHRASES = _phrase_index()


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


def clause_weights(words: list[str], tokens: list[Token]) -> list[float]:
    """0.5 before "but" and 1.5 after it; 0.5 inside an "although ..." clause, 1.5 outside."""
    weights = [1.0] * len(words)
    for i, word in enumerate(words):
        if word in lx.CONTRAST_WORDS and 0 < i < len(words) - 1:
            return [0.5] * i + [1.0] + [1.5] * (len(words) - i - 1)
        if word in lx.CONCESSION_WORDS and i < len(words) - 1:
            end = i
            while end < len(words) - 1 and not tokens[end].boundary:
                end += 1
            if end == len(words) - 1 and i == 0:
                return weights
            return [0.5 if i <= j <= end else 1.5 for j in range(len(words))]
    return weights


def _is_negator(word: str) -> bool:
    return word in lx.NEGATORS or word.endswith("n't")


def _in_scope(tokens: list[Token], i: int) -> list[int]:
    """Indices of up to three words before i, not reaching back over a clause boundary."""
    scope: list[int] = []
    j = i - 1
    while j >= 0 and len(scope) < _SCOPE and not tokens[j].boundary:
        scope.append(j)
        j -= 1
    return scope


def _shape(
    valence: float, tokens: list[Token], words: list[str], i: int, all_caps: bool
) -> tuple[float, bool]:
    """Apply capitals, degree words, excess, counterfactuals and negation before position i.

    Returns:
        The shaped valence, and whether a rule TextBlob lacks (excess, counterfactual)
        changed the word's meaning, in which case TextBlob must not read that word.
    """
    if tokens[i].caps and not all_caps:
        valence += lx.CAPS_BOOST if valence > 0 else -lx.CAPS_BOOST
    scope = _in_scope(tokens, i)
    excess = any(words[j] in lx.EXCESS_WORDS for j in scope[:2])
    for distance, j in enumerate(scope):
        degree = lx.INTENSIFIERS.get(words[j])
        if words[j] in lx.EXCESS_WORDS and valence < 0:
            degree = lx.INTENSIFIERS["very"]
        if degree is not None:
            step = degree * _DAMPING[distance]
            if tokens[j].caps and not all_caps:
                step += lx.CAPS_BOOST if degree > 0 else -lx.CAPS_BOOST
            valence += step if valence > 0 else -step
    if excess and valence > 0:
        return valence * lx.NEGATION_SCALAR, True  # "not too cute" is no compliment either
    counterfactual = _counterfactual(words, tokens, i)
    if counterfactual:
        valence *= lx.NEGATION_SCALAR
    if any(_is_negator(words[j]) for j in scope):
        valence *= lx.NEGATION_SCALAR
    return valence, excess or counterfactual


def _counterfactual(words: list[str], tokens: list[Token], i: int) -> bool:
    """ "should have been on time", "could've been worse": the modal past of a verdict."""
    before = [words[j] for j in _in_scope(tokens, i)]
    if "been" not in before:
        return False
    before += [words[j] for j in _in_scope(tokens, i - len(before))][:2]
    return any(word in lx.COUNTERFACTUAL_MODALS for word in before)


def _match_phrase(words: list[str], i: int) -> tuple[int, float] | None:
    for phrase, valence in _PHRASES.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return i + len(phrase), valence
    return None


def _match_hedge(words: list[str], i: int) -> tuple[int, float] | None:
    """ "could be (a lot) better", "should have been faster", "would be nice if"."""
    negated = words[i].endswith("n't") or words[i] in {"couldnt", "wouldnt", "shouldnt"}
    if words[i] not in lx.HEDGE_MODALS and not negated:
        return None
    scale, j = 1.0, i + 1
    while j < len(words) and j - i <= 5 and (words[j] in _HEDGE_FILLERS or words[j] == "not"):
        negated = negated or words[j] == "not"
        scale = 0.7 if words[j] in _HEDGE_MILD else 1.3 if words[j] in _HEDGE_STRONG else scale
        j += 1
    if j >= len(words) or j == i + 1:
        return None
    if words[j] in lx.HEDGE_COMPARATIVES or words[j].startswith("improv"):
        end = j + 2 if words[j] == "more" and j + 1 < len(words) else j + 1
        return end, _NEGATED_HEDGE_VALENCE if negated else _HEDGE_VALENCE * scale
    wish = lx.combined_lexicon().get(words[j], 0.0) > 0 and j + 1 < len(words)
    if wish and words[i] == "would" and words[j + 1] in {"if", "to"} and not negated:
        return j + 1, _WISH_VALENCE
    return None


def _match_duration(words: list[str], i: int) -> tuple[int, float] | None:
    """ "took three weeks", "waited for days", "two weeks later"."""
    if words[i] in lx.WAITING_VERBS:
        j = i + 1
        while (
            j < len(words) and j - i <= 6 and (words[j] in _DURATION_FILLERS or words[j].isdigit())
        ):
            j += 1
        if j < len(words) and words[j] in lx.DURATION_UNITS:
            return j + 1, lx.DURATION_UNITS[words[j]]
    elif words[i] in _QUANTITIES or words[i].isdigit():
        unit = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if unit in lx.DURATION_UNITS and after in _LATE_AFTER_DURATION:
            return i + 3, lx.DURATION_UNITS[unit]
    return None


def _match_silence(words: list[str], tokens: list[Token], i: int) -> tuple[int, float] | None:
    """A negator before something a client expects: "never got a reply", "no ETA"."""
    if words[i] not in lx.NEGATORS and not words[i].endswith("n't"):
        return None
    for j in range(i + 1, min(i + 1 + _SCOPE, len(words))):
        if words[j] in lx.EXPECTED_SERVICE:
            return j + 1, _SILENCE_VALENCE
        if tokens[j].boundary:
            break
    return None


def _leftover(
    words: list[str], claimed: list[bool], weights: list[float]
) -> list[tuple[float, list[str]]]:
    """Unclaimed words per clause, with "don't" split so TextBlob sees its negation."""
    groups: list[tuple[float, list[str]]] = []
    for word, taken, weight in zip(words, claimed, weights, strict=True):
        if not groups or groups[-1][0] != weight:
            groups.append((weight, []))
        if taken:
            continue
        if word.endswith("n't") and len(word) > 3:
            groups[-1][1].extend((word[:-3], "n't"))
        else:
            groups[-1][1].append(word)
    return [(weight, group) for weight, group in groups if group]


def read(text: str) -> Reading:
    """Sum of shaped valences (VADER scale) and the words left for TextBlob to judge."""
    tokens = tokenize(text)
    words = [token.word for token in tokens]
    if not words:
        return Reading()
    lexicon = lx.combined_lexicon()
    all_caps = all(token.caps for token in tokens if token.word.isalpha())
    weights = clause_weights(words, tokens)
    repeated = any(word in lx.REPETITION_WORDS for word in words)
    claimed = [False] * len(words)
    reading = Reading()
    i = 0
    while i < len(words):
        matched = _match_phrase(words, i)
        shaped = matched is not None
        matched = (
            matched
            or _match_hedge(words, i)
            or _match_duration(words, i)
            or _match_silence(words, tokens, i)
        )
        valence = 0.0
        if matched is not None:
            end, valence = matched
            if shaped:
                valence, _ = _shape(valence, tokens, words, i, all_caps)
            claimed[i:end] = [True] * (end - i)
        else:
            end = i + 1
            base = lexicon.get(words[i], 0.0)
            modifies_next = (
                words[i] in lx.INTENSIFIERS
                and i + 1 < len(words)
                and (words[i + 1] in lexicon or words[i + 1] in lx.INTENSIFIERS)
            )
            if base and not _is_negator(words[i]) and not modifies_next:
                valence, claimed[i] = _shape(base, tokens, words, i, all_caps)
        if valence:
            if repeated and valence < 0:
                valence *= lx.REPETITION_BOOST
            reading.valence += valence * weights[i]
            reading.hits += 1
        i = end
    if reading.valence:
        emphasis = min(text.count("!"), 4) * _EXCLAMATION
        reading.valence += emphasis if reading.valence > 0 else -emphasis
    reading.leftover = _leftover(words, claimed, weights)
    return reading
