"""Sentiment quality and throughput: TextBlob, VADER and Rapport on labelled comment sets.

Usage: python -m bench.sentiment_eval [--data DIR] [--misses SET]

General sets: the ground truth of C.J. Hutto and E. Gilbert, "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014 (tab-separated
id, mean human rating -4..+4, text). Looked for in --data, then $RAPPORT_SENTIMENT_DATA,
then ../shared/data/sentiment/ beside the repository.

In-domain sets: bench/data/outsourcing/{dev,test}.tsv, comments written for this
project as people on an outsourcing account write them, in the same format (see the
README there). The dev part was read while writing the scorer's rules; test is only
measured.

Quality: Pearson r of each tool's score with the rating; three-class macro-F1 and sign
accuracy with classes split at +/-0.05 on the score and on rating / 4. Throughput:
texts per second scoring every text once, in this single-threaded process pinned to
one core.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.domain.sentiment import label_for, score_text

GENERAL_SETS = (
    ("tweets", "tweets_GroundTruth.txt"),
    ("movie", "movieReviewSnippets_GroundTruth.txt"),
    ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
)
IN_DOMAIN_DIR = Path(__file__).resolve().parent / "data" / "outsourcing"
IN_DOMAIN_SETS = (("outsourcing-dev", "dev.tsv"), ("outsourcing-test", "test.tsv"))
LABELS = ("positive", "neutral", "negative")
Scorer = Callable[[str], float]


@dataclass(frozen=True)
class Row:
    """One labelled text: rating on -4..+4."""

    rating: float
    text: str


@dataclass(frozen=True)
class Quality:
    """How one tool's scores on one set compare with the ratings."""

    pearson: float
    macro_f1: float
    sign_accuracy: float


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
    pairs = list(zip(predicted, truth, strict=True))
    for label in LABELS:
        tp = sum(1 for p, t in pairs if p == label and t == label)
        fp = sum(1 for p, t in pairs if p == label and t != label)
        fn = sum(1 for p, t in pairs if p != label and t == label)
        denominator = 2 * tp + fp + fn
        scores.append(2 * tp / denominator if denominator else 0.0)
    return sum(scores) / len(scores)


def quality(scores: Sequence[float], ratings: Sequence[float]) -> Quality:
    """Pearson r, macro-F1 and sign accuracy of scores (-1..1) against ratings (-4..4)."""
    truth = [rating / 4 for rating in ratings]
    predicted = [label_for(score) for score in scores]
    expected = [label_for(value) for value in truth]
    right = sum(1 for p, t in zip(predicted, expected, strict=True) if p == t)
    return Quality(pearson(scores, truth), macro_f1(predicted, expected), right / len(scores))


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


def print_row(name: str, n: int, tool: str, result: Quality, per_second: float) -> None:
    """One line of the Markdown table."""
    print(
        f"| {name} | {n} | {tool} | {result.pearson:.3f} | {result.macro_f1:.3f} "
        f"| {result.sign_accuracy:.1%} | {per_second:,.0f} |"
    )


def print_misses(rows: Sequence[Row]) -> None:
    """Rapport's wrong-sign rows of one set, to read while working on the rules."""
    for row in rows:
        score = score_text(row.text).polarity
        if label_for(score) != label_for(row.rating / 4):
            print(f"{row.rating:+.0f} {score:+.2f}  {row.text}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", help="directory holding the *_GroundTruth.txt files")
    parser.add_argument("--misses", metavar="SET", help="list Rapport's wrong-sign rows of SET")
    args = parser.parse_args(argv)
    directory = data_dir(args.data)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sets = {name: load_set(IN_DOMAIN_DIR / filename) for name, filename in IN_DOMAIN_SETS}
    sets |= {name: load_set(directory / filename) for name, filename in GENERAL_SETS}
    if args.misses:
        print_misses(sets[args.misses])
        return 0
    tools = scorers()
    for scorer in tools.values():  # load lexicons before the clock starts
        scorer("warm up: not bad at all :)")

    print(f"data: {directory}  ({', '.join(f'{n} {len(r)}' for n, r in sets.items())} rows)")
    print()
    print("| set | n | tool | Pearson r | macro-F1 | sign acc. | texts/s |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    pooled: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name in tools}
    general_ratings: list[float] = []
    for set_name, rows in sets.items():
        texts = [row.text for row in rows]
        ratings = [row.rating for row in rows]
        general = set_name in dict(GENERAL_SETS)
        if general:
            general_ratings.extend(ratings)
        for tool, scorer in tools.items():
            scores, seconds = timed_scores(scorer, texts)
            if general:
                pooled[tool] = (pooled[tool][0] + scores, pooled[tool][1] + seconds)
            print_row(set_name, len(rows), tool, quality(scores, ratings), len(rows) / seconds)
    for tool, (scores, seconds) in pooled.items():
        result = quality(scores, general_ratings)
        print_row("combined (general)", len(scores), tool, result, len(scores) / seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
