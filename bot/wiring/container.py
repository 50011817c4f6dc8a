"""What every listener and job needs, built once per process and passed down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.slack.pacing import Pacer
from bot.wiring.process_settings import Settings
from storage.db import Database


def utcnow() -> datetime:
    return datetime.now(UTC)


def make_client(settings: Settings) -> WebClient:
    """A Web API client that waits out 429s and retries transient failures."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=15,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            RateLimitErrorRetryHandler(max_retry_count=5),
            ServerErrorRetryHandler(max_retry_count=3),
        ],
    )


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    database: Database
    client: WebClient
    now: Callable[[], datetime] = field(default=utcnow)
    # One pacer per process: Slack's message limits are per workspace, not per pulse.
    pacer: Pacer = field(default_factory=lambda: Pacer(10.0))

    @classmethod
    def create(
        cls, settings: Settings, database: Database, now: Callable[[], datetime] = utcnow
    ) -> Services:
        return cls(
            settings, database, make_client(settings), now, Pacer(settings.messages_per_second)
        )
