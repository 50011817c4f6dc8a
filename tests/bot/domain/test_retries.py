"""Backoff after failed outbound calls: doubling, capped, and never past a deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.retries import BASE, CAP, backoff, next_attempt

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def test_the_wait_doubles_from_the_base_and_stops_at_the_cap() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [BASE, BASE * 2, BASE * 4]
    assert backoff(40) == CAP


def test_no_retry_is_planned_past_the_deadline() -> None:
    assert next_attempt(NOW, 1, NOW + BASE * 2) == NOW + BASE
    assert next_attempt(NOW, 3, NOW + BASE * 2) is None
    assert next_attempt(NOW, 3, None) == NOW + BASE * 4


@given(st.integers(min_value=1, max_value=10_000))
def test_waits_never_shrink_and_never_exceed_the_cap(attempts: int) -> None:
    assert timedelta(0) < backoff(attempts) <= backoff(attempts + 1) <= CAP
