"""The process's settings as one typed value, read from the environment once at start,
saying plainly what is wrong.

Every problem is reported at once, in one line, and each process checks only what it
needs: `clock` and `run` receive no HTTP requests, so they need no signing secret.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from bot.domain import operator_text as text
from bot.wiring.variables import VARIABLES, Reader, number
from storage.secrets import fernet_key_ok

SLACK_API_DEFAULT = VARIABLES["SLACK_API_URL"].default
SINGLE_WORKSPACE = "single-workspace"
DISTRIBUTED = "distributed"
DATABASE_DEFAULT = VARIABLES["DATABASE_URL"].default
# How the Slack app is distributed, which decides Slack's limits on reading history:
# outside the Marketplace (the strict default), built for the company's own workspace, or
# listed in the Marketplace.
APP_DISTRIBUTIONS = ("unlisted", "internal", "marketplace")
# Who sends: the clock and web themselves (the default, one command on SQLite), or
# `rapport worker` processes taking jobs from a queue in PostgreSQL.
JOB_QUEUES = ("embedded", "postgres")
# A claim lapses after a look, a post and a short wait for their turn could have taken
# (three times SLACK_TIMEOUT_SECONDS): a dead sender's messages are taken over within a
# minute; one that waits longer in the pace renews its claim (delivery/lease.py).
LEASE_SECONDS = number("STALE_SENDING_SECONDS")


@dataclass(frozen=True, slots=True)
class ProcessSettings:
    """Everything the processes need to know about their environment."""

    slack_bot_token: str
    slack_signing_secret: str = ""  # empty for processes that receive no requests (clock, run)
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_DEFAULT
    database_url: str = DATABASE_DEFAULT
    port: int = number("PORT")
    host: str = VARIABLES["HOST"].default
    web_threads: int = number("WEB_THREADS")
    messages_per_second: float = float(number("SLACK_MESSAGES_PER_SECOND"))
    clock_interval_seconds: int = number("CLOCK_INTERVAL_SECONDS")
    grace_hours: int = number("PULSE_GRACE_HOURS")
    stale_sending_seconds: int = LEASE_SECONDS
    # Work that leaves a listener (fan-out) runs on this many background threads; Bolt's
    # own listener pool has `listener_threads`. Waitress: connections and idle timeout.
    background_workers: int = number("BACKGROUND_WORKERS")
    listener_threads: int = number("LISTENER_THREADS")
    web_connection_limit: int = number("WEB_CONNECTION_LIMIT")
    web_channel_timeout: int = number("WEB_CHANNEL_TIMEOUT")
    # First wait before a failed DM is tried (or checked) again; it doubles, up to 10 min.
    retry_base_seconds: float = float(number("RETRY_BASE_SECONDS"))
    # How long one Web API call may take before it counts as timed out (uncertain).
    slack_timeout_seconds: int = number("SLACK_TIMEOUT_SECONDS")
    check_token: bool = True  # auth.test at start; SLACK_CHECK_TOKEN=no skips it (offline)
    # Distributed mode (installed in many workspaces through OAuth) when these are set;
    # `slack_bot_token` is then empty: each workspace's token lives in the database.
    slack_client_id: str = ""
    slack_client_secret: str = ""
    # A Fernet key: stored bot and refresh tokens are encrypted with it when it is set.
    secret_key: str = ""
    # Refresh a rotating token this many minutes before it expires.
    token_rotation_minutes: int = number("SLACK_TOKEN_REFRESH_MINUTES")
    # Who answers support, privacy and security questions (an email or a URL), for /support.
    support_contact: str = ""
    # One of APP_DISTRIBUTIONS: how often conversation history may be read, and how deep;
    # `history_spacing_seconds`, when set, replaces its time between two reads of one.
    app_distribution: str = APP_DISTRIBUTIONS[0]
    history_spacing_seconds: int | None = None
    # One of JOB_QUEUES. Sends in flight at once per process (a worker's jobs, or the
    # clock's and web's own sends), and how often an idle worker looks for jobs it was
    # not woken for.
    job_queue: str = JOB_QUEUES[0]
    worker_concurrency: int = number("WORKER_CONCURRENCY")
    worker_poll_seconds: float = 1.0

    @property
    def mode(self) -> str:
        """`single-workspace` (one bot token) or `distributed` (OAuth installs)."""
        return DISTRIBUTED if self.slack_client_id else SINGLE_WORKSPACE


WHERE = "Find it in your Slack app's settings at api.slack.com/apps"


class ConfigError(Exception):
    """A missing or malformed setting; the message tells the operator what to set."""


def _database_url(env: Mapping[str, str]) -> str:
    url = env.get("DATABASE_URL", "").strip() or DATABASE_DEFAULT
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for legacy in ("postgres://", "postgresql://"):
        if url.startswith(legacy):
            url = "postgresql+psycopg://" + url[len(legacy) :]
    if not url.startswith(("sqlite:///", "postgresql+psycopg://")):
        raise ConfigError(
            "DATABASE_URL must be a SQLite URL (sqlite:///path/to/rapport.db) or a PostgreSQL "
            f"URL (postgresql://user@host/dbname), not {url!r}."
        )
    return url


def _api_url(read: Reader) -> str:
    url = read.text("SLACK_API_URL", SLACK_API_DEFAULT)
    if not url.startswith(("http://", "https://")):
        read.problems.append(f"SLACK_API_URL must be an http(s) URL, not {url!r}.")
    return url if url.endswith("/") else url + "/"


def load_settings(
    env: Mapping[str, str] | None = None, *, socket_mode: bool = False, requests: bool = True
) -> ProcessSettings:
    """Read and validate the settings, raising one `ConfigError` that names every problem.

    ``socket_mode`` needs SLACK_APP_TOKEN; ``requests`` (a process that receives Slack's
    HTTP requests) needs SLACK_SIGNING_SECRET.
    """
    read = Reader(os.environ if env is None else env)
    bot_token, client_id, client_secret = _credentials(read)
    secret = ""
    if requests:
        secret = read.required(
            "SLACK_SIGNING_SECRET", "", f"{WHERE} (Basic Information → Signing Secret)."
        )
    app_token = read.text("SLACK_APP_TOKEN", "") or None
    if socket_mode and client_id:
        read.problems.append(text.SOCKET_MODE_SINGLE)
    if socket_mode:
        app_token = read.required(
            "SLACK_APP_TOKEN",
            "xapp-",
            f"Socket Mode needs an app-level token with connections:write. {WHERE} "
            "(Basic Information → App-Level Tokens).",
        )
    try:
        database_url = _database_url(read.env)
    except ConfigError as error:
        read.problems.append(str(error))
        database_url = DATABASE_DEFAULT
    secret_key = _secret_key(read, database_url, distributed=bool(client_id))
    job_queue = read.choice("JOB_QUEUE", JOB_QUEUES)
    settings = ProcessSettings(
        slack_bot_token=bot_token,
        slack_client_id=client_id,
        slack_client_secret=client_secret,
        secret_key=secret_key,
        token_rotation_minutes=read.number("SLACK_TOKEN_REFRESH_MINUTES"),
        slack_signing_secret=secret,
        slack_app_token=app_token,
        slack_api_url=_api_url(read),
        database_url=database_url,
        port=read.number("PORT"),
        host=read.text("HOST", VARIABLES["HOST"].default),
        web_threads=read.number("WEB_THREADS"),
        messages_per_second=float(read.number("SLACK_MESSAGES_PER_SECOND")),
        clock_interval_seconds=read.number("CLOCK_INTERVAL_SECONDS"),
        grace_hours=read.number("PULSE_GRACE_HOURS"),
        stale_sending_seconds=read.number("STALE_SENDING_SECONDS"),
        check_token=read.flag("SLACK_CHECK_TOKEN", default=True),
        background_workers=read.number("BACKGROUND_WORKERS"),
        listener_threads=read.number("LISTENER_THREADS"),
        web_connection_limit=read.number("WEB_CONNECTION_LIMIT"),
        web_channel_timeout=read.number("WEB_CHANNEL_TIMEOUT"),
        retry_base_seconds=float(read.number("RETRY_BASE_SECONDS")),
        slack_timeout_seconds=read.number("SLACK_TIMEOUT_SECONDS"),
        support_contact=read.text("RAPPORT_SUPPORT_CONTACT", ""),
        app_distribution=read.choice("SLACK_APP_DISTRIBUTION", APP_DISTRIBUTIONS),
        history_spacing_seconds=read.number("SLACK_HISTORY_SPACING_SECONDS", 0) or None,
        job_queue=job_queue,
        worker_concurrency=read.number("WORKER_CONCURRENCY"),
    )
    if job_queue == "postgres" and not database_url.startswith("postgresql"):
        read.problems.append(
            "JOB_QUEUE=postgres keeps its jobs in PostgreSQL: set DATABASE_URL to a PostgreSQL "
            "URL, or leave JOB_QUEUE unset to send from the clock and web themselves."
        )
    if settings.stale_sending_seconds < 3 * settings.slack_timeout_seconds:
        # A claim is presumed orphaned only once no send of it can still be in flight: a
        # look, a wait in the pace of up to a sixth of the lease (then it is renewed,
        # bot/services/delivery/lease.py) and a post.
        read.problems.append(
            f"STALE_SENDING_SECONDS ({settings.stale_sending_seconds}) must be at least three "
            f"times SLACK_TIMEOUT_SECONDS ({settings.slack_timeout_seconds}), or a DM still "
            "being sent could be taken for lost and sent again."
        )
    if read.problems:
        raise ConfigError(" ".join(read.problems))
    return settings


def _credentials(read: Reader) -> tuple[str, str, str]:
    """The bot token (single-workspace mode) or the app's client id and secret (distributed).
    Both at once is refused: with a client id and secret in the environment Bolt would
    quietly ignore the bot token, so the operator must choose."""
    token, client_id, client_secret = (
        read.env.get(name, "").strip()
        for name in ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
    )
    if token and (client_id or client_secret):
        read.problems.append(text.TWO_MODES)
        return token, "", ""
    if client_id or client_secret:
        basic = f"{WHERE} (Basic Information → App Credentials)."
        return (
            "",
            read.required("SLACK_CLIENT_ID", "", basic),
            read.required("SLACK_CLIENT_SECRET", "", basic),
        )
    token = read.required(
        "SLACK_BOT_TOKEN",
        "xoxb-",
        f"{WHERE} (OAuth & Permissions → Bot User OAuth Token), or set SLACK_CLIENT_ID "
        "and SLACK_CLIENT_SECRET to install Rapport in several workspaces.",
    )
    return token, "", ""


def _secret_key(read: Reader, database_url: str, *, distributed: bool) -> str:
    """RAPPORT_SECRET_KEY: required in two-workspace mode and with PostgreSQL; on SQLite
    alone a key file beside the database stands in for it (storage/db.py)."""
    key = read.text("RAPPORT_SECRET_KEY", "")
    if key and not fernet_key_ok(key):
        read.problems.append(text.BAD_SECRET_KEY)
        return ""
    if not key and distributed:
        read.problems.append(text.SECRET_KEY_DISTRIBUTED)
    elif not key and not database_url.startswith("sqlite"):
        read.problems.append(text.SECRET_KEY_POSTGRES)
    return key


def secret_key_from_env() -> str | None:
    """RAPPORT_SECRET_KEY for the one-shot commands; None lets SQLite use its key file."""
    return os.environ.get("RAPPORT_SECRET_KEY", "").strip() or None


def database_url_from_env(env: Mapping[str, str] | None = None) -> str:
    """The database URL alone, for commands that need no Slack tokens (migrate, export)."""
    return _database_url(os.environ if env is None else env)
