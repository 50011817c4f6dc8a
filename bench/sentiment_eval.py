"""Sentiment quality and throughput on the VADER paper's labelled sets: TextBlob, VADER, Rapport.

Usage: python bench/sentiment_eval.py [--data DIR]

Data: the ground truth of C.J. Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text", ICWSM 2014 (tab-separated id, mean
human rating -4..+4, text). Looked for in --data, then $RAPPORT_SENTIMENT_DATA, then
../shared/data/sentiment/ beside the repository.

Quality: Pearson r of each tool's score with the mean rating, and three-class macro-F1
with classes split at +/-0.05 on the score and on rating / 4. Throughput: texts per
second scoring every text once, in this single-threaded process pinned to one core.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.sentiment import label_for, score_text

SETS = (
    ("tweets", "tweets_GroundTruth.txt"),
    ("movie", "movieReviewSnippets_GroundTruth.txt"),
    ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
)
Scorer = Callable[[str], float]


@dataclass(frozen=True)
class Row:
    """One labelled text: mean human rating on -4..+4."""

    rating: float
    text: str


def load_set(path: Path) -> list[Row]:
    """Read one tab-separated ground-truth file (CRLF line endings)."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t", 2)
            if len(parts) == 3:
                rows.append(Row(float(parts[1]), parts[2]))
    return rows


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation coefficient."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y) if var_x and var_y else 0.0


def macro_f1(predicted: Sequence[str], truth: Sequence[str]) -> float:
    """Unweighted mean of the per-class F1 over positive, neutral and negative."""
    scores: list[float] = []
    for label in ("positive", "neutral", "negative"):
        pairs = list(zip(predicted, truth, strict=True))
        tp = sum(1 for p, t in pairs if p == label and t == label)
        fp = sum(1 for p, t in pairs if p == label and t != label)
        fn = sum(1 for p, t in pairs if p != label and t == label)
        denominator = 2 * tp + fp + fn
        scores.append(2 * tp / denominator if denominator else 0.0)
    return sum(scores) / len(scores)


def scorers() -> dict[str, Scorer]:
    """The three tools, each returning a polarity-like number in -1..1."""
    vader = SentimentIntensityAnalyzer()

    def textblob(text: str) -> float:
        return float(TextBlob(text).sentiment.polarity)

    def vader_compound(text: str) -> float:
        return float(vader.polarity_scores(text)["compound"])

    def rapport(text: str) -> float:
        return score_text(text).polarity

    return {"TextBlob": textblob, "VADER": vader_compound, "Rapport": rapport}


def timed_scores(scorer: Scorer, texts: Sequence[str]) -> tuple[list[float], float]:
    """Scores and elapsed seconds for one pass over texts."""
    start = time.perf_counter()
    scores = [scorer(text) for text in texts]
    return scores, time.perf_counter() - start


def data_dir(explicit: str | None) -> Path:
    """--data, then $RAPPORT_SENTIMENT_DATA, then ../shared/data/sentiment beside the repo."""
    if explicit:
        return Path(explicit)
    if os.environ.get("RAPPORT_SENTIMENT_DATA"):
        return Path(os.environ["RAPPORT_SENTIMENT_DATA"])
    return Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="directory holding the *_GroundTruth.txt files")
    args = parser.parse_args(argv)
    directory = data_dir(args.data)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sets = {name: load_set(directory / filename) for name, filename in SETS}
    tools = scorers()
    for scorer in tools.values():  # load lexicons before the clock starts
        scorer("warm up: not bad at all :)")

    print(f"data: {directory}  ({', '.join(f'{n} {len(r)}' for n, r in sets.items())} rows)")
    print()
    print("| set | n | tool | Pearson r | macro-F1 | texts/s |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    pooled: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name in tools}
    truth_all: list[float] = []
    for set_name, rows in sets.items():
        texts = [row.text for row in rows]
        truth = [row.rating / 4 for row in rows]
        truth_all.extend(truth)
        truth_labels = [label_for(value) for value in truth]
        for tool, scorer in tools.items():
            scores, seconds = timed_scores(scorer, texts)
            pooled[tool][0].extend(scores)
            pooled[tool] = (pooled[tool][0], pooled[tool][1] + seconds)
            f1 = macro_f1([label_for(s) for s in scores], truth_labels)
            print(
                f"| {set_name} | {len(rows)} | {tool} | {pearson(scores, truth):.3f} "
                f"| {f1:.3f} | {len(rows) / seconds:,.0f} |"
            )
    truth_labels = [label_for(value) for value in truth_all]
    for tool, (scores, seconds) in pooled.items():
        f1 = macro_f1([label_for(s) for s in scores], truth_labels)
        print(
            f"| combined | {len(scores)} | {tool} | {pearson(scores, truth_all):.3f} "
            f"| {f1:.3f} | {len(scores) / seconds:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
