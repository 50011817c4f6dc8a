"""How an outbound call to Slack can end badly, in the project's own words.

Every failure of a Slack call is one of three outcomes, raised by the Slack adapter
(`bot/slack/messenger.py`) as a `MessengerError` that carries it:

- `RateLimitedError`: Slack (or Rapport's own limiter) said wait `retry_after` seconds;
  nothing was done;
- `RefusedBySlackError`: Slack answered and said no (`user_not_found`, `not_in_channel`, …);
  trying again will not help until someone changes something;
- `UncertainError`: a timeout, a reset, an HTTP 5xx, a reply that is not Slack's JSON. The
  call may or may not have taken effect, so a sender that must not act twice looks for
  its tagged message before it tries again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["rate_limited", "refused", "uncertain"]


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: Kind
    reason: str
    """A short code safe to store and log (never a message body)."""
    retry_after: float = 0.0


class MessengerError(Exception):
    """A Slack call that did not (certainly) happen; `outcome` says which way."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(f"{outcome.kind}: {outcome.reason}")
        self.outcome = outcome

    @property
    def kind(self) -> Kind:
        return self.outcome.kind

    @property
    def reason(self) -> str:
        return self.outcome.reason


class RateLimitedError(MessengerError):
    def __init__(self, retry_after: float, reason: str = "ratelimited") -> None:
        super().__init__(Outcome("rate_limited", reason, max(retry_after, 0.0)))

    @property
    def retry_after(self) -> float:
        return self.outcome.retry_after


class RefusedBySlackError(MessengerError):
    def __init__(self, reason: str) -> None:
        super().__init__(Outcome("refused", reason))


class UncertainError(MessengerError):
    def __init__(self, reason: str) -> None:
        super().__init__(Outcome("uncertain", reason))


def failure(outcome: Outcome) -> MessengerError:
    """The exception that carries `outcome`."""
    if outcome.kind == "rate_limited":
        return RateLimitedError(outcome.retry_after, outcome.reason)
    if outcome.kind == "refused":
        return RefusedBySlackError(outcome.reason)
    return UncertainError(outcome.reason)
