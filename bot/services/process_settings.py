"""The process's own settings as one typed value; `bot/wiring/process_settings.py` reads them."""

from __future__ import annotations

from dataclasses import dataclass

SLACK_API_DEFAULT = "https://slack.com/api/"
DATABASE_DEFAULT = "sqlite:///rapport.db"


@dataclass(frozen=True, slots=True)
class ProcessSettings:
    """Everything the processes need to know about their environment."""

    slack_bot_token: str
    slack_signing_secret: str = ""  # empty for processes that receive no requests (clock, run)
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_DEFAULT
    database_url: str = DATABASE_DEFAULT
    port: int = 3000
    host: str = "0.0.0.0"  # noqa: S104 - a web process listens on all interfaces
    web_threads: int = 8
    messages_per_second: float = 10.0
    clock_interval_seconds: int = 30
    grace_hours: int = 6
    stale_sending_seconds: int = 300
    check_token: bool = True  # auth.test at start; SLACK_CHECK_TOKEN=no skips it (offline)
