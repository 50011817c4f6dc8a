"""The Slack Web API client every process uses: retries transient failures, waits out 429s."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

TIMEOUT_SECONDS = 15
# The bot token of the installation the current request (or clock job) acts through.
_ACTING: ContextVar[str | None] = ContextVar("rapport_acting_token", default=None)


def make_client(token: str | None, base_url: str, timeout: int = TIMEOUT_SECONDS) -> WebClient:
    """A Web API client aimed at `base_url` that retries resets, 429s and 5xx a few times."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            RateLimitErrorRetryHandler(max_retry_count=5),
            ServerErrorRetryHandler(max_retry_count=3),
        ],
    )


def posting_client(client: WebClient) -> WebClient:
    """The same client without blind retries, for posts that must not land twice.

    A post retried after a timeout, a reset or a 5xx may already have taken effect;
    senders of new messages (pulse DMs, alert posts, digests) decide for themselves
    instead (`bot/slack/outcomes.py`), after looking for the message.
    """
    return WebClient(
        token=client.token, base_url=client.base_url, timeout=client.timeout, retry_handlers=[]
    )


class InstallationClient(WebClient):
    """Distributed mode's client: each call carries the token of the installation the
    current request came through (set by `acting_as`), so a use case written for one
    workspace acts for whichever workspace asked. Outside any request it has no token."""

    @property
    def token(self) -> str | None:
        return _ACTING.get() or self._own_token

    @token.setter
    def token(self, value: str | None) -> None:
        self._own_token = value


@contextmanager
def acting_as(token: str | None) -> Iterator[None]:
    """Calls made in this block (and in work it hands to a context-copying pool) use `token`."""
    mark = _ACTING.set(token)
    try:
        yield
    finally:
        _ACTING.reset(mark)


def make_installation_client(base_url: str, timeout: int = TIMEOUT_SECONDS) -> WebClient:
    """Like `make_client`, for distributed mode: the token comes from `acting_as`."""
    return InstallationClient(
        token=None,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            RateLimitErrorRetryHandler(max_retry_count=5),
            ServerErrorRetryHandler(max_retry_count=3),
        ],
    )
