"""What a use case runs with: the database, Slack through the Messenger port, the clock.

The composition root (`bot/wiring/container.py`) builds one `Container` per process that
has all of this; use cases and listeners name only what they need, here, so nothing in
the service layer knows how a process is put together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime
from typing import Protocol

from bot.services.job_queue import JobQueue
from bot.services.messenger import Messenger
from storage.db import Database


class SendingSettings(Protocol):
    """The process settings use cases read: how senders wait and retry."""

    @property
    def retry_base_seconds(self) -> float: ...

    @property
    def stale_sending_seconds(self) -> int: ...

    @property
    def grace_hours(self) -> int: ...

    @property
    def worker_concurrency(self) -> int:
        """Sends in flight at once in one process (each waits on one Slack call)."""
        ...


class Installations(Protocol):
    """The workspaces Rapport is installed in (distributed mode only)."""

    def for_team(self, team_id: str) -> object | None:
        """The installation serving a workspace, or None if there is none."""
        ...

    def forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        """Delete a workspace's installation: its tokens are never used again."""
        ...

    def refresh_all(self) -> int:
        """Refresh every rotating token due soon; returns how many were refreshed."""
        ...


class Runtime(Protocol):
    """The process's database, Messenger, clock, background pool and settings."""

    @property
    def settings(self) -> SendingSettings: ...

    @property
    def database(self) -> Database: ...

    @property
    def messenger(self) -> Messenger: ...

    @property
    def now(self) -> Callable[[], datetime]: ...

    @property
    def background(self) -> Executor: ...

    @property
    def stopping(self) -> threading.Event: ...

    @property
    def installations(self) -> Installations | None: ...

    @property
    def queue(self) -> JobQueue | None:
        """The job queue that workers take sends from (None: this process sends itself)."""
        ...
