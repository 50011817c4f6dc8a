"""Divergence evaluation of a million responses, next to the raw GROUP BY measured in the same run.

    python -m bench.evaluate [--engagements 1000] [--pulses 10] [--responders 100]
                             [--postgres-url URL] [--no-postgres]

Builds the same data on SQLite (a temporary file) and on PostgreSQL (a database this
script creates and drops): engagements with ten pulses each (nine closed and published,
the latest still open) and about a hundred members answering each pulse, split between
the client and the provider side, with stake weights, comments' polarity, guesses,
members away, failed deliveries and SLA records. Then, per backend and for each
engagement's latest close:

- evaluation: `bot.services.evaluation.close_pulses`, as the clock's close job runs it: up
  to `CLOSE_BATCH` pulses per unit of work, closed by one conditional UPDATE; the
  history the decline rule looks back on, the earlier figures and what each close
  publishes read a statement per kind for the batch; then each pulse in its own
  savepoint runs every divergence rule and opens, updates or resolves its alerts;
- raw query: one plain SQL statement, in its own read transaction, that computes the
  same figures (both sides' index, guess index, answered and eligible, withheld below
  the anonymity minimum) for the same pulses with a `GROUP BY`.

Both loops evaluate every engagement's latest close (1,000 of them), so the ratio is
what the close path costs over the bare aggregate. The raw figures must equal the evaluation's.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.orm import Session

from bot.domain.alerts import PulseFigures, SideFigures
from bot.domain.scoring import response_score
from bot.services.closing import CLOSE_BATCH
from bot.services.evaluation import HISTORY, close_pulses
from storage.db import Database
from storage.migrate import upgrade
from storage.models import (
    Base,
    Delivery,
    Engagement,
    Member,
    Pulse,
    Response,
    SlaRecord,
)
from storage.published import prepare, store

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BATCH = 50_000
PUBLISH_BATCH = 500
START = datetime(2025, 1, 7, 9, 0, tzinfo=UTC)

# The same figures `bot.services.evaluation.pulse_figures` gives, in one statement: per pulse and
# side, the stake-weighted mean where nobody carries more than half the weight (the
# heaviest weight is lowered to the sum of the others), withheld below the anonymity
# minimum (never below 3); the blind spot also when one to minimum-1 people answered
# without guessing. Side and weight are the delivery's, as the pulse was sent. With a
# tie for the heaviest weight the cap cannot apply, so which tied value `top_s` picks
# does not matter.
RAW = text(
    """
WITH wanted AS (
    SELECT p.id AS pulse_id,
           CASE WHEN p.anonymity_min < 3 THEN 3 ELSE p.anonymity_min END AS anonymity
    FROM pulses p
    WHERE p.engagement_id = :engagement_id AND p.status = 'closed'
    ORDER BY p.opened_at DESC, p.id DESC
    LIMIT :pulses
), answered AS (
    SELECT r.pulse_id, d.side, d.weight AS w, r.score AS s, (r.guess - 1) * 25.0 AS g,
           MAX(d.weight) OVER (PARTITION BY r.pulse_id, d.side) AS top_w,
           MAX(CASE WHEN r.guess IS NOT NULL THEN d.weight END)
               OVER (PARTITION BY r.pulse_id, d.side) AS top_gw
    FROM responses r
    JOIN deliveries d ON d.pulse_id = r.pulse_id AND d.member_id = r.member_id
    WHERE r.pulse_id IN (SELECT pulse_id FROM wanted) AND r.rating IS NOT NULL
), sums AS (
    SELECT pulse_id, side, COUNT(*) AS n, SUM(w) AS tw, SUM(w * s) AS ts,
           MAX(top_w) AS top_w, MAX(CASE WHEN w = top_w THEN s END) AS top_s,
           COUNT(g) AS gn, SUM(CASE WHEN g IS NOT NULL THEN w END) AS gtw,
           SUM(w * g) AS gts, MAX(top_gw) AS top_gw,
           MAX(CASE WHEN g IS NOT NULL AND w = top_gw THEN g END) AS top_g
    FROM answered GROUP BY pulse_id, side
), eligible AS (
    SELECT d.pulse_id, d.side, COUNT(*) AS n
    FROM deliveries d
    LEFT JOIN responses r ON r.pulse_id = d.pulse_id AND r.member_id = d.member_id
    WHERE d.pulse_id IN (SELECT pulse_id FROM wanted) AND d.status = 'sent'
      AND (d.away_at IS NULL OR r.rating IS NOT NULL)
    GROUP BY d.pulse_id, d.side
), sides AS (
    SELECT 'client' AS side UNION ALL SELECT 'provider'
)
SELECT w.pulse_id, sd.side,
       COALESCE(s.n, 0) AS answered,
       CASE WHEN COALESCE(el.n, 0) > COALESCE(s.n, 0) THEN el.n ELSE COALESCE(s.n, 0) END
           AS eligible,
       CASE WHEN COALESCE(s.n, 0) < w.anonymity THEN NULL
            WHEN s.top_w > s.tw - s.top_w
                THEN (s.ts - (2 * s.top_w - s.tw) * s.top_s) / (2 * (s.tw - s.top_w))
            ELSE s.ts / s.tw END AS idx,
       CASE WHEN COALESCE(s.gn, 0) < w.anonymity THEN NULL
            WHEN s.n > s.gn AND s.n - s.gn < w.anonymity THEN NULL
            WHEN s.top_gw > s.gtw - s.top_gw
                THEN (s.gts - (2 * s.top_gw - s.gtw) * s.top_g) / (2 * (s.gtw - s.top_gw))
            ELSE s.gts / s.gtw END AS guess_idx
