"""Two clocks at once: one leads; and even two acting together send each DM once."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from bot.services import jobs
from bot.wiring.clock import Clock
from bot.wiring.container import Container
from storage.db import Database
from storage.leader import Leadership
from storage.models import Delivery
from tests.support import flows
from tests.support.keys import TEST_KEY
from tests.support.running import RunningApp

DUE = datetime(2026, 1, 13, 9, 0, tzinfo=UTC)


@pytest.mark.postgres
def test_only_one_clock_leads_and_a_standby_takes_over(postgres_url: str) -> None:
    first, second = Database(postgres_url, TEST_KEY), Database(postgres_url, TEST_KEY)
    a, b = Leadership(first), Leadership(second)
    try:
        assert a.is_leader()
        assert not b.is_leader()
        assert a.is_leader()  # still
        a.release()  # the leader's process dies: its connection, and lock, go with it
        assert b.is_leader()
        assert not a.is_leader()
    finally:
        a.release()
        b.release()
        first.dispose()
        second.dispose()


def unsettled(rapport: RunningApp) -> int:
    with rapport.database.reading() as session:
        stmt = select(func.count()).where(Delivery.status.in_(("pending", "sending")))
        return int(session.scalar(stmt) or 0)


def test_two_clocks_acting_together_send_each_dm_once(rapport: RunningApp) -> None:
    """Leader election aside, the rows alone keep sends single: unique slots, claimed DMs."""
    with time_machine.travel(DUE - timedelta(days=3), tick=False) as traveller:
        flows.engagement_with_people(rapport)
        flows.add(rapport, tuple(f"U0MANY{i:02d}" for i in range(20)), "client")
        traveller.move_to(DUE)
        second = Database(rapport.database.url, rapport.database.key)
        others = Container(
            rapport.container.settings,
            second,
            rapport.container.client,
            rapport.container.now,
            rapport.container.pacer,
        )
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def act(container: Container) -> None:
            try:
                barrier.wait()
                jobs.open_due_pulses(container)
                jobs.send_pending(container)
            except BaseException as error:
                errors.append(error)

        def both_act() -> None:
            threads = [threading.Thread(target=act, args=(s,)) for s in (rapport.container, others)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        both_act()
        # A send that timed out on a busy machine is checked and settled by later ticks,
        # which both clocks again take together. An unlisted app reads one DM history a
        # minute, so each tick checks one: as many ticks as there are people, at most.
        for _ in range(27):
            if not unsettled(rapport):
                break
            traveller.shift(timedelta(minutes=15))
            both_act()
        second.dispose()
    assert errors == []
    counts = Counter(c.params["channel"] for c in rapport.standin.dms())
    assert len(counts) == 27 and set(counts.values()) == {1}


def test_the_clock_ticks_on_schedule_and_survives_a_failing_job(rapport: RunningApp) -> None:
    ran: list[str] = []

    def broken(_services: Container) -> None:
        ran.append("broken")
        raise RuntimeError("boom")

    clock = Clock(
        rapport.container, extra={"digests.send": broken, "after": lambda s: ran.append("after")}
    )
    clock.tick()
    clock.leadership.release()
    assert ran == ["broken", "after"]
