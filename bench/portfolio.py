"""Portfolio cost: a sponsor of 50 engagements with a year of pulses each.

    python -m bench.portfolio [--engagements 50] [--weeks 52] [--database-url URL]
    python -m bench.portfolio --engagements 3 --weeks 4      # the tiny size, for CI

Fills a fresh database (``bench/portfolio_fill.py``: 15 people per engagement, a year
of closed weekly pulses with answers and comments, published once, and up to three open
findings of mixed severity, some escalated, per engagement), and makes one person the
sponsor of every engagement. Then, in a process of its own (so
its peak resident set is the measurement's alone), it times what answers
``/rapport portfolio`` after the acknowledgement (read every engagement's published
figures, findings and actions, rank, write the reply), and the weekly portfolio digest
(the same, plus each engagement's digest input, the blocks and the chart with a panel
per engagement). As a baseline measured in the same run: one engagement's digest, the
thing a sponsor of one gets today. Prints each figure and its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta

from sqlalchemy import insert, select

from bench.digest import START, _member, one_digest, peak_rss_mb
from bench.portfolio_fill import fill
from bot.domain.portfolio_text import portfolio_text
from bot.services.digest.portfolio_digest import portfolio_digest
from bot.services.portfolio import portfolio
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Engagement, Member

SPONSOR = ("T0BENCH", "U0PORTFOLIO")
ROUNDS = 5


def sponsor_everything(database: Database) -> None:
    with database.unit_of_work() as session:
        ids = list(session.scalars(select(Engagement.id).order_by(Engagement.id)))
        session.execute(
            insert(Member), [_member(eid, SPONSOR[1], "client", "sponsor") for eid in ids]
        )


def _timed(work: object) -> tuple[float, object]:
    began = time.perf_counter()
    result = work()  # type: ignore[operator]
    return time.perf_counter() - began, result


def measure(url: str, weeks: int) -> None:
    imported = peak_rss_mb()
    database = Database(url)
    now = START + timedelta(weeks=weeks, days=6)
    with database.reading() as session:
        first = session.scalars(select(Engagement.id).order_by(Engagement.id)).first()
    assert first is not None

    def reply() -> str:
        with database.reading() as session:
            return portfolio_text(portfolio(session, SPONSOR[0], SPONSOR[1], now))

    def digest() -> int:
        with database.reading() as session:
            return len(portfolio_digest(session, SPONSOR, now, "Europe/Berlin").chart)

    cold, _ = _timed(digest)  # fonts and caches warm up here
    for _ in range(2):
        reply()
        digest()
    portfolio_rss = peak_rss_mb()  # before any one-engagement digest runs in this process
    one_digest(database, first, now)
    # Round by round, so each ratio compares figures taken under the same load.
    baseline, replies, digests = [], [], []
    for _ in range(ROUNDS):
        baseline.append(_timed(lambda: one_digest(database, first, now))[0])
        replies.append(_timed(reply))
        digests.append(_timed(digest))
    tracemalloc.start()
    digest()
    python_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    with database.reading() as session:
        count = len(portfolio(session, SPONSOR[0], SPONSOR[1], now))
    database.dispose()
    base = statistics.median(baseline)
    reply_s = statistics.median(t for t, _ in replies)
    digest_s = statistics.median(t for t, _ in digests)
    reply_ratio = statistics.median(r[0] / b for r, b in zip(replies, baseline, strict=True))
    digest_ratio = statistics.median(d[0] / b for d, b in zip(digests, baseline, strict=True))
    print(f"\nportfolio of {count} engagements, {weeks} weekly pulses each; median of {ROUNDS}")
    print("\n| what | time (ms) | × one engagement's digest |\n| --- | ---: | ---: |")
    print(f"| one engagement's digest, chart included (baseline) | {base * 1000:.0f} | 1.0 |")
    print(f"| `/rapport portfolio` reply | {reply_s * 1000:.0f} | {reply_ratio:.1f} |")
    print(
        f"| portfolio digest with its chart ({digests[0][1] // 1024} KB PNG) "  # type: ignore[operator]
        f"| {digest_s * 1000:.0f} | {digest_ratio:.1f} |"
    )
    print(
        f"\nratios: median of the {ROUNDS} rounds' own ratios. First portfolio digest of the "
        f"process (cold caches): {cold * 1000:.0f} ms; "
        f"Python peak of one portfolio digest (tracemalloc) {python_peak:.1f} MB; peak RSS "
        f"(VmHWM) {imported:.0f} MB after imports, {portfolio_rss:.0f} MB after three portfolio "
        f"replies and digests, {peak_rss_mb():.0f} MB once the baselines ran too"
    )


def main() -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("--engagements", type=int, default=50)
    args.add_argument("--weeks", type=int, default=52)
    args.add_argument("--database-url", help="an empty database to fill (default: SQLite)")
    args.add_argument("--measure", help=argparse.SUPPRESS)
    options = args.parse_args()
    if options.measure:
        measure(options.measure, options.weeks)
        return
    with tempfile.TemporaryDirectory() as scratch:
        url = options.database_url or f"sqlite:///{scratch}/bench.db"
        database = Database(url)
        upgrade(database)
        fill(database, options.engagements, options.weeks, seed=1)
        sponsor_everything(database)
        print(f"database {database.engine.dialect.name}")
        database.dispose()
        child = [sys.executable, "-m", "bench.portfolio", "--measure", url]
        subprocess.run([*child, "--weeks", str(options.weeks)], check=True)


if __name__ == "__main__":
    main()
