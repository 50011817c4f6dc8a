"""The weekly digests with `JOB_QUEUE=postgres`: the clock claims each sponsor's digest and
enqueues it as a job of its own, once however many clocks ask; only a worker sends, and
each digest lands once (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import select, text

from bot.services import jobs, worker_jobs
from bot.wiring.job_queue import ProcrastinateQueue, job_app
from storage.db import Database
from storage.models import DigestDelivery, PortfolioDigest
from tests.bot.services.digest.test_portfolio_weekly import WEDNESDAY_NIGHT, portfolio_of_two
from tests.bot.services.digest.test_weekly import BERLIN_SPONSORS, NEW_YORK_SPONSOR, digests_to
from tests.support.keys import key_for
from tests.support.queue import app_with_queue, work_off
from tests.support.running import RunningApp
from tests.support.slack_api import SlackStandIn

pytestmark = pytest.mark.postgres
SPONSORS = (*BERLIN_SPONSORS, NEW_YORK_SPONSOR)


@pytest.fixture
def queued(standin: SlackStandIn, postgres_url: str) -> Iterator[RunningApp]:
    with app_with_queue(standin, postgres_url) as running:
        # U0SPA sponsors both engagements (one portfolio digest), U0SPB Acme, U0SPC Initech.
        portfolio_of_two(running.database)
        running.clock.frozen = WEDNESDAY_NIGHT
        yield running


def waiting_digests(rapport: RunningApp) -> list[tuple[str, int]]:
    """The digest jobs not started yet: (kind, claim), in claim order."""
    with rapport.database.reading() as session:
        rows = session.execute(
            text(
                "SELECT args->>'kind', (args->>'item_id')::int FROM procrastinate_jobs "
                "WHERE status = 'todo' AND args->>'kind' LIKE '%digest' ORDER BY 1, 2"
            )
        ).all()
    return [(kind, item) for kind, item in rows]


def claims(rapport: RunningApp) -> list[tuple[str, int]]:
    with rapport.database.reading() as session:
        own = session.scalars(select(DigestDelivery.id)).all()
        portfolio = session.scalars(select(PortfolioDigest.id)).all()
    return sorted([("digest", c) for c in own] + [("portfolio_digest", c) for c in portfolio])


def test_each_due_digest_is_a_job_of_its_own_enqueued_once_by_two_clocks(
    queued: RunningApp, postgres_url: str
) -> None:
    rapport = queued
    database = Database(postgres_url, key_for(postgres_url))
    other = ProcrastinateQueue(job_app(database, rapport.container), database)
    start = threading.Barrier(2)
    counts: list[int] = []

    def clock(enqueue: object) -> None:
        start.wait()
        counts.append(enqueue())  # type: ignore[operator]

    clocks = [
        threading.Thread(target=clock, args=(lambda: jobs.send_digests(rapport.container),)),
        threading.Thread(
            target=clock,
            args=(lambda: worker_jobs.enqueue_digests(rapport.container, other),),
        ),
    ]
    try:
        for thread in clocks:
            thread.start()
        for thread in clocks:
            thread.join()
    finally:
        other.close()
        database.dispose()
    # Three sponsors: two engagements' digests and one portfolio digest, one job each.
    assert sum(counts) == 3
    assert waiting_digests(rapport) == claims(rapport)
    assert [kind for kind, _ in claims(rapport)] == ["digest", "digest", "portfolio_digest"]
    # Nothing is sent before a worker runs the jobs.
    assert [digests_to(rapport.standin, user) for user in SPONSORS] == [(0, 0)] * 3

    work_off(rapport.database, rapport.container)
    assert [digests_to(rapport.standin, user) for user in SPONSORS] == [(1, 1)] * 3
    assert waiting_digests(rapport) == []

    # The clock asking again that week enqueues nothing, and nothing more is sent.
    assert jobs.send_digests(rapport.container) == 0
    work_off(rapport.database, rapport.container)
    assert [digests_to(rapport.standin, user) for user in SPONSORS] == [(1, 1)] * 3
    with rapport.database.reading() as session:
        statuses = set(session.scalars(select(DigestDelivery.status)))
        statuses |= set(session.scalars(select(PortfolioDigest.status)))
    assert statuses == {"sent"}


def test_a_digest_job_run_twice_sends_nothing_more(queued: RunningApp) -> None:
    rapport = queued
    assert jobs.send_digests(rapport.container) == 3
    with rapport.database.reading() as session:
        due = session.execute(
            text(
                "SELECT args->>'kind', (args->>'item_id')::int, args->>'seen' "
                "FROM procrastinate_jobs WHERE args->>'kind' LIKE '%digest'"
            )
        ).all()
    work_off(rapport.database, rapport.container)
    assert [digests_to(rapport.standin, user) for user in SPONSORS] == [(1, 1)] * 3
    # The same jobs again (one put back after its worker was cut off): each finds its claim
    # taken and settled, and sends nothing.
    for kind, claim, seen in due:
        again = worker_jobs.deliver_item(
            rapport.container, kind, claim, datetime.fromisoformat(seen)
        )
        assert again is False
    assert [digests_to(rapport.standin, user) for user in SPONSORS] == [(1, 1)] * 3
