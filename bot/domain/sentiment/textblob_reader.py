"""TextBlob's pattern analyzer, loaded without importing the `textblob` package.

`import textblob` imports NLTK, which takes about 0.6 s and is not needed to score a
list of words: the analyzer lives in `textblob/_text.py` (standard library only) and
reads `textblob/en/en-sentiment.xml`. Loading that one file keeps `rapport score`'s
start-up well under a second and gives exactly the scores `textblob.en.sentiment` gives.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple, Protocol

_PACKAGE = "textblob"


class PatternScore(NamedTuple):
    """Polarity, subjectivity and whether any word carried an opinion."""

    polarity: float
    subjectivity: float
    assessed: bool


class _Analyzer(Protocol):
    def __call__(self, words: list[str]) -> Any: ...


def _package_dir() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(_PACKAGE)
    return Path(next(iter(spec.submodule_search_locations)))


def _load_text_module(path: Path) -> ModuleType:
    name = "bot.domain.sentiment._textblob_text"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@cache
def _analyzer() -> _Analyzer:
    """The English analyzer as `textblob.en` builds it, "-ly" adverbs included."""
    directory = _package_dir()
    text = _load_text_module(directory / "_text.py")
    base: Any = text.Sentiment

    class EnglishSentiment(base):  # type: ignore[misc]
        def load(self, path: str | None = None) -> None:
            base.load(self, path)
            # textblob.en maps "terrible" to adverb "terribly" (+1% accuracy there).
            if not path:
                entries: list[tuple[str, dict[str | None, tuple[float, float, float]]]]
                entries = list(dict.items(self))
                for word, pos in entries:
                    if "JJ" in pos:
                        stem = word[:-1] + "i" if word.endswith("y") else word
                        stem = stem[:-2] if stem.endswith("le") else stem
                        polarity, subjectivity, intensity = pos["JJ"]
                        self.annotate(stem + "ly", "RB", polarity, subjectivity, intensity)

    analyzer: _Analyzer = EnglishSentiment(
        path=str(directory / "en" / "en-sentiment.xml"),
        synset="wordnet_id",
        negations=("no", "not", "n't", "never"),
        modifiers=("RB",),
        modifier=lambda w: w.endswith("ly"),
        language="en",
    )
    return analyzer


@dataclass(frozen=True, slots=True)
class _Table:
    """The analyzer's lexicon flattened for lookups: word -> (polarity, subjectivity, intensity)."""

    scores: dict[str, tuple[float, float, float]]
    modifiers: frozenset[str]  # words the lexicon tags as adverbs ("RB")
    emoticons: dict[str, float]


_NEGATIONS = frozenset(("no", "not", "n't", "never"))
_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"


@cache
def _table() -> _Table:
    analyzer: Any = _analyzer()
    len(analyzer)  # the lexicon loads lazily, on first use
    entries: dict[str, dict[str | None, tuple[float, float, float]]] = dict(dict.items(analyzer))
    scores = {word: tuple(pos[None]) for word, pos in entries.items() if None in pos}
    modifiers = frozenset(word for word, pos in entries.items() if "RB" in pos)
    emoticons: dict[str, float] = {}
    text = sys.modules["bot.domain.sentiment._textblob_text"]
    # Insertion order matters: the first expression listing an emoticon wins, as in TextBlob.
    for (_, polarity), faces in text.EMOTICONS.items():
        for face in faces:
            emoticons.setdefault(face.lower(), float(polarity))
    return _Table(scores, modifiers, emoticons)  # type: ignore[arg-type]


def pattern_sentiment(words: list[str]) -> PatternScore:
    """TextBlob's polarity and subjectivity of a list of words.

    The same walk as `textblob._text.Sentiment.assessments` (modifiers, negation, "!",
    emoticons; no part-of-speech tags), over plain tuples instead of one dict per word,
    which makes it about four times faster and gives the same numbers.
    """
    table = _table()
    scores, modifiers = table.scores, table.modifiers
    found: list[list[float]] = []  # [polarity, subjectivity, intensity, negated]
    modifier: str | None = None
    negation: str | None = None
    for word in words:
        entry = scores.get(word)
        if entry is not None:
            polarity, subjectivity, intensity = entry
            if modifier is None:
                found.append([polarity, subjectivity, intensity, 1.0])
            else:
                last = found[-1]
                last[0] = max(-1.0, min(polarity * last[2], 1.0))
                last[1] = max(-1.0, min(subjectivity * last[2], 1.0))
                last[2] = intensity
            if negation is not None:
                last = found[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1.0
            modifier = word if word in modifiers else None
            negation = word if word in _NEGATIONS else None
            continue
        if modifier is None and negation is None and word.isalpha():
            # Most words: no opinion, nothing pending; only a negation word changes anything.
            if word in _NEGATIONS:
                negation = word
            continue
        if word in _NEGATIONS:
            negation = word
        elif negation and len(word.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            found[-1][3] = -1.0
            negation = None
        elif modifier and len(word) > 2:
            modifier = None
        if word == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, 1.0))
        if word == "(!)":
            found.append([0.0, 1.0, 1.0, 1.0])
        if not word.isalpha() and len(word) <= 5 and word not in _PUNCTUATION:
            face = table.emoticons.get(word)
            if face is not None:
                found.append([face, 1.0, 1.0, 1.0])
    if not found:
        return PatternScore(0.0, 0.0, False)
    polarity = sum(p * -0.5 if negated < 0 else p for p, _, _, negated in found)
    subjectivity = sum(s for _, s, _, _ in found)
    return PatternScore(polarity / len(found), subjectivity / len(found), True)


def textblob_sentiment(words: list[str]) -> PatternScore:
    """TextBlob's own analyzer over the same words, to check `pattern_sentiment` against."""
    score = _analyzer()(words)
    return PatternScore(float(score[0]), float(score[1]), bool(score.assessments))
