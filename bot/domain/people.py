"""People as the domain sees them: who asked, and what Slack says about someone to add."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Caller:
    """Who ran a command, and where."""

    team_id: str
    user_id: str
    channel_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """What Slack says about a user someone wants to add."""

    user_id: str
    team_id: str
    exists: bool = True
    is_bot: bool = False
    deleted: bool = False
    tz: str | None = None
    locale: str | None = None
    """Slack's locale for them ("de-DE", "pt-BR"), when Slack said."""
    unknown_because: str | None = None
    """Set when Slack could not be asked (a timeout, a reset): why, so nothing is assumed."""
