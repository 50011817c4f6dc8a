"""Sentiment quality and throughput: TextBlob, VADER and Rapport on labelled comment sets.

Usage: python -m bench.sentiment_eval [--data DIR] [--misses SET] [--size N | --tiny] [--test]
       python -m bench.sentiment_eval --passes N

General sets: the ground truth of C.J. Hutto and E. Gilbert, "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014 (tab-separated
id, mean human rating -4..+4, text). Looked for in --data, then $RAPPORT_SENTIMENT_DATA,
then ../shared/data/sentiment/ beside the repository.

In-domain sets: bench/data/outsourcing/{dev,test}.tsv, comments written for this
project as people on an outsourcing account write them, in the same format (see the
README there). The dev part was read while writing the scorer's rules; test is scored
only with --test, and logged, like the comment sets' test parts.

Comment sets by language: bench/data/comments/{en,de,es}/{dev,test}.tsv (id, writer,
rating 1-5, text), split by writer. Rapport reads each comment as the bot does: the
language is detected, and a comment in a language without a scorer counts as 0. The
test parts are scored only with --test, and every such look is appended to
bench/data/comments/test-looks.log with its figures.

Quality: Pearson r of each tool's score with the rating; three-class macro-F1 and sign
accuracy with classes split at +/-0.05 on the score and on rating / 4; for the comment
sets, the share of comments whose language was detected right. Throughput: texts per
second of CPU time scoring every text once, in this single-threaded process pinned to
one core.
--size N (or --tiny, 30) scores the first N rows of every set, for CI. --passes N times
Rapport alone: the best of N passes over the English dev comments and the earlier dev
set, which says more about throughput on a shared machine than one pass does.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.domain.sentiment import label_for
from bot.domain.sentiment.reading import read_comment

GENERAL_SETS = (
    ("tweets", "tweets_GroundTruth.txt"),
    ("movie", "movieReviewSnippets_GroundTruth.txt"),
    ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
)
IN_DOMAIN_DIR = Path(__file__).resolve().parent / "data" / "outsourcing"
IN_DOMAIN_SETS = (("outsourcing-dev", "dev.tsv"), ("outsourcing-test", "test.tsv"))
COMMENTS_DIR = Path(__file__).resolve().parent / "data" / "comments"
LANGUAGES = ("en", "de", "es")
TEST_LOG = COMMENTS_DIR / "test-looks.log"
TINY = 30
LABELS = ("positive", "neutral", "negative")
Scorer = Callable[[str], float]


@dataclass(frozen=True)
class Row:
    """One labelled text: rating on -4..+4."""

    rating: float
    text: str
    language: str = "en"


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


def load_comments(path: Path, language: str) -> list[Row]:
    """Read one comment set: id, writer, rating 1-5, text; the rating put on -4..+4."""
    rows: list[Row] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t", 3)
        if len(parts) == 4:
            rows.append(Row((int(parts[2]) - 3) * 2.0, parts[3], language))
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

    return {"TextBlob": textblob, "VADER": vader_compound, "Rapport": rapport}


def rapport(text: str) -> float:
    """Rapport's polarity as the bot reads the comment; a comment left unscored counts as 0."""
    sentiment = read_comment(text).sentiment
    return 0.0 if sentiment is None else sentiment.polarity


def timed_scores(scorer: Scorer, texts: Sequence[str]) -> tuple[list[float], float]:
    """Scores and the CPU seconds of one pass over texts.

    CPU time, not wall time: the machine is shared, and time spent waiting for the
    other core's work is not the scorer's.
    """
    start = time.process_time()
    scores = [scorer(text) for text in texts]
    return scores, max(time.process_time() - start, 1e-9)


def data_dir(explicit: str | None) -> Path:
    """--data, then $RAPPORT_SENTIMENT_DATA, then ../shared/data/sentiment beside the repo."""
    if explicit:
        return Path(explicit)
    if os.environ.get("RAPPORT_SENTIMENT_DATA"):
        return Path(os.environ["RAPPORT_SENTIMENT_DATA"])
    return Path(__file__).resolve().parents[2] / "shared" / "data" / "sentiment"


def row_line(name: str, n: int, tool: str, result: Quality, per_second: float, lang: str) -> str:
    """One line of the Markdown table."""
    return (
        f"| {name} | {n} | {tool} | {result.pearson:.3f} | {result.macro_f1:.3f} "
        f"| {result.sign_accuracy:.1%} | {lang} | {per_second:,.0f} |"
    )


def detected_share(rows: Sequence[Row]) -> str:
    """The share of rows whose language Rapport detects as the set's language."""
    right = sum(1 for row in rows if read_comment(row.text).language == row.language)
    return f"{right / len(rows):.0%}"


def print_misses(rows: Sequence[Row]) -> None:
    """Rapport's wrong-sign rows of one set, to read while working on the rules."""
    for row in rows:
        reading = read_comment(row.text)
        score = 0.0 if reading.sentiment is None else reading.sentiment.polarity
        if label_for(score) != label_for(row.rating / 4):
            print(f"{row.rating:+.0f} {score:+.2f} {reading.language}  {row.text}")


