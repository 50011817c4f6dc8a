"""Read the process settings from the environment once at start, and say plainly what is wrong."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bot.services.process_settings import DATABASE_DEFAULT, SLACK_API_DEFAULT, ProcessSettings

__all__ = [
    "DATABASE_DEFAULT",
    "SLACK_API_DEFAULT",
    "ConfigError",
    "ProcessSettings",
    "database_url_from_env",
    "load_settings",
    "sqlite_path",
]


class ConfigError(Exception):
    """A missing or malformed setting; the message tells the operator what to set."""


def _required(env: Mapping[str, str], name: str, prefix: str, what: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is not set. {what}")
    if prefix and not value.startswith(prefix):
        raise ConfigError(f"{name} does not look right: it should start with '{prefix}'. {what}")
    return value


def _positive_int(env: Mapping[str, str], name: str, default: int, upper: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) <= upper:
        raise ConfigError(f"{name} must be a whole number between 1 and {upper}, not {raw!r}.")
    return int(raw)


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


def _api_url(env: Mapping[str, str]) -> str:
    url = env.get("SLACK_API_URL", "").strip() or SLACK_API_DEFAULT
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL, not {url!r}.")
    return url if url.endswith("/") else url + "/"


def load_settings(
    env: Mapping[str, str] | None = None, *, socket_mode: bool = False
) -> ProcessSettings:
    """Read and validate the settings, raising `ConfigError` with a plain explanation."""
    env = os.environ if env is None else env
    where = "Find it in your Slack app's settings at api.slack.com/apps"
    app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
    if socket_mode:
        app_token = _required(
            env,
            "SLACK_APP_TOKEN",
            "xapp-",
            f"Socket Mode needs an app-level token with connections:write. {where} "
            "(Basic Information → App-Level Tokens).",
        )
    return ProcessSettings(
        slack_bot_token=_required(
            env,
            "SLACK_BOT_TOKEN",
            "xoxb-",
            f"{where} (OAuth & Permissions → Bot User OAuth Token).",
        ),
        slack_signing_secret=_required(
            env, "SLACK_SIGNING_SECRET", "", f"{where} (Basic Information → Signing Secret)."
        ),
        slack_app_token=app_token,
        slack_api_url=_api_url(env),
        database_url=_database_url(env),
        port=_positive_int(env, "PORT", 3000, 65535),
        web_threads=_positive_int(env, "WEB_THREADS", 8, 256),
        messages_per_second=float(_positive_int(env, "SLACK_MESSAGES_PER_SECOND", 10, 1000)),
        clock_interval_seconds=_positive_int(env, "CLOCK_INTERVAL_SECONDS", 30, 3600),
        grace_hours=_positive_int(env, "PULSE_GRACE_HOURS", 6, 168),
        stale_sending_seconds=_positive_int(env, "STALE_SENDING_SECONDS", 300, 86400),
        background_workers=_positive_int(env, "BACKGROUND_WORKERS", 4, 64),
        listener_threads=_positive_int(env, "LISTENER_THREADS", 16, 256),
        web_connection_limit=_positive_int(env, "WEB_CONNECTION_LIMIT", 100, 10000),
        web_channel_timeout=_positive_int(env, "WEB_CHANNEL_TIMEOUT", 30, 3600),
        retry_base_seconds=float(_positive_int(env, "RETRY_BASE_SECONDS", 5, 3600)),
        slack_timeout_seconds=_positive_int(env, "SLACK_TIMEOUT_SECONDS", 15, 300),
    )


def database_url_from_env(env: Mapping[str, str] | None = None) -> str:
    """The database URL alone, for commands that need no Slack tokens (migrate, export)."""
    return _database_url(os.environ if env is None else env)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases."""
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
