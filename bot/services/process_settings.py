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
    # Work that leaves a listener (fan-out) runs on this many background threads; Bolt's
    # own listener pool has `listener_threads`. Waitress: connections and idle timeout.
    background_workers: int = 4
    listener_threads: int = 16
    web_connection_limit: int = 500
    web_channel_timeout: int = 30
    # First wait before a failed DM is tried (or checked) again; it doubles, up to 10 min.
    retry_base_seconds: float = 5.0
    # How long one Web API call may take before it counts as timed out (uncertain).
    slack_timeout_seconds: int = 15
    check_token: bool = True  # auth.test at start; SLACK_CHECK_TOKEN=no skips it (offline)
