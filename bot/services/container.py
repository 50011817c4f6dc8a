"""What every use case, listener and clock job receives: built once per process, passed down.

The wiring (`bot/wiring/`) reads the environment into `ProcessSettings` and builds one
`Container`; nothing here reads the environment or opens a connection by itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from slack_sdk import WebClient

from bot.domain.vocabulary import utcnow
from bot.services.process_settings import ProcessSettings
from bot.slack.client import make_client
from bot.slack.pacing import Pacer
from storage.db import Database


@dataclass(frozen=True, slots=True)
class Container:
    """The process's settings, database, Slack client, message pacer and clock."""

    settings: ProcessSettings
    database: Database
    client: WebClient
    now: Callable[[], datetime] = field(default=utcnow)
    # One pacer per process: Slack's message limits are per workspace, not per pulse.
    pacer: Pacer = field(default_factory=lambda: Pacer(10.0))
    # Long work handed off by listeners (fan-out and its retries), bounded per process.
    background: Executor = field(
        default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="background")
    )
    # Set when the process stops, so background waits end at once.
    stopping: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def create(
        cls, settings: ProcessSettings, database: Database, now: Callable[[], datetime] = utcnow
    ) -> Container:
        client = make_client(
            settings.slack_bot_token, settings.slack_api_url, settings.slack_timeout_seconds
        )
        background = ThreadPoolExecutor(
            settings.background_workers, thread_name_prefix="background"
        )
        return cls(settings, database, client, now, Pacer(settings.messages_per_second), background)
