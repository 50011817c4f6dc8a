"""The learned layer: a linear model over the rules' reading and the comment's words.

The rules say which kinds of account chat a comment holds (waiting, chasing, a threat,
good news told as an absence); the layer weighs them against each other and against the
words and word pairs around them, as read from the rated development comments. It is a
ridge regression whose weights ship as a small text file beside this module (no download,
no randomness): the same text always gets the same score. A dead zone round zero keeps
status notes, questions and absences neutral. `bench/sentiment_train.py` fits it;
`bench/sentiment_eval.py` shows whether it beats the rules on writers it never saw.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.domain.sentiment.contribution import Contribution
from bot.domain.sentiment.result import Sentiment, label_for

_WORD = re.compile(r":[a-z0-9_+\-]+:|[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,:]\d+)?%?|[?!]")
_NUMBER = re.compile(r"\d")
_PICTOGRAPH = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]")


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of one language's layer, the bias, and the dead zone round zero."""

    weights: dict[str, float]
    bias: float
    dead_zone: float
    scale: float


def words_of(text: str) -> list[str]:
    """Lower-case words, numbers folded to "0", Slack emoji codes and pictographs kept."""
    found = ["0" if _NUMBER.match(word) else word for word in _WORD.findall(text.lower())]
    return found + _PICTOGRAPH.findall(text)


def features(text: str, polarity: float, contributions: Sequence[Contribution]) -> dict[str, float]:
    """The layer's inputs: the rules' polarity and each rule's share, words and word pairs."""
    found: dict[str, float] = {"=rules": polarity}
    for contribution in contributions:
        key = "rule:" + contribution.rule
        found[key] = found.get(key, 0.0) + contribution.effect
    words = words_of(text)
    for word in words:
        found["w:" + word] = 1.0
    for first, second in itertools.pairwise(words):
        found[f"b:{first} {second}"] = 1.0
    return found


def parse(text: str) -> Model:
    """A model from its text form: `name<TAB>weight` lines, three of them settings."""
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit("\t", 1)
            weights[name] = float(value)
    bias = weights.pop("=bias", 0.0)
    dead_zone = weights.pop("=dead_zone", 0.0)
    scale = weights.pop("=scale", 1.0)
    return Model(weights, bias, dead_zone, scale)


@cache
def model_for(language: str) -> Model | None:
    """The shipped layer for a language, or None when none is shipped."""
    path = resources.files("bot.domain.sentiment").joinpath(f"data/learned_{language}.tsv")
    if not path.is_file():
        return None
    return parse(path.read_text("utf-8"))


def predict(model: Model, found: dict[str, float]) -> float:
    """The raw linear score of a comment's features."""
    weights = model.weights
    return model.bias + sum(value * weights.get(name, 0.0) for name, value in found.items())


def calibrated(model: Model, raw: float) -> float:
    """The raw score through the dead zone and onto -1..1."""
    size = abs(raw) - model.dead_zone
    if size <= 0:
        return 0.0
    return math.copysign(min(1.0, size * model.scale), raw)


def apply(
    model: Model, text: str, sentiment: Sentiment, contributions: list[Contribution]
) -> tuple[Sentiment, list[Contribution]]:
    """The rules' reading revised by the layer, with the revision as one explanation line."""
    raw = predict(model, features(text, sentiment.polarity, contributions))
    polarity = calibrated(model, raw)
    revised = [*contributions, Contribution("learned layer", "", polarity - sentiment.polarity)]
    return Sentiment(polarity, sentiment.subjectivity, label_for(polarity)), revised