FROM wanted w
CROSS JOIN sides sd
LEFT JOIN sums s ON s.pulse_id = w.pulse_id AND s.side = sd.side
LEFT JOIN eligible el ON el.pulse_id = w.pulse_id AND el.side = sd.side
"""
)


@dataclass(frozen=True, slots=True)
class Built:
    engagements: int
    responses: int
    latest: list[tuple[int, int]]  # (engagement id, latest pulse id)
    seconds: float


def batches(rows: Iterator[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL, one executemany on SQLite.

    Every row must carry every column that has no server default, since COPY does not
    apply the models' Python-side defaults.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(model), rows)
        return
    columns = list(rows[0])
    table = model.__tablename__
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def build(database: Database, engagements: int, pulses: int, responders: int) -> Built:
    """Insert the data set with explicit ids, in large executemany batches."""
    began = time.perf_counter()
    rng = random.Random(20250107)
    clients = responders * 6 // 10 + 6
    providers = responders - responders * 6 // 10 + 6
    per_engagement = clients + providers
    engagement_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    pulse_rows: list[dict[str, Any]] = []
    sla_rows: list[dict[str, Any]] = []
    latest: list[tuple[int, int]] = []
    moods: dict[int, tuple[float, float]] = {}
    for e in range(1, engagements + 1):
        engagement_rows.append(
            {
                "id": e,
                "team_id": f"T{e:05d}",
                "name": f"Engagement {e}",
                "client_org": f"Client {e}",
                "provider_org": f"Provider {e}",
                "channel_id": f"C{e:07d}",
                "created_by": "U0LEAD",
                "created_at": START,
                "anonymity_min": rng.choice((3, 3, 3, 5)),
            }
        )
        # Each side's mood drifts over the pulses, so gaps, dips and declines all occur.
        moods[e] = (rng.uniform(1.8, 4.6), rng.uniform(2.5, 4.8))
        for i in range(per_engagement):
            heavy = i in (0, clients)  # one heavy voice per side, so the cap bites
            member_rows.append(
                {
                    "id": (e - 1) * per_engagement + i + 1,
                    "engagement_id": e,
                    "team_id": f"T{e:05d}",
                    "user_id": f"U{i:05d}",
                    "side": "client" if i < clients else "provider",
                    "role": "lead" if heavy else "member",
                    "weight": 40.0 if heavy and rng.random() < 0.5 else rng.choice((1.0, 1.0, 2.0)),
                    "status": "active",
                    "added_at": START,
                }
            )
        for k in range(pulses):
            pulse_id = (e - 1) * pulses + k + 1
            opened = START + timedelta(weeks=k)
            pulse_rows.append(
                {
                    "id": pulse_id,
                    "engagement_id": e,
                    "status": "closed",
                    "started_by": "scheduler",
                    "scheduled_for": opened,
                    "opened_at": opened,
                    "closes_at": opened + timedelta(days=3),
                    "closed_at": opened + timedelta(days=3),
                    "evaluated_at": None,
                    "anonymity_min": engagement_rows[-1]["anonymity_min"],
                    "client_tolerance": 70,
                    "provider_tolerance": 60,
                    "gap_threshold": 15,
                }
            )
        latest.append((e, e * pulses))
        # The latest pulse is still open: the bench closes it as the clock does.
        pulse_rows[-1].update(status="open", closed_at=None)
        if e % 3 == 0:
            sla_rows.append(
                {
                    "engagement_id": e,
                    "status": rng.choice(("green", "green", "amber", "red")),
                    "recorded_by": "U0LEAD",
                    "recorded_at": START,
                }
            )

    def deliveries_and_responses() -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        delivery_id = response_id = 0
        for e in range(1, engagements + 1):
            client_mood, provider_mood = moods[e]
            first = (e - 1) * per_engagement + 1
            for k in range(pulses):
                pulse_id = (e - 1) * pulses + k + 1
                drift = (k - pulses / 2) * rng.uniform(-0.08, 0.08)
                answering = set(
                    rng.sample(range(clients), responders * 6 // 10)
                    + rng.sample(range(clients, per_engagement), responders - responders * 6 // 10)
                )
                for i in range(per_engagement):
                    delivery_id += 1
                    answers = i in answering
                    failed = not answers and rng.random() < 0.3
                    away = (not failed) and rng.random() < (0.02 if answers else 0.4)
                    delivery = {
                        "id": delivery_id,
                        "pulse_id": pulse_id,
                        "member_id": first + i,
                        # The side and weight the member had when the pulse was sent.
                        "side": member_rows[first + i - 1]["side"],
                        "weight": member_rows[first + i - 1]["weight"],
                        "status": "failed" if failed else "sent",
                        "attempts": 1,
                        "away_at": START if away else None,
                    }
                    if not answers:
                        yield delivery, None
                        continue
                    mood = (client_mood if i < clients else provider_mood) + drift
                    rating = max(1, min(5, round(rng.gauss(mood, 0.9))))
                    polarity = rng.uniform(-1, 1) if rng.random() < 0.4 else None
                    response_id += 1
                    yield (
                        delivery,
                        {
                            "id": response_id,
                            "pulse_id": pulse_id,
                            "member_id": first + i,
                            "rating": rating,
                            "guess": rng.randint(1, 5) if rng.random() < 0.6 else None,
                            "polarity": polarity,
                            "score": response_score(rating, polarity),
                            "created_at": START,
                            "updated_at": START,
                        },
                    )

    responses = 0
    with database.unit_of_work() as session:
        for model, rows in (
            (Engagement, engagement_rows),
            (Member, member_rows),
            (Pulse, pulse_rows),
            (SlaRecord, sla_rows),
        ):
            for batch in batches(iter(rows)):
                session.execute(insert(model), batch)
    pending_deliveries: list[dict[str, Any]] = []
    pending_responses: list[dict[str, Any]] = []

    def flush() -> None:
        with database.unit_of_work() as session:
            bulk_insert(session, Delivery, pending_deliveries)
            bulk_insert(session, Response, pending_responses)
        pending_deliveries.clear()
        pending_responses.clear()

    for delivery, response in deliveries_and_responses():
        pending_deliveries.append(delivery)
        if response is not None:
            pending_responses.append(response)
            responses += 1
        if len(pending_deliveries) >= BATCH:
            flush()
    if pending_deliveries:
        flush()
    # Earlier pulses were published when they closed, as the clock does: the look-back
    # reads them. The latest of each engagement is still open, left for the close.
    latest_ids = {pulse_id for _, pulse_id in latest}
    earlier = {row["id"]: row["anonymity_min"] for row in pulse_rows if row["id"] not in latest_ids}
    ids = list(earlier)
    for start in range(0, len(ids), PUBLISH_BATCH):
        with database.unit_of_work() as session:
            chunk = {pulse_id: earlier[pulse_id] for pulse_id in ids[start : start + PUBLISH_BATCH]}
            store(session, prepare(session, chunk).values())
    # What autovacuum does to a product database in the background: statistics, and on
    # PostgreSQL the rows' visibility settled, so the first loop to read freshly copied
    # rows does not pay for writing their hint bits.
    with database.engine.connect() as connection:
        if database.is_postgres:
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql("VACUUM ANALYZE")
        else:
            connection.exec_driver_sql("ANALYZE")
    return Built(engagements, responses, latest, time.perf_counter() - began)


def run_evaluations(database: Database, built: Built) -> tuple[float, dict[int, PulseFigures]]:
    """Each engagement's latest pulse closed through the clock's code path."""
    now = START + timedelta(weeks=52)
    figures: dict[int, PulseFigures] = {}
    began = time.perf_counter()
    ids = [pulse_id for _, pulse_id in built.latest]
    for start in range(0, len(ids), CLOSE_BATCH):  # as the clock closes a tick's pulses
        with database.unit_of_work() as session:
            for evaluation in close_pulses(session, ids[start : start + CLOSE_BATCH], now):
                figures[evaluation.pulse.id] = evaluation.figures
    assert len(figures) == len(ids), "every latest pulse closes"
    return time.perf_counter() - began, figures


def raw_figures(session: Session, engagement_id: int) -> dict[tuple[int, str], tuple[Any, ...]]:
    rows = session.execute(RAW, {"engagement_id": engagement_id, "pulses": HISTORY + 1})
    return {(int(row[0]), str(row[1])): tuple(row[2:]) for row in rows}


def run_raw(database: Database, built: Built) -> tuple[float, dict[tuple[int, str], Any]]:
    """The raw statement per engagement, each in its own read transaction."""
    found: dict[tuple[int, str], Any] = {}
    began = time.perf_counter()
    for engagement_id, _ in built.latest:
        with database.reading() as session:
            found.update(raw_figures(session, engagement_id))
    return time.perf_counter() - began, found


def warm_latest(database: Database, built: Built) -> None:
    """Read the latest pulses' answers and deliveries once, as the raw warm-up does the rest."""
    ids = [pulse_id for _, pulse_id in built.latest]
    with database.reading() as session:
        for model in (Response, Delivery):
            session.execute(
                select(func.count(), func.sum(model.member_id)).where(model.pulse_id.in_(ids))
            )


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def check_agreement(
    built: Built, evaluated: dict[int, PulseFigures], raw: dict[tuple[int, str], Any]
) -> int:
    """Every latest pulse's figures from the raw query equal the evaluation's."""
    checked = 0
    for _, pulse_id in built.latest:
        for side in ("client", "provider"):
            mine: SideFigures = evaluated[pulse_id].of(side)
            answered, eligible, index, guess_index = raw[(pulse_id, side)]
            assert (mine.answered, mine.eligible) == (int(answered), int(eligible)), (
                pulse_id,
                side,
            )
            assert close(mine.index, index), (pulse_id, side, mine.index, index)
            assert close(mine.guess_index, guess_index), (pulse_id, side, mine, guess_index)
            checked += 1
    return checked


