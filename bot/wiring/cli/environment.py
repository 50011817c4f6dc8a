"""The environment variables each `rapport` subcommand reads, for its --help; each variable
is declared once, in `bot/wiring/variables.py`."""

from __future__ import annotations

from typing import Final

from bot.wiring.variables import VARIABLES

_SLACK = (
    "SLACK_API_URL",
    "SLACK_CHECK_TOKEN",
    "SLACK_TIMEOUT_SECONDS",
    "SLACK_APP_DISTRIBUTION",
    "SLACK_HISTORY_SPACING_SECONDS",
    "DATABASE_URL",
)
# How a process gets its Slack tokens: one workspace's bot token, or distributed mode's
# app credentials, with the installations in the database.
_TOKENS = (
    "SLACK_BOT_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "RAPPORT_SECRET_KEY",
    "SLACK_TOKEN_REFRESH_MINUTES",
)
_CLOCK = (
    "SLACK_MESSAGES_PER_SECOND",
    "CLOCK_INTERVAL_SECONDS",
    "PULSE_GRACE_HOURS",
    "STALE_SENDING_SECONDS",
    "RETRY_BASE_SECONDS",
    "JOB_QUEUE",
    "WORKER_CONCURRENCY",
)
READS: Final[dict[str, tuple[str, ...]]] = {
    "web": (
        *_TOKENS,
        "SLACK_SIGNING_SECRET",
        *_SLACK,
        "PORT",
        "HOST",
        "WEB_THREADS",
        "WEB_CONNECTION_LIMIT",
        "WEB_CHANNEL_TIMEOUT",
        "LISTENER_THREADS",
        "BACKGROUND_WORKERS",
        "RAPPORT_SUPPORT_CONTACT",
        "RETRY_BASE_SECONDS",
        "STALE_SENDING_SECONDS",
        "SLACK_MESSAGES_PER_SECOND",
        "JOB_QUEUE",
        "WORKER_CONCURRENCY",
        "LOG_LEVEL",
    ),
    "run": (*_TOKENS, "SLACK_APP_TOKEN", *_SLACK, *_CLOCK, "LOG_LEVEL"),
    "clock": (*_TOKENS, *_SLACK, *_CLOCK, "LOG_LEVEL"),
    "worker": (*_TOKENS, *_SLACK, *_CLOCK, "LOG_LEVEL"),
    "migrate": ("DATABASE_URL", "LOG_LEVEL"),
    "export": ("DATABASE_URL",),
    "score": (),
    "simulate": (),
    "forget": (*_TOKENS, *_SLACK, "LOG_LEVEL"),
    "purge": ("DATABASE_URL",),
    "sla": ("DATABASE_URL",),
    # The playground makes its own Slack, token, signing secret and SQLite database.
    "playground": ("LOG_LEVEL",),
    "rotate-key": ("DATABASE_URL", "RAPPORT_SECRET_KEY"),
}


def epilog(command: str) -> str:
    """The 'environment' section of a subcommand's --help: name, default, what."""
    names = READS[command]
    if not names:
        return "environment: none (everything is given as options)"
    width = max(len(name) for name in names)
    lines = [
        f"  {name:<{width}}  {VARIABLES[name].what} [{VARIABLES[name].default}]" for name in names
    ]
    return "environment (defaults in brackets):\n" + "\n".join(lines)
