"""Jobs enqueued for the workers take turns between pulses, so a large round does not hold
back a small one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.services.job_queue import take_turns


def test_pulses_take_turns() -> None:
    assert take_turns({1: 3, 2: 1, 3: 2}) == [1, 2, 3, 1, 3, 1]


def test_nothing_due_enqueues_nothing() -> None:
    assert take_turns({}) == []
    assert take_turns({1: 0, 2: -1}) == []


@given(st.dictionaries(st.integers(1, 50), st.integers(0, 30), max_size=8))
def test_each_pulse_gets_its_count_and_a_small_one_is_done_early(counts: dict[int, int]) -> None:
    order = take_turns(counts)
    for pulse, count in counts.items():
        assert order.count(pulse) == max(count, 0)
    for pulse, count in counts.items():
        if count > 0:
            # A pulse with n jobs has them all within the first n rounds of turns.
            last = max(i for i, p in enumerate(order) if p == pulse)
            assert last < count * max(1, sum(1 for c in counts.values() if c > 0))
