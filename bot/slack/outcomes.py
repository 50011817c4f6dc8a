"""One reading of every way a Slack Web API call can fail, for every sender to act on.

Any exception from a call is one of three outcomes:

- `rate_limited`: HTTP 429; wait `retry_after` seconds and try again (nothing was done);
- `refused`: Slack answered and said no (`user_not_found`, `not_in_channel`, …); trying
  again will not help until someone changes something;
- `uncertain`: a timeout, a reset or refused connection, an HTTP 5xx, Slack's own
  `internal_error`, a reply that is not JSON, or any other exception. The call may or
  may not have taken effect, so a sender that must not act twice checks before it
  tries again.
"""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from bot.domain.outcomes import Outcome

# Error codes Slack returns when the fault was on its side, not in the request.
SLACK_SIDE = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}
)


class HeldBackError(Exception):
    """A call Rapport holds back itself to stay inside Slack's limit for its method."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"held for {retry_after:.0f} s")
        self.retry_after = retry_after


def outcome_of(error: BaseException) -> Outcome:
    """What a failed Slack call means for the item it was for."""
    if isinstance(error, HeldBackError):
        return Outcome("rate_limited", "held", error.retry_after)
    if isinstance(error, SlackApiError):
        status = error.response.status_code
        if status == 429:
            wait = float(error.response.headers.get("Retry-After", 1) or 1)
            return Outcome("rate_limited", "ratelimited", max(wait, 0.0))
        data = error.response.data if isinstance(error.response.data, dict) else {}
        code = str(data.get("error") or "")
        if status >= 500:
            return Outcome("uncertain", f"http_{status}")
        if not code or " " in code:  # the SDK's words for a reply that is not Slack's JSON
            return Outcome("uncertain", "malformed_reply")
        if code in SLACK_SIDE:
            return Outcome("uncertain", code)
        return Outcome("refused", code)
    name = type(error).__name__
    cause = getattr(error, "reason", None)  # urllib's URLError wraps the socket's error
    if (
        isinstance(error, TimeoutError)
        or isinstance(cause, TimeoutError)
        or "timeout" in name.lower()
    ):
        return Outcome("uncertain", "timeout")
    if isinstance(error, ConnectionError | OSError):
        return Outcome("uncertain", "connection_error")
    return Outcome("uncertain", name[:48] or "error")