def measure(label: str, url: str, args: argparse.Namespace) -> tuple[str, Built, float, float]:
    database = Database(url)
    try:
        upgrade(database)
        built = build(database, args.engagements, args.pulses, args.responders)
        print(
            f"{label}: built {built.engagements:,} engagements, {built.responses:,} responses "
            f"in {built.seconds:.0f} s",
            flush=True,
        )
        run_raw(database, built)  # warm the caches the same way for both loops
        warm_latest(database, built)  # and the still-open pulses' rows, which it skips
        evaluation_seconds, evaluated = run_evaluations(database, built)
        raw_seconds, raw = run_raw(database, built)
        checked = check_agreement(built, evaluated, raw)
        print(f"{label}: indices agree ({checked:,} pulse sides compared)", flush=True)
        return label, built, evaluation_seconds, raw_seconds
    finally:
        database.dispose()


def postgres_database(admin_url: str) -> tuple[str, Any] | str:
    """A fresh database and the engine to drop it with, or why PostgreSQL is skipped."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        admin.dispose()
        return f"PostgreSQL skipped: not reachable at {admin_url} ({type(error).__name__})"
    name = f"rapport_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    return admin.url.set(database=name).render_as_string(hide_password=False), (admin, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=1000)
    parser.add_argument("--pulses", type=int, default=10)
    parser.add_argument("--responders", type=int, default=100)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()

    results: list[tuple[str, Built, float, float]] = []
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            results.append(measure("sqlite", f"sqlite:///{folder}/bench.db", args))
    if not args.no_postgres:
        made = postgres_database(args.postgres_url)
        if isinstance(made, str):
            print(made)
        else:
            url, (admin, name) = made
            try:
                results.append(measure("postgresql", url, args))
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()

    print()
    print(
        f"each engagement's latest close, {HISTORY} earlier pulses in its look-back; "
        "up to 50 closes per unit of work, read together, one savepoint (evaluation); "
        "one read transaction per engagement (raw query)"
    )
    print()
    print("| backend | engagements | responses | evaluation s | raw query s | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, built, evaluation_seconds, raw_seconds in results:
        ratio = evaluation_seconds / raw_seconds
        print(
            f"| {label} | {built.engagements:,} | {built.responses:,} | "
            f"{evaluation_seconds:.2f} | {raw_seconds:.2f} | {ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
