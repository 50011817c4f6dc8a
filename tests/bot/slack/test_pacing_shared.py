"""The pace shared through PostgreSQL: pacers in different processes keep one rate between
them, and a 429 seen by one holds the others."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.pacing import SHARED_MARGIN, PerConversation, PerWorkspace, SharedPacer, pacer_for
from storage.db import Database


@pytest.fixture
def postgres(postgres_url: str) -> Iterator[Database]:
    database = Database(postgres_url)
    yield database
    database.dispose()


@pytest.mark.postgres
def test_two_pacers_on_one_workspace_keep_one_rate_between_them(postgres: Database) -> None:
    # Two processes' pacers (separate objects, separate connections), 20 messages a second.
    first, second = (SharedPacer(postgres, "workspace:T1", 20.0) for _ in range(2))
    sent: list[float] = []
    lock = threading.Lock()

    def send(pacer: SharedPacer) -> None:
        for _ in range(10):
            pacer.acquire()
            with lock:
                sent.append(time.monotonic())

    started = time.monotonic()
    threads = [threading.Thread(target=send, args=(p,)) for p in (first, second, first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 40 messages at 20 a second: the last goes no sooner than 39 intervals after the first.
    assert len(sent) == 40
    assert max(sent) - started >= 39 / 20.0 - 0.05
    # And no one-second window holds more than the rate (plus the one at its edge).
    sent.sort()
    assert max(sum(1 for t in sent if s <= t < s + 1.0) for s in sent) <= 21


@pytest.mark.postgres
def test_a_retry_after_seen_by_one_process_holds_every_other(postgres: Database) -> None:
    seen_by, other = (SharedPacer(postgres, "workspace:T2", 100.0) for _ in range(2))
    other.acquire()
    seen_by.backoff(0.6)
    started = time.monotonic()
    waited = other.acquire()
    assert time.monotonic() - started >= 0.55
    assert waited >= 0.55  # and it says how long, for the claim of the one who sends
    assert seen_by.stats().backoffs == 1


@pytest.mark.postgres
def test_workspaces_are_paced_apart(postgres: Database) -> None:
    pacers = PerWorkspace(5.0, postgres)
    busy, quiet = pacers.of("T3"), pacers.of("T4")
    assert isinstance(busy, SharedPacer) and pacers.of("T3") is busy
    for _ in range(3):
        busy.acquire()
    started = time.monotonic()
    quiet.acquire()
    # The busy workspace's queue does not hold the quiet one back.
    assert time.monotonic() - started < 0.1


def test_sqlite_keeps_the_process_own_pacer(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path}/rapport.db")
    assert not isinstance(pacer_for(database, "T1", 10.0), SharedPacer)
    assert not isinstance(pacer_for(None, "T1", 10.0), SharedPacer)


@pytest.mark.postgres
def test_senders_of_one_process_that_woke_late_still_leave_an_interval_apart(
    postgres: Database,
) -> None:
    # A busy core wakes one sender 80 ms late for its slot; the next sender, on time,
    # goes first, and the late one follows an interval after it, not on its heels.
    def sleep(seconds: float) -> None:
        time.sleep(seconds + (0.08 if threading.current_thread().name == "late" else 0.0))

    pacer = SharedPacer(postgres, "workspace:T5", 20.0, sleep=sleep)
    interval = 1 / (20.0 * SHARED_MARGIN)
    pacer.acquire()  # the next slots are in the future
    went: dict[str, float] = {}

    def send(name: str) -> None:
        pacer.acquire()
        went[name] = time.monotonic()

    late = threading.Thread(target=send, args=("late",), name="late")
    late.start()
    time.sleep(0.01)  # the late sender has taken the earlier slot
    on_time = threading.Thread(target=send, args=("on time",), name="on time")
    on_time.start()
    late.join()
    on_time.join()
    assert went["on time"] < went["late"]
    assert went["late"] - went["on time"] >= 0.9 * interval


@pytest.mark.postgres
def test_a_channels_pace_lets_a_short_burst_through_then_one_a_second(postgres: Database) -> None:
    # Two processes posting in one channel: four posts go at once, the fifth a second on.
    first, second = (PerConversation(postgres).of("C0ALERTS") for _ in range(2))
    started = time.monotonic()
    for pacer in (first, second, first, second):
        pacer.acquire()
    assert time.monotonic() - started < 0.5
    second.acquire()
    assert time.monotonic() - started >= 0.9
