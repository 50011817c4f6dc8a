"""Digest cost: 200 engagements with a year of weekly pulses; time and peak memory per digest.

    python -m bench.digest [--engagements 200] [--weeks 52] [--database-url URL]

Fills a fresh database (SQLite in a temporary directory unless a URL of an empty
database is given) with engagements of 15 people each, a year of closed weekly pulses
with answers, comments and SLA records, and two open alerts per engagement. Then, per
engagement, it times what the weekly job does for one digest — read the history and
assemble (``bot.services.digest.assemble``), then render the text, the blocks and the PNG chart —
and, in a second pass under tracemalloc, the peak of Python allocations per digest.
The digest process's peak resident set (VmHWM, or ``ru_maxrss``) covers what tracemalloc cannot see
(matplotlib's C++ renderer).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import insert, select

from bot.domain.alerts.model import finding_key
from bot.domain.scoring import response_score
from bot.domain.sentiment import score_text
from bot.services.delivery.digests import render
from bot.services.digest.assemble import assemble
from storage.db import Database
from storage.migrate import upgrade
from storage.models import (
    Alert,
    Delivery,
    Engagement,
    Member,
    Pulse,
    Response,
    SlaRecord,
)
from storage.published import publish

START = datetime(2024, 1, 2, 9, 0, tzinfo=UTC)
SIDES = (("client", 8), ("provider", 7))
COMMENTS = (
    "Tickets wait days for a first response.",
    "The release slipped again and nobody told us.",
    "Good collaboration with the service desk this week.",
    "The weekly review is useful and actions get closed.",
    "Requirements change late in the sprint.",
    "Access requests take days to approve.",
)


def fill(database: Database, engagements: int, weeks: int, seed: int) -> list[int]:
    """Bulk-insert the engagements and their year; returns the engagement ids."""
    rng = random.Random(seed)
    polarity = {text: score_text(text).polarity for text in COMMENTS}
    with database.unit_of_work() as session:
        session.execute(
            insert(Engagement),
            [
                {
                    "team_id": "T0BENCH",
                    "name": f"Deal {n:03d}",
                    "client_org": f"Client {n}",
                    "provider_org": f"Provider {n}",
                    "channel_id": f"C{n:08d}",
                    "timezone": "Europe/Berlin",
                    "created_by": "U0LEAD",
                    "created_at": START - timedelta(days=7),
                }
                for n in range(engagements)
            ],
        )
        ids = list(session.scalars(select(Engagement.id).order_by(Engagement.id)))
        members: list[dict[str, Any]] = []
        for eid in ids:
            for side, count in SIDES:
                for i in range(count):
                    role = "lead" if i == 0 else "member"
                    members.append(_member(eid, f"U{side[0].upper()}{eid:05d}{i:02d}", side, role))
            members.append(_member(eid, f"US{eid:05d}", "client", "sponsor"))
        session.execute(insert(Member), members)
        people = session.execute(
            select(Member.id, Member.engagement_id, Member.side, Member.weight).where(
                Member.role != "sponsor"
            )
        ).all()
        by_engagement: dict[int, list[tuple[int, str, float]]] = {}
        for member_id, eid, side, weight in people:
            by_engagement.setdefault(eid, []).append((member_id, side, weight))
        session.execute(
            insert(Pulse),
            [
                {
                    "engagement_id": eid,
                    "status": "closed",
                    "started_by": "clock",
                    "scheduled_for": START + timedelta(weeks=w),
                    "opened_at": START + timedelta(weeks=w),
                    "closes_at": START + timedelta(weeks=w, days=3),
                    "closed_at": START + timedelta(weeks=w, days=3),
                    "evaluated_at": START + timedelta(weeks=w, days=3),
                    "anonymity_min": 3,
                    "client_tolerance": 70,
                    "provider_tolerance": 60,
                    "gap_threshold": 15,
                }
                for eid in ids
                for w in range(weeks)
            ],
        )
        pulses = session.execute(select(Pulse.id, Pulse.engagement_id, Pulse.opened_at)).all()
        deliveries, responses = [], []
        for pulse_id, eid, opened in pulses:
            for member_id, side, weight in by_engagement[eid]:
                deliveries.append(
                    {
                        "pulse_id": pulse_id,
                        "member_id": member_id,
                        "side": side,
                        "weight": weight,
                        "status": "sent",
                        "attempts": 1,
                        "sent_at": opened,
                    }
                )
                if rng.random() < 0.15:
                    continue
                rating = rng.randint(1, 5)
                comment = rng.choice(COMMENTS) if rng.random() < 0.4 else None
                mood = polarity[comment] if comment else None
                responses.append(
                    {
                        "pulse_id": pulse_id,
                        "member_id": member_id,
                        "rating": rating,
                        "guess": rng.randint(1, 5),
                        "comment": comment,
                        "polarity": mood,
                        "subjectivity": 0.5 if comment else None,
                        "score": response_score(rating, mood),
                        "created_at": opened,
                        "updated_at": opened,
                    }
                )
        session.execute(insert(Delivery), deliveries)
        session.execute(insert(Response), responses)
        for pulse_id, _, _ in pulses:  # each closed pulse's figures, published once
            publish(session, pulse_id, 3)
        session.execute(
            insert(SlaRecord),
            [
                {
                    "engagement_id": eid,
                    "status": rng.choice(("green", "green", "amber", "red")),
                    "recorded_by": "U0LEAD",
                    "recorded_at": START + timedelta(weeks=w, days=-1),
                }
                for eid in ids
                for w in range(weeks)
            ],
        )
        last = {eid: pid for pid, eid, _ in sorted(pulses, key=lambda p: p[2])}
        session.execute(
            insert(Alert),
            [
                {
                    "engagement_id": eid,
                    "rule": rule,
                    "key": finding_key(rule, "client", None),
                    "side": "client",
                    "severity": "warning",
                    "status": "open",
                    "sentence": f"The client side is below its tolerance ({rule}).",
                    "magnitude": 10.0,
                    "details": "",
                    "opened_pulse_id": last[eid],
                    "last_pulse_id": last[eid],
                    "channel_id": f"C{eid:08d}",
                    "owner_user_id": "U0LEAD" if rule == "gap" else None,
                    "opened_at": START + timedelta(weeks=weeks - 3),
                    "updated_at": START,
                }
                for eid in ids
                for rule in ("divergence", "gap")
            ],
        )
    print(
        f"filled: {len(ids)} engagements, {len(pulses)} pulses, {len(deliveries)} deliveries, "
        f"{len(responses)} responses"
    )
    return ids


def _member(eid: int, user: str, side: str, role: str) -> dict[str, Any]:
    return {
        "engagement_id": eid,
        "team_id": "T0BENCH",
        "user_id": user,
        "side": side,
        "role": role,
        "weight": 1.0,
        "status": "active",
        "added_at": START,
    }


def one_digest(database: Database, engagement_id: int, now: datetime) -> int:
    with database.reading() as session:
        engagement = session.get_one(Engagement, engagement_id)
        digest = assemble(session, engagement, now)
    return len(render(digest).chart)


def peak_rss_mb() -> float:
    """This process's peak resident set: VmHWM on Linux (ru_maxrss survives exec there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(url: str, weeks: int) -> None:
    """The digest passes, in a process of their own so its peak RSS is theirs alone."""
    database = Database(url, os.environ["RAPPORT_SECRET_KEY"])
    with database.reading() as session:
        ids = list(session.scalars(select(Engagement.id).order_by(Engagement.id)))
    now = START + timedelta(weeks=weeks, days=6)
    rss_start = peak_rss_mb()
    first = time.perf_counter()
    one_digest(database, ids[0], now)  # fonts and caches warm up here
    first = time.perf_counter() - first
    times, sizes = [], []
    for eid in ids:
        began = time.perf_counter()
        sizes.append(one_digest(database, eid, now))
        times.append(time.perf_counter() - began)
    rss_end = peak_rss_mb()
    peaks = []
    tracemalloc.start()
    for eid in ids:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        one_digest(database, eid, now)
        peaks.append((tracemalloc.get_traced_memory()[1] - base) / 2**20)
    tracemalloc.stop()
    database.dispose()
    ms = sorted(t * 1000 for t in times)
    mb = sorted(peaks)
    p95 = int(len(ids) * 0.95) - 1
    print(
        f"\n{len(ids)} digests, {weeks} weekly pulses each; first digest {first * 1000:.0f} ms "
        f"(cold caches), chart PNG {statistics.median(sizes) / 1024:.0f} KB"
    )
    print("\n| per digest | p50 | p95 | max |\n| --- | ---: | ---: | ---: |")
    print(f"| time (ms) | {ms[len(ms) // 2]:.0f} | {ms[p95]:.0f} | {ms[-1]:.0f} |")
    print(
        f"| Python peak, tracemalloc (MB) | {mb[len(mb) // 2]:.1f} | {mb[p95]:.1f} | {mb[-1]:.1f} |"
    )
    print(
        f"\npeak RSS of the digest process (VmHWM): {rss_start:.0f} MB after imports, "
        f"{rss_end:.0f} MB after {len(ids) + 1} digests"
    )


def main() -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("--engagements", type=int, default=200)
    args.add_argument("--weeks", type=int, default=52)
    args.add_argument("--database-url", help="an empty database to fill (default: SQLite)")
    args.add_argument("--measure", help=argparse.SUPPRESS)  # the child process: digests only
    options = args.parse_args()
    # Comments are sealed; the measuring child process is given the same key.
    os.environ.setdefault("RAPPORT_SECRET_KEY", Fernet.generate_key().decode())
    if options.measure:
        measure(options.measure, options.weeks)
        return
    with tempfile.TemporaryDirectory() as scratch:
        url = options.database_url or f"sqlite:///{scratch}/bench.db"
        database = Database(url, os.environ["RAPPORT_SECRET_KEY"])
        upgrade(database)
        began = time.perf_counter()
        fill(database, options.engagements, options.weeks, seed=1)
        took = time.perf_counter() - began
        print(f"fill took {took:.1f} s; database {database.engine.dialect.name}")
        database.dispose()
        child = [sys.executable, __file__, "--measure", url, "--weeks", str(options.weeks)]
        subprocess.run(child, check=True)


if __name__ == "__main__":
    main()
