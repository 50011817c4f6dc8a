"""What every use case, listener and clock job receives: built once per process, passed down.

The wiring (`bot/wiring/`) reads the environment into `ProcessSettings` and builds one
`Container`; nothing here reads the environment or opens a connection by itself.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from slack_sdk import WebClient

from bot.domain import operator_text
from bot.domain.vocabulary import utcnow
from bot.services.job_queue import JobQueue
from bot.services.messenger import Messenger
from bot.slack.client import InstallationClient, make_client, make_installation_client
from bot.slack.messenger import SlackMessenger
from bot.slack.pacing import Pacer, PerConversation, PerWorkspace, Unpaced, pacer_for
from bot.slack.routing import Router
from bot.slack.workspaces import Installations
from bot.wiring.settings import DISTRIBUTED, ProcessSettings
from storage.db import Database
from storage.installations import InstallationStore
from storage.secrets import TokenCipher

logger = logging.getLogger(__name__)
T = TypeVar("T")


class ContextPool(ThreadPoolExecutor):
    """A thread pool whose work runs in the context of whoever handed it over, so the
    installation a request acts through (`bot.slack.client.acting_as`) follows its work."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        return super().submit(contextvars.copy_context().run, fn, *args, **kwargs)


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
    # Distributed mode: every workspace's installation (None in single-workspace mode).
    installations: Installations | None = None
    # `JOB_QUEUE=postgres`: where the clock and web put sends for `rapport worker`.
    queue: JobQueue | None = None
    # One pace per channel posted in (about one post a second each), as `pacer` is shared.
    conversations: PerConversation = field(default_factory=PerConversation)

    @property
    def messenger(self) -> Messenger:
        """Slack, as use cases see it: the process's client behind the `Messenger` port."""
        return SlackMessenger(self.client, self.pacer, self.conversations)

    @classmethod
    def create(
        cls, settings: ProcessSettings, database: Database, now: Callable[[], datetime] = utcnow
    ) -> Container:
        background = ContextPool(settings.background_workers, thread_name_prefix="background")
        # On PostgreSQL the pace is shared by every process sending to the workspace.
        pacer = pacer_for(database, "single", settings.messages_per_second)
        if settings.mode == DISTRIBUTED:
            routed, installations = distributed(settings, database)
            made = cls(
                settings, database, routed, now, Unpaced(), background, installations=installations
            )
        else:
            client = make_client(
                settings.slack_bot_token, settings.slack_api_url, settings.slack_timeout_seconds
            )
            made = cls(settings, database, client, now, pacer, background)
        made = replace(made, conversations=PerConversation(database))
        if settings.job_queue != "postgres":
            return made
        from bot.wiring.job_queue import ProcrastinateQueue, job_app

        return replace(made, queue=ProcrastinateQueue(job_app(database, made), database))


def distributed(
    settings: ProcessSettings, database: Database
) -> tuple[InstallationClient, Installations]:
    """Distributed mode's client, routed per call, and the installations it routes to."""
    client = make_installation_client(settings.slack_api_url, settings.slack_timeout_seconds)
    installations = installations_for(settings, database, client)
    client.route = Router(database, installations).token_for
    client.pacers = PerWorkspace(settings.messages_per_second, database)
    return client, installations


def installations_for(
    settings: ProcessSettings, database: Database, client: WebClient
) -> Installations:
    """The installation store on this database, tokens sealed when a key is set."""
    cipher = TokenCipher(settings.secret_key or database.key)
    if not cipher.encrypts:
        logger.warning(operator_text.TOKENS_IN_PLAINTEXT)
    store = InstallationStore(settings.slack_client_id, database, cipher)
    return Installations(
        store,
        client,
        settings.slack_client_id,
        settings.slack_client_secret,
        settings.token_rotation_minutes,
    )
