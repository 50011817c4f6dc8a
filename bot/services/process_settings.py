"""The process's own settings as one typed value; `bot/wiring/process_settings.py` reads them."""

from __future__ import annotations

from dataclasses import dataclass

SLACK_API_DEFAULT = "https://slack.com/api/"
SINGLE_WORKSPACE = "single-workspace"
DISTRIBUTED = "distributed"
DATABASE_DEFAULT = "sqlite:///rapport.db"
# How the Slack app is distributed, which decides Slack's limits on reading history:
# outside the Marketplace (the strict default), built for the company's own workspace, or
# listed in the Marketplace.
APP_DISTRIBUTIONS = ("unlisted", "internal", "marketplace")


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
    # Distributed mode (installed in many workspaces through OAuth) when these are set;
    # `slack_bot_token` is then empty: each workspace's token lives in the database.
    slack_client_id: str = ""
    slack_client_secret: str = ""
    # A Fernet key: stored bot and refresh tokens are encrypted with it when it is set.
    secret_key: str = ""
    # Refresh a rotating token this many minutes before it expires.
    token_rotation_minutes: int = 120
    # Who answers support, privacy and security questions (an email or a URL), for /support.
    support_contact: str = ""
    # One of APP_DISTRIBUTIONS: how often conversation history may be read, and how deep.
    app_distribution: str = APP_DISTRIBUTIONS[0]

    @property
    def mode(self) -> str:
        """`single-workspace` (one bot token) or `distributed` (OAuth installs)."""
        return DISTRIBUTED if self.slack_client_id else SINGLE_WORKSPACE
