"""The scorer for languages other than English: one reader, each language's words and cues.

The same shape as the English rules, smaller: cue patterns of account chat (waiting,
chasing, repetition, threats, good news told as an absence or a figure) claim their
words first; the remaining words are read from the language's lexicon with negation,
degree words, contrast ("aber", "pero") and repetition; emoji count as in English; an
eye-roll next to praise turns it round; a question, request or notice with no cue and
no strong opinion word is damped into the neutral zone. The sum of valences on VADER's
-4..+4 scale becomes a polarity by VADER's normalisation, as in English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.domain.sentiment.contribution import Contribution
from bot.domain.sentiment.foreign_figures import Figures, moved_figures
from bot.domain.sentiment.markup import clean
from bot.domain.sentiment.result import Sentiment, label_for
from bot.domain.sentiment.sarcasm import CELEBRATION, FAILURE
from bot.domain.sentiment.verdict import damp, norm, settle_contrast

_NEGATION = -0.74  # VADER's constant
_BOOST = 0.293
_REPEATED = 1.3
_BEFORE_CONTRAST, _AFTER_CONTRAST = 0.5, 1.5
_SARCASM = -1.6
_EXASPERATION = -1.0  # an eye-roll with no praise to turn, as in English
_STRONG_WORD = 2.0
_SCOPE = 3
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[.,;:!?]")
_BREAKS = frozenset(".,;:!?")
_MIN_STEM = 4
_MIN_MODIFIER = 3  # the first part of a compound before its head ("Systemausfall")
# A cheerful word opening the comment before a comma: "Super, schon wieder down".
_OPENER = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,")
_AGAIN_RULES = frozenset({"repeated", "chasing"})


def degree_words(stronger: str, weaker: str) -> dict[str, float]:
    """Degree words, space-separated: a stronger one adds VADER's 0.293, a weaker one removes it."""
    return dict.fromkeys(stronger.split(), _BOOST) | dict.fromkeys(weaker.split(), -_BOOST)


@dataclass(frozen=True)
class Cue:
    """A pattern over a comment's lower-case text and the valence it carries."""

    rule: str
    pattern: re.Pattern[str]
    valence: float


@dataclass(frozen=True)
class LanguageRules:
    """What one language's reader needs: its lexicon, its small words and its cues."""

    code: str
    lexicon: Mapping[str, float]
    suffixes: tuple[str, ...]
    negators: frozenset[str]
    boosters: Mapping[str, float]
    contrast: frozenset[str]
    repetition: frozenset[str]
    cues: tuple[Cue, ...]
    ask: re.Pattern[str]
    announce: re.Pattern[str]
    # Word beginnings that carry a valence in every form ("retras" for retraso, retrasado,
    # retrasar): these languages inflect more than the lexicons list.
    stems: Mapping[str, float] = field(default_factory=dict)
    figures: Figures | None = None
    # Words that make the good word after them a fault ("zu optimistisch"), unless that
    # word is a verb, told by its ending ("zu verbessern").
    excess: frozenset[str] = frozenset()
    verb_endings: tuple[str, ...] = ()
    # A concession opening the comment ("Obwohl …,", "A pesar de …,"): its clause counts
    # half and the rest decides, as after "aber".
    concession: re.Pattern[str] | None = None
    # Heads of compounds that carry their valence after any first part ("Systemausfall").
    heads: Mapping[str, float] = field(default_factory=dict)
    # Negators that follow the good word they turn, within its clause ("klappt leider
    # nicht", "passt so nicht"), and the words that open the next clause.
    negators_after: frozenset[str] = frozenset()
    clause_words: frozenset[str] = frozenset()
    _forms: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def valence(self, word: str) -> float:
        """The lexicon valence of a word, through its inflected endings; 0.0 if none."""
        found = self._forms.get(word)
        if found is None:
            found = self.lexicon.get(word, 0.0)
            if word not in self.lexicon:
                found = self._inflected(word)
            self._forms[word] = found
        return found

    def knows(self, text: str) -> bool:
        """Whether any word of the text carries a valence in this language."""
        return any(self.valence(word) for word in _TOKEN.findall(text.lower()) if word.isalpha())

    def _inflected(self, word: str) -> float:
        for suffix in self.suffixes:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= _MIN_STEM and stem in self.lexicon:
                return self.lexicon[stem]
        for end in range(len(word), _MIN_STEM - 1, -1):
            if word[:end] in self.stems:
                return self.stems[word[:end]]
        for start in range(_MIN_MODIFIER, len(word) - _MIN_STEM + 1):
            if word[start:] in self.heads:
                return self.heads[word[start:]]
        return 0.0


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: str
    phrase: str
    valence: float
    position: int  # the token index, for the contrast weighting; -1 for cues and emoji


def _claimed(low: str, rules: LanguageRules) -> tuple[list[_Hit], list[tuple[int, int]]]:
    hits: list[_Hit] = []
    spans: list[tuple[int, int]] = []
    if rules.figures is not None:
        for rule, phrase, valence, span in moved_figures(low, rules.figures):
            hits.append(_Hit(rule, phrase, valence, -1))
            spans.append(span)
    for cue in rules.cues:
        for match in cue.pattern.finditer(low):
            if any(start < match.end() and match.start() < end for start, end in spans):
                continue
            hits.append(_Hit(cue.rule, match.group(0).strip(), cue.valence, -1))
            spans.append(match.span())
    return hits, spans


