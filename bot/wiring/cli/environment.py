"""The environment variables each `rapport` subcommand reads, with defaults, for its --help."""

from __future__ import annotations

from typing import Final, NamedTuple


class Variable(NamedTuple):
    name: str
    default: str
    what: str


VARIABLES: Final = {
    v.name: v
    for v in (
        Variable("SLACK_BOT_TOKEN", "required", "the bot token, xoxb-… (single workspace)"),
        Variable("SLACK_CLIENT_ID", "none", "distributed mode (no bot token): the app's id"),
        Variable("SLACK_CLIENT_SECRET", "none", "distributed mode: the app's client secret"),
        Variable(
            "RAPPORT_SECRET_KEY",
            "SQLite: <database>.key",
            "Fernet key(s), new first: seals comments and Slack tokens",
        ),
        Variable("SLACK_TOKEN_REFRESH_MINUTES", "120", "refresh rotating tokens this early"),
        Variable("SLACK_SIGNING_SECRET", "required", "verifies that requests come from Slack"),
        Variable("SLACK_APP_TOKEN", "required", "the app-level token, xapp-… (Socket Mode)"),
        Variable("SLACK_API_URL", "https://slack.com/api/", "the Slack Web API base"),
        Variable("SLACK_CHECK_TOKEN", "yes", "check the token with auth.test at start"),
        Variable(
            "SLACK_APP_DISTRIBUTION",
            "unlisted",
            "unlisted, internal or marketplace: how often history may be read",
        ),
        Variable(
            "SLACK_HISTORY_SPACING_SECONDS",
            "the distribution's",
            "seconds between two history reads in a workspace",
        ),
        Variable("DATABASE_URL", "sqlite:///rapport.db", "SQLite file or postgresql://…"),
        Variable("PORT", "3000", "where to listen (--port wins)"),
        Variable("HOST", "0.0.0.0", "the interface to listen on (--host wins)"),  # noqa: S104
        Variable("WEB_THREADS", "8", "request threads"),
        Variable(
            "SLACK_MESSAGES_PER_SECOND",
            "10",
            "messages a second per workspace (one pace for all processes on PostgreSQL)",
        ),
        Variable("JOB_QUEUE", "embedded", "embedded, or postgres: rapport worker sends"),
        Variable("WORKER_CONCURRENCY", "32", "sends in flight (worker, clock; --concurrency wins)"),
        Variable("CLOCK_INTERVAL_SECONDS", "30", "how often the clock looks for work"),
        Variable("PULSE_GRACE_HOURS", "6", "a pulse missed by less than this is still sent"),
        Variable(
            "STALE_SENDING_SECONDS",
            "45",
            "after this, an unrecorded DM is checked",
        ),
        Variable("RETRY_BASE_SECONDS", "5", "first wait before a failed send is retried"),
        Variable("SLACK_TIMEOUT_SECONDS", "15", "how long one Slack call may take"),
        Variable("BACKGROUND_WORKERS", "4", "threads for fan-outs handed off by listeners"),
        Variable("LISTENER_THREADS", "16", "threads that run Slack listeners"),
        Variable("WEB_CONNECTION_LIMIT", "500", "open connections accepted"),
        Variable("WEB_CHANNEL_TIMEOUT", "30", "seconds an idle connection is kept"),
        Variable("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR"),
        Variable("RAPPORT_SUPPORT_CONTACT", "none", "support email or URL shown on /support"),
    )
}
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
