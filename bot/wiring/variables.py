"""The environment variables Rapport reads, each declared once: its name, its default as
`--help` and the README show it, what it does, and for a whole number its upper bound.

`Reader` reads them for `bot/wiring/settings.py` (a number's default and bound come from
here), `bot/wiring/cli/environment.py` says which subcommand reads which, and the README's
settings table is checked against this list (`tests/bot/wiring/test_variables.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, NamedTuple


class Variable(NamedTuple):
    name: str
    default: str
    what: str
    upper: int = 0
    """For a whole number: the largest value taken (the smallest is 1)."""


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
        Variable(
            "SLACK_TOKEN_REFRESH_MINUTES", "120", "refresh rotating tokens this early", upper=720
        ),
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
            upper=3600,
        ),
        Variable("DATABASE_URL", "sqlite:///rapport.db", "SQLite file or postgresql://…"),
        Variable("PORT", "3000", "where to listen (--port wins)", upper=65535),
        Variable("HOST", "0.0.0.0", "the interface to listen on (--host wins)"),  # noqa: S104
        Variable("WEB_THREADS", "8", "request threads", upper=256),
        Variable(
            "SLACK_MESSAGES_PER_SECOND",
            "10",
            "messages a second per workspace (one pace for all processes on PostgreSQL)",
            upper=1000,
        ),
        Variable("JOB_QUEUE", "embedded", "embedded, or postgres: rapport worker sends"),
        Variable(
            "WORKER_CONCURRENCY",
            "32",
            "sends in flight (worker, clock; --concurrency wins)",
            upper=256,
        ),
        Variable("CLOCK_INTERVAL_SECONDS", "30", "how often the clock looks for work", upper=3600),
        Variable(
            "PULSE_GRACE_HOURS", "6", "a pulse missed by less than this is still sent", upper=168
        ),
        Variable(
            "STALE_SENDING_SECONDS", "45", "after this, an unrecorded DM is checked", upper=86400
        ),
        Variable(
            "RETRY_BASE_SECONDS", "5", "first wait before a failed send is retried", upper=3600
        ),
        Variable("SLACK_TIMEOUT_SECONDS", "15", "how long one Slack call may take", upper=300),
        Variable(
            "BACKGROUND_WORKERS", "4", "threads for fan-outs handed off by listeners", upper=64
        ),
        Variable("LISTENER_THREADS", "16", "threads that run Slack listeners", upper=256),
        Variable("WEB_CONNECTION_LIMIT", "500", "open connections accepted", upper=10000),
        Variable("WEB_CHANNEL_TIMEOUT", "30", "seconds an idle connection is kept", upper=3600),
        Variable("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR"),
        Variable("RAPPORT_SUPPORT_CONTACT", "none", "support email or URL shown on /support"),
    )
}


def number(name: str) -> int:
    """The default of a whole-number variable."""
    return int(VARIABLES[name].default)


YES, NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class Reader:
    """Reads declared variables from one environment and collects every problem instead of
    the first (`bot/wiring/settings.py` reports them all at once)."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.problems: list[str] = []

    def required(self, name: str, prefix: str, what: str) -> str:
        value = self.env.get(name, "").strip()
        if not value:
            self.problems.append(f"{name} is not set. {what}")
        elif prefix and not value.startswith(prefix):
            self.problems.append(
                f"{name} does not look right: it should start with '{prefix}'. {what}"
            )
        return value

    def number(self, name: str, default: int | None = None) -> int:
        """From 1 to the variable's bound; unset, its declared default (or `default`)."""
        upper, default = VARIABLES[name].upper, number(name) if default is None else default
        raw = self.env.get(name, "").strip()
        if not raw:
            return default
        if not raw.isdigit() or not 0 < int(raw) <= upper:
            self.problems.append(
                f"{name} must be a whole number between 1 and {upper}, not {raw!r}."
            )
            return default
        return int(raw)

    def flag(self, name: str, default: bool) -> bool:
        raw = self.env.get(name, "").strip().lower()
        if not raw:
            return default
        if raw not in YES + NO:
            self.problems.append(f"{name} must be yes or no, not {raw!r}.")
            return default
        return raw in YES

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        """One of `choices` (the first when unset)."""
        raw = self.env.get(name, "").strip().lower()
        if not raw:
            return choices[0]
        if raw not in choices:
            self.problems.append(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
            return choices[0]
        return raw

    def text(self, name: str, default: str) -> str:
        return self.env.get(name, "").strip() or default
