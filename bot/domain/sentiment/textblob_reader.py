"""TextBlob's pattern analyzer, loaded without importing the `textblob` package.

`import textblob` imports NLTK, which takes about 0.6 s and is not needed to score a
list of words: the analyzer lives in `textblob/_text.py` (standard library only) and
reads `textblob/en/en-sentiment.xml`. Loading that one file keeps `rapport score`'s
start-up well under a second and gives exactly the scores `textblob.en.sentiment` gives.
"""

from __future__ import annotations

import importlib.util
import sys
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


def pattern_sentiment(words: list[str]) -> PatternScore:
    """TextBlob's polarity and subjectivity of a list of words."""
    score = _analyzer()(words)
    return PatternScore(float(score[0]), float(score[1]), bool(score.assessments))
