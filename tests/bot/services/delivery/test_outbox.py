"""The outbox's one rule after a failed try: end on a refusal, back off, give up at the deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.outcomes import Outcome
from bot.services.delivery.outbox import Ended, Retry, retry_or_end

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BASE = timedelta(seconds=5)


def test_slacks_refusal_ends_the_item_with_its_code() -> None:
    assert retry_or_end(Outcome("refused", "not_in_channel"), NOW, 1, None, BASE) == Ended(
        "not_in_channel"
    )


def test_an_uncertain_end_is_tried_again_after_a_doubling_wait() -> None:
    timeout = Outcome("uncertain", "timeout")
    assert retry_or_end(timeout, NOW, 1, None, BASE) == Retry("timeout", NOW + BASE)
    assert retry_or_end(timeout, NOW, 3, None, BASE) == Retry("timeout", NOW + 4 * BASE)


def test_a_429_is_tried_again_no_sooner_than_slack_allows() -> None:
    held = Outcome("rate_limited", "ratelimited", retry_after=120)
    assert retry_or_end(held, NOW, 1, None, BASE) == Retry(
        "ratelimited", NOW + timedelta(seconds=120)
    )


def test_a_try_that_would_fall_at_the_deadline_is_given_up() -> None:
    timeout = Outcome("uncertain", "timeout")
    assert retry_or_end(timeout, NOW, 1, NOW + BASE, BASE) == Ended("gave up: timeout")
    held = Outcome("rate_limited", "ratelimited", retry_after=60)
    assert retry_or_end(held, NOW, 1, NOW + timedelta(seconds=30), BASE) == Ended(
        "gave up: ratelimited"
    )


@given(
    attempt=st.integers(min_value=1, max_value=40),
    retry_after=st.floats(min_value=0, max_value=3600),
    deadline_in=st.integers(min_value=1, max_value=48 * 3600),
)
def test_no_retry_is_ever_planned_at_or_past_the_deadline_or_before_slack_allows(
    attempt: int, retry_after: float, deadline_in: int
) -> None:
    deadline = NOW + timedelta(seconds=deadline_in)
    after = retry_or_end(Outcome("rate_limited", "x", retry_after), NOW, attempt, deadline, BASE)
    if isinstance(after, Retry):
        assert NOW + timedelta(seconds=retry_after) <= after.at < deadline
    else:
        assert after == Ended("gave up: x")
