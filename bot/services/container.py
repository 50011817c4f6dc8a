"""What every use case, listener and clock job receives: built once per process, passed down.

The wiring (`bot/wiring/`) reads the environment into `ProcessSettings` and builds one
`Container`; nothing here reads the environment or opens a connection by itself.
"""

from __future__ import annotations

from collections.abc import Callable
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

    @classmethod
    def create(
        cls, settings: ProcessSettings, database: Database, now: Callable[[], datetime] = utcnow
    ) -> Container:
        client = make_client(settings.slack_bot_token, settings.slack_api_url)
        return cls(settings, database, client, now, Pacer(settings.messages_per_second))
