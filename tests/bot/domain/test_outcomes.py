"""How a Slack call can end badly: each failure carries its outcome, and back again."""

from __future__ import annotations

import pytest

from bot.domain.outcomes import (
    MessengerError,
    Outcome,
    RateLimitedError,
    RefusedBySlackError,
    UncertainError,
    failure,
)


@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        (Outcome("rate_limited", "ratelimited", 30.0), RateLimitedError),
        (Outcome("refused", "user_not_found"), RefusedBySlackError),
        (Outcome("uncertain", "timeout"), UncertainError),
    ],
)
def test_an_outcome_becomes_its_own_error_and_back(
    outcome: Outcome, kind: type[MessengerError]
) -> None:
    error = failure(outcome)
    assert type(error) is kind and isinstance(error, MessengerError)
    assert error.outcome == outcome
    assert (error.kind, error.reason) == (outcome.kind, outcome.reason)
    assert outcome.reason in str(error)


def test_a_rate_limit_never_asks_to_wait_a_negative_time() -> None:
    assert RateLimitedError(-5).retry_after == 0.0
    assert RateLimitedError(2.5).retry_after == 2.5
    assert RateLimitedError(1, "pacing").reason == "pacing"


def test_a_failure_is_caught_as_one_kind_of_error() -> None:
    with pytest.raises(MessengerError) as caught:
        raise RefusedBySlackError("not_in_channel")
    assert caught.value.kind == "refused"