def _word_hits(
    low: str, rules: LanguageRules, spans: list[tuple[int, int]]
) -> tuple[list[_Hit], int | None]:
    """Lexicon hits of the unclaimed words, and the token index of a contrast word."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(low)]
    hits: list[_Hit] = []
    contrast = None
    if rules.concession is not None and rules.concession.match(low):
        contrast = next((i for i, (word, _) in enumerate(tokens) if word == ","), None)
    for index, (word, start) in enumerate(tokens):
        if word in rules.contrast and index > 0 and (contrast is None or index > contrast):
            contrast = index
        if any(s <= start < e for s, e in spans):
            continue
        valence = rules.valence(word)
        if not valence:
            continue
        for back in range(index - 1, max(-1, index - _SCOPE - 1), -1):
            previous = tokens[back][0]
            if previous in _BREAKS:
                break
            if (
                back == index - 1
                and previous in rules.excess
                and valence > 0
                and not word.endswith(rules.verb_endings)
            ):
                valence *= _NEGATION  # "zu optimistisch", "demasiado optimista": a fault
                break
            if previous in rules.negators:
                valence *= _NEGATION
                break
            boost = rules.boosters.get(previous)
            if boost and back == index - 1:
                valence += math.copysign(boost, valence)
        if valence > 0 and rules.negators_after and _negated_after(tokens, index, rules):
            valence *= _NEGATION
        hits.append(_Hit("lexicon", word, valence, index))
    return hits, contrast


def _negated_after(tokens: list[tuple[str, int]], index: int, rules: LanguageRules) -> bool:
    """Whether a negator follows the word in its clause, with no other good word between."""
    for ahead in range(index + 1, min(len(tokens), index + _SCOPE + 1)):
        word = tokens[ahead][0]
        if word in _BREAKS or word in rules.clause_words or rules.valence(word) > 0:
            return False
        if word in rules.negators_after:
            # "nicht nur gut" praises: "not only" turns nothing.
            return ahead + 1 >= len(tokens) or tokens[ahead + 1][0] != "nur"
    return False


def _weighted(hits: list[_Hit], contrast: int | None, repeated: bool) -> list[_Hit]:
    out: list[_Hit] = []
    for hit in hits:
        valence = hit.valence
        if repeated and valence < 0:
            valence *= _REPEATED
        if contrast is not None and hit.position >= 0:
            valence *= _BEFORE_CONTRAST if hit.position < contrast else _AFTER_CONTRAST
        out.append(_Hit(hit.rule, hit.phrase, valence, hit.position))
    return out


def _opener_turned(hits: list[_Hit], opened: bool) -> list[_Hit]:
    """A cheerful first word before a comma and a failure told again is sarcasm.

    "Super, wieder eine Gutschrift falsch verbucht", "Genial, otra vez caído el portal":
    the opener is dropped and the turn of an eye-roll added, as in English.
    """
    first = next((h for h in hits if h.position == 0), None)
    if not opened or first is None or first.valence <= 0:
        return hits
    rest = [h for h in hits if h is not first]
    if sum(h.valence for h in rest) >= 0:
        return hits
    return [*rest, _Hit("sarcasm", first.phrase + ", …", _SARCASM, -1)]


def _emoji_hits(valences: tuple[float, ...], names: tuple[str, ...], negative: float) -> list[_Hit]:
    """Emoji as valences; cheers after a failure ("falsch verbucht 👏") are sarcasm."""
    hits: list[_Hit] = []
    for valence, name in zip(valences, names, strict=True):
        if negative <= FAILURE and valence > 0 and name in CELEBRATION:
            hits.append(_Hit("sarcasm", name, -valence, -1))
        else:
            hits.append(_Hit("emoji", name, valence, -1))
    return hits


def score_with(rules: LanguageRules, text: str) -> tuple[Sentiment, list[Contribution]]:
    """Score one comment with one language's rules and list what moved the score."""
    plain = clean(text)
    low = plain.text.lower()
    cue_hits, spans = _claimed(low, rules)
    word_hits, contrast = _word_hits(low, rules, spans)
    words = set(_TOKEN.findall(low))
    repeated = bool(words & rules.repetition)
    hits = _weighted(cue_hits + word_hits, contrast, repeated)
    again = repeated or any(h.rule in _AGAIN_RULES for h in hits)
    hits = _opener_turned(hits, again and _OPENER.match(low) is not None)
    if plain.eye_rolls and any(h.valence > 0 for h in hits):
        # "Super, schon wieder down 🙃": the praise is the sarcasm, not the verdict.
        hits = [h for h in hits if h.valence <= 0]
        hits.append(_Hit("sarcasm", "eye-roll after praise", _SARCASM, -1))
    elif plain.eye_rolls:
        hits.append(_Hit("sarcasm", "eye-roll", _EXASPERATION, -1))
    hits += _emoji_hits(plain.emoji, plain.emoji_names, sum(min(h.valence, 0) for h in hits))
    valence = sum(h.valence for h in hits)
    if not valence:
        return Sentiment(0.0, 0.0, label_for(0.0)), []
    exclaim = min(low.count("!"), 4) * 0.292
    if exclaim:
        hits.append(_Hit("emphasis", "!", math.copysign(exclaim, valence), -1))
        valence += math.copysign(exclaim, valence)
    divisor = norm(valence)
    polarity = valence / divisor
    contributions = [Contribution(h.rule, h.phrase, h.valence / divisor) for h in hits]
    deciding = sum(h.valence for h in hits if contrast is not None and h.position >= contrast)
    polarity, settled = settle_contrast(polarity, deciding)
    contributions += settled
    stance = any(
        h.rule not in ("lexicon", "emphasis") or abs(h.valence) >= _STRONG_WORD for h in hits
    )
    marker = None if stance else rules.ask.search(low) or rules.announce.search(low)
    polarity, damped = damp(polarity, None if marker is None else marker.group(0))
    contributions += damped
    polarity = max(-1.0, min(1.0, polarity))
    return Sentiment(polarity, min(1.0, abs(polarity)), label_for(polarity)), contributions
