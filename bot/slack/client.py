"""The Slack Web API client every process uses: retries transient failures, waits out 429s."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

TIMEOUT_SECONDS = 15


def make_client(token: str, base_url: str, timeout: int = TIMEOUT_SECONDS) -> WebClient:
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