def log_test_look(lines: Sequence[str]) -> None:
    """Append a look at the test parts, with the revision and the time, to the log."""
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
        cwd=COMMENTS_DIR,
    ).stdout.strip()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    with TEST_LOG.open("a", encoding="utf-8") as log:
        log.write(f"## {stamp}, revision {revision or 'unknown'}\n")
        log.writelines(line + "\n" for line in lines)


def best_of(passes: int) -> tuple[int, float]:
    """How many English dev texts, and Rapport's best comments per CPU second over passes."""
    texts = [row.text for row in load_comments(COMMENTS_DIR / "en" / "dev.tsv", "en")]
    texts += [row.text for row in load_set(IN_DOMAIN_DIR / "dev.tsv")]
    for text in texts[:50]:  # lexicons and the language model load before the clock starts
        read_comment(text)
    best = 0.0
    for _ in range(passes):
        _, seconds = timed_scores(rapport, texts)
        best = max(best, len(texts) / seconds)
    return len(texts), best


def load_sets(directory: Path, with_test: bool, general: bool = True) -> dict[str, list[Row]]:
    """Every labelled set by name: the outsourcing parts, the comment sets, the general sets."""
    sets = {
        name: load_set(IN_DOMAIN_DIR / filename)
        for name, filename in IN_DOMAIN_SETS
        if with_test or not name.endswith("-test")
    }
    for language in LANGUAGES:
        for part in ("dev", "test") if with_test else ("dev",):
            sets[f"{language}-{part}"] = load_comments(
                COMMENTS_DIR / language / f"{part}.tsv", language
            )
    if general:
        sets |= {name: load_set(directory / filename) for name, filename in GENERAL_SETS}
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", help="directory holding the *_GroundTruth.txt files")
    parser.add_argument("--misses", metavar="SET", help="list Rapport's wrong-sign rows of SET")
    parser.add_argument("--size", type=int, help="score only the first N rows of every set")
    parser.add_argument("--tiny", action="store_true", help=f"the same as --size {TINY}")
    parser.add_argument(
        "--test", action="store_true", help="score the test parts too (each look logged)"
    )
    parser.add_argument("--passes", type=int, metavar="N", help="time Rapport alone, best of N")
    args = parser.parse_args(argv)
    directory = data_dir(args.data)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.passes:
        n, per_second = best_of(args.passes)
        print(f"Rapport: {n} English dev texts, best of {args.passes} passes: {per_second:,.0f}/s")
        return 0
    if args.misses and args.misses.endswith("-test"):
        parser.error("the test parts' misses are never listed")
    size = TINY if args.tiny else args.size
    # A tiny run checks that every scorer runs; it goes on without the general sets when
    # they are not beside the repository, and says so.
    general = size is None or all((directory / name).is_file() for _, name in GENERAL_SETS)
    if not general:
        print(f"general sets not found in {directory}: scoring the sets in the repository only")
    sets = load_sets(directory, args.test, general)
    if size is not None:
        sets = {name: rows[:size] for name, rows in sets.items()}
    if args.misses:
        print_misses(sets[args.misses])
        return 0
    tools = scorers()
    warm_up = (  # load lexicons and the language model before the clock starts
        "warm up: not bad at all :)",
        "Die Zusammenarbeit ist toll, danke.",
        "Seguimos esperando la respuesta.",
        "ticket stuck five days",
    )
    for scorer in tools.values():
        for text in warm_up:
            scorer(text)

    print(f"data: {directory}  ({', '.join(f'{n} {len(r)}' for n, r in sets.items())} rows)")
    print()
    print("| set | n | tool | Pearson r | macro-F1 | sign acc. | language | texts/s |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    pooled: dict[str, tuple[list[float], float]] = {name: ([], 0.0) for name in tools}
    general_ratings: list[float] = []
    test_lines: list[str] = []
    for set_name, rows in sets.items():
        texts = [row.text for row in rows]
        ratings = [row.rating for row in rows]
        general = set_name in dict(GENERAL_SETS)
        comments = set_name[:3] in {f"{language}-" for language in LANGUAGES}
        lang = detected_share(rows) if comments else ""
        if general:
            general_ratings.extend(ratings)
        for tool, scorer in tools.items():
            scores, seconds = timed_scores(scorer, texts)
            if general:
                pooled[tool] = (pooled[tool][0] + scores, pooled[tool][1] + seconds)
            line = row_line(
                set_name, len(rows), tool, quality(scores, ratings), len(rows) / seconds, lang
            )
            print(line)
            if set_name.endswith("-test"):
                test_lines.append(line)
    for tool, (scores, seconds) in pooled.items() if general_ratings else ():
        result = quality(scores, general_ratings)
        print(row_line("combined (general)", len(scores), tool, result, len(scores) / seconds, ""))
    if test_lines and size is None:
        log_test_look(test_lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
