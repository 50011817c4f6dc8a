"""The pacer: bursts, the steady rate, Retry-After for everyone, and many threads at once."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.slack.pacing import Pacer, PacerStats

EPSILON = 1e-6


class FakeClock:
    """Simulated time for one thread: sleeping moves the clock on at once."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[], None] = lambda: None

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0
        self.sleeps.append(seconds)
        self.on_sleep()
        self.now += seconds


class SteppedClock:
    """Simulated time for many threads.

    Time moves only when every worker is asleep or finished, and then straight to the
    earliest wake-up, so a worker that reads the clock right after `acquire()` reads
    the instant it was let through at. A worker stuck anywhere but in `sleep` (say, on
    a lock held by a sleeping thread) stops time, and `run` fails instead of hanging.
    """

    def __init__(self, workers: int) -> None:
        self.now = 0.0
        self._workers = workers
        self._finished = 0
        self._sleepers: dict[int, float] = {}
        self._tickets = itertools.count()
        self._changed = threading.Condition()

    def __call__(self) -> float:
        with self._changed:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._changed:
            ticket = next(self._tickets)
            self._sleepers[ticket] = self.now + seconds
            self._changed.notify_all()
            while ticket in self._sleepers:
                self._changed.wait()

    def finished(self) -> None:
        with self._changed:
            self._finished += 1
            self._changed.notify_all()

    def run(self) -> None:
        """Drive time forward until every worker has finished."""
        with self._changed:
            while True:
                settled = self._changed.wait_for(
                    lambda: len(self._sleepers) + self._finished == self._workers, timeout=30
                )
                assert settled, "a worker neither slept nor finished"
                if self._finished == self._workers:
                    return
                self.now = min(self._sleepers.values())
                for ticket, wake in list(self._sleepers.items()):
                    if wake <= self.now:
                        del self._sleepers[ticket]
                self._changed.notify_all()


def grant_times(pacer: Pacer, clock: FakeClock, sends: int) -> list[float]:
    times = []
    for _ in range(sends):
        pacer.acquire()
        times.append(clock.now)
    return times


def assert_within_bucket(times: list[float], rate: float, burst: int) -> None:
    """No stretch of time holds more sends than the burst plus the rate allows."""
    ordered = sorted(times)
    for i, j in itertools.combinations(range(len(ordered)), 2):
        sends = j - i + 1
        assert sends <= burst + (ordered[j] - ordered[i]) * rate + EPSILON, (i, j, ordered)


def test_a_burst_goes_at_once_then_one_per_interval() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=2, burst=3, clock=clock, sleep=clock.sleep)
    assert grant_times(pacer, clock, 6) == pytest.approx([0, 0, 0, 0.5, 1.0, 1.5])


@given(
    rate=st.floats(min_value=0.1, max_value=100),
    burst=st.integers(min_value=1, max_value=10),
    sends=st.integers(min_value=1, max_value=60),
)
def test_n_sends_take_n_minus_burst_over_rate(rate: float, burst: int, sends: int) -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=rate, burst=burst, clock=clock, sleep=clock.sleep)
    times = grant_times(pacer, clock, sends)
    # At least that long, so Slack's limit holds; and no longer, so nobody waits for nothing.
    assert clock.now == pytest.approx(max(0, sends - burst) / rate, abs=EPSILON)
    assert_within_bucket(times, rate, burst)


def test_an_idle_pacer_refills_to_the_burst_and_no_further() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=1, burst=2, clock=clock, sleep=clock.sleep)
    grant_times(pacer, clock, 2)
    clock.now += 3600
    assert grant_times(pacer, clock, 4) == pytest.approx([3600, 3600, 3601, 3602])


def test_backoff_holds_the_next_send_then_resumes_at_the_steady_rate() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=1, burst=5, clock=clock, sleep=clock.sleep)
    pacer.acquire()
    pacer.backoff(30)
    # The bucket still holds four sends, but Slack said wait: no burst afterwards either.
    assert grant_times(pacer, clock, 3) == pytest.approx([30, 31, 32])


def test_a_short_backoff_never_speeds_sending_up() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=0.1, clock=clock, sleep=clock.sleep)
    pacer.acquire()
    pacer.backoff(1)
    assert grant_times(pacer, clock, 1) == pytest.approx([10])


def test_a_backoff_reaches_a_sender_already_waiting() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=1, clock=clock, sleep=clock.sleep)
    pacer.acquire()

    def another_thread_hits_429() -> None:
        clock.on_sleep = lambda: None
        pacer.backoff(20)

    clock.on_sleep = another_thread_hits_429
    pacer.acquire()
    assert clock.now == pytest.approx(20)
    assert clock.sleeps == pytest.approx([1, 19])


def test_stats_count_sends_waits_and_backoffs() -> None:
    clock = FakeClock()
    pacer = Pacer(rate_per_second=4, burst=2, clock=clock, sleep=clock.sleep)
    assert pacer.stats() == PacerStats(sent=0, waited_seconds=0, backoffs=0)
    grant_times(pacer, clock, 4)
    pacer.backoff(0)
    stats = pacer.stats()
    assert (stats.sent, stats.backoffs) == (4, 1)
    assert stats.waited_seconds == pytest.approx(0.5)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Pacer(rate_per_second=0),
        lambda: Pacer(rate_per_second=-1),
        lambda: Pacer(rate_per_second=float("nan")),
        lambda: Pacer(rate_per_second=1, burst=0),
        lambda: Pacer(rate_per_second=1).backoff(-1),
    ],
)
def test_nonsense_settings_are_refused(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="must"):
        make()


def run_workers(
    clock: SteppedClock,
    pacer: Pacer,
    workers: int,
    sends: int,
    after_send: Callable[[int, int], None],
) -> list[float]:
    times: list[float] = []
    times_lock = threading.Lock()
    failures: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for send in range(sends):
                pacer.acquire()
                with times_lock:
                    times.append(clock())
                after_send(worker, send)
        except BaseException as error:  # surfaced in the main thread below
            failures.append(error)
        finally:
            clock.finished()

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(workers)]
    for thread in threads:
        thread.start()
    clock.run()
    for thread in threads:
        thread.join()
    assert not failures
    return times


def test_many_threads_share_one_bucket() -> None:
    # Every send, from whichever thread, counts against the same bucket; sleepers wake.
    workers, sends, rate, burst = 6, 20, 4.0, 3
    clock = SteppedClock(workers)
    pacer = Pacer(rate_per_second=rate, burst=burst, clock=clock, sleep=clock.sleep)
    times = run_workers(clock, pacer, workers, sends, lambda worker, send: None)
    assert len(times) == workers * sends == pacer.stats().sent
    assert_within_bucket(times, rate, burst)
    assert max(times) == pytest.approx((workers * sends - burst) / rate, abs=EPSILON)


def test_a_backoff_from_one_thread_holds_them_all() -> None:
    workers, sends, rate = 5, 8, 2.0
    clock = SteppedClock(workers)
    pacer = Pacer(rate_per_second=rate, burst=2, clock=clock, sleep=clock.sleep)
    backed_off_at: list[float] = []

    def worker_zero_hits_429(worker: int, send: int) -> None:
        if worker == 0 and send == 2:
            backed_off_at.append(clock())
            pacer.backoff(10)

    times = run_workers(clock, pacer, workers, sends, worker_zero_hits_429)
    (start,) = backed_off_at
    held = [t for t in times if start < t < start + 10 - EPSILON]
    assert held == []
    after = sorted(t for t in times if t > start)
    assert after[0] == pytest.approx(start + 10)
    assert_within_bucket(after, rate, burst=1)
    assert len(times) == workers * sends
