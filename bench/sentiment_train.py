"""Fit the learned layer of one language on its development comments, and say if it helps.

Usage: python -m bench.sentiment_train [--lang en|de|es] [--write]

The layer (bot/domain/sentiment/learned.py) is a ridge regression over the rules'
reading and the comment's words and word pairs. Its settings (the ridge penalty, the
smallest number of comments a word must appear in, the dead zone and the scale) are
chosen by leave-one-writer-out cross-validation on the development part only: each
writer's comments are scored by a layer fitted on the other writers', so the figure
says how the layer does on a way of writing it has never read. The rules are scored on
the same comments for comparison. With --write, the layer fitted on every development
comment is written to bot/domain/sentiment/data/learned_<lang>.tsv; the test part is
never read here.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.domain.sentiment import label_for
from bot.domain.sentiment.learned import Model, calibrated, features
from bot.domain.sentiment.reading import SCORERS

DATA = Path(__file__).resolve().parent / "data"
OUT = Path(__file__).resolve().parents[1] / "bot" / "domain" / "sentiment" / "data"
PENALTIES = (10.0, 30.0, 100.0, 300.0)
MIN_COUNTS = (3,)
DEAD_ZONES = (0.0, 0.05, 0.1, 0.15, 0.2)
SCALES = (1.0, 1.5)
# The rules' own reading is penalised far less than a single word: it is the prior.
DENSE_SHARE = 0.01


def development_rows(language: str) -> list[tuple[str, float, str]]:
    """(writer, target in -1..1, text) of a language's development comments."""
    rows = []
    for line in (DATA / "comments" / language / "dev.tsv").read_text("utf-8").splitlines():
        _, writer, rating, text = line.split("\t", 3)
        rows.append((writer, (int(rating) - 3) / 2, text))
    if language == "en":
        path = DATA / "outsourcing" / "dev.tsv"
        for line in path.read_text("utf-8").splitlines():
            _, rating, text = line.split("\t", 2)
            rows.append(("outsourcing-dev", float(rating) / 4, text))
    return rows


def quality(predicted: Sequence[float], truth: Sequence[float]) -> tuple[float, float]:
    """Pearson r and sign accuracy (classes at +/-0.05)."""
    x, y = np.array(predicted), np.array(truth)
    r = float(np.corrcoef(x, y)[0, 1]) if x.std() and y.std() else 0.0
    right = sum(label_for(a) == label_for(b) for a, b in zip(predicted, truth, strict=True))
    return r, right / len(truth)


def fit(
    rows: list[dict[str, float]], targets: np.ndarray, penalty: float, min_count: int
) -> tuple[list[str], np.ndarray]:
    """Names and ridge weights (the last is the bias) fitted on rows of features."""
    counts = Counter(name for row in rows for name in row)
    names = sorted(n for n, c in counts.items() if n.startswith(("=", "rule:")) or c >= min_count)
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(rows), len(names) + 1))
    for i, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                matrix[i, index[name]] = value
    matrix[:, -1] = 1.0
    penalties = np.array(
        [penalty * (DENSE_SHARE if n.startswith(("=", "rule:")) else 1.0) for n in names] + [0.0]
    )
    gram = matrix.T @ matrix + np.diag(penalties)
    weights = np.linalg.solve(gram + 1e-9 * np.eye(len(penalties)), matrix.T @ targets)
    return names, weights


def raw_scores(names: list[str], weights: np.ndarray, rows: list[dict[str, float]]) -> list[float]:
    lookup = dict(zip(names, weights[:-1], strict=True))
    return [
        float(weights[-1]) + sum(v * lookup.get(n, 0.0) for n, v in row.items()) for row in rows
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lang", default="en", choices=sorted(SCORERS))
    parser.add_argument("--write", action="store_true", help="write the fitted layer")
    args = parser.parse_args(argv)
    data = development_rows(args.lang)
    scorer = SCORERS[args.lang]
    readings = [scorer(text) for _, _, text in data]
    rows = [features(t, s.polarity, c) for (_, _, t), (s, c) in zip(data, readings, strict=True)]
    targets = np.array([target for _, target, _ in data])
    writers = sorted({writer for writer, _, _ in data})
    rules = [s.polarity for s, _ in readings]
    # Scored on the comment sets' writers only: the rules were written reading the
    # outsourcing dev part, so the rules would be scored on their own training there.
    judged = [i for i, (w, _, _) in enumerate(data) if w != "outsourcing-dev"]
    print(f"{args.lang}: {len(data)} development comments by {len(writers)} writers")
    print(
        "rules: r {:.3f}, sign {:.1%}".format(
            *quality([rules[i] for i in judged], [float(targets[i]) for i in judged])
        )
    )

    best: tuple[float, tuple[float, int, float, float]] | None = None
    for penalty, min_count in itertools.product(PENALTIES, MIN_COUNTS):
        held_out_raw: dict[int, float] = {}
        for writer in sorted({data[i][0] for i in judged}):
            train = [i for i, (w, _, _) in enumerate(data) if w != writer]
            test = [i for i, (w, _, _) in enumerate(data) if w == writer]
            names, weights = fit([rows[i] for i in train], targets[train], penalty, min_count)
            for i, raw in zip(
                test, raw_scores(names, weights, [rows[i] for i in test]), strict=True
            ):
                held_out_raw[i] = raw
        for dead_zone, scale in itertools.product(DEAD_ZONES, SCALES):
            model = Model({}, 0.0, dead_zone, scale)
            scores = [calibrated(model, held_out_raw[i]) for i in judged]
            r, sign = quality(scores, [float(targets[i]) for i in judged])
            if best is None or r + sign > best[0]:
                best = (r + sign, (penalty, min_count, dead_zone, scale))
            print(
                f"  penalty {penalty:>4} min {min_count} zone {dead_zone:.2f} scale {scale}: "
                f"r {r:.3f} sign {sign:.1%}"
            )
    assert best is not None
    penalty, min_count, dead_zone, scale = best[1]
    print(
        f"best by leave-one-writer-out: penalty {penalty}, min count {min_count}, "
        f"zone {dead_zone}, scale {scale}"
    )
    per_writer: dict[str, list[int]] = defaultdict(list)
    for i, (writer, _, _) in enumerate(data):
        per_writer[writer].append(i)
    if args.write:
        names, weights = fit(rows, targets, penalty, min_count)
        lines = [
            f"# Learned layer for {args.lang}: ridge regression fitted by bench/sentiment_train.py",
            f"# on {len(data)} development comments; penalty {penalty}, min count {min_count}.",
            f"=bias\t{weights[-1]:.6f}",
            f"=dead_zone\t{dead_zone}",
            f"=scale\t{scale}",
        ]
        lines += [
            f"{n}\t{w:.5f}" for n, w in zip(names, weights[:-1], strict=True) if abs(w) >= 5e-4
        ]
        path = OUT / f"learned_{args.lang}.tsv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(lines)} lines, {path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
