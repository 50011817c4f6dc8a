"""Distributed mode's events: a workspace uninstalls Rapport or revokes its tokens; the
engagement's shared channel changes id or stops being shared."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import App

from bot.services import workspaces
from bot.services.runtime import Runtime
from bot.slack.event_ids import apply_once


def _where(body: dict[str, Any]) -> tuple[str | None, str | None]:
    enterprise = body.get("enterprise_id") or None
    team = body.get("team_id") or None
    if body.get("is_enterprise_install"):
        team = None
    return enterprise, team


def _once(container: Runtime, body: dict[str, Any], effect: Callable[[], object]) -> None:
    """Slack retries an event it got no quick 200 for: its effect is applied once."""
    apply_once(container.database, body, container.now(), effect)


def uninstalled(container: Runtime, body: dict[str, Any]) -> None:
    _once(container, body, lambda: workspaces.workspace_left(container, *_where(body)))


def tokens_revoked(container: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    # Rapport installs with a bot token only: a revoked bot token is the whole installation.
    if (event.get("tokens") or {}).get("bot"):
        _once(container, body, lambda: workspaces.workspace_left(container, *_where(body)))


def channel_id_changed(container: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    old, new = event.get("old_channel_id"), event.get("new_channel_id")
    if isinstance(old, str) and isinstance(new, str) and old and new:
        _once(container, body, lambda: workspaces.channel_renamed(container, old, new))


def channel_unshared(container: Runtime, body: dict[str, Any], event: dict[str, Any]) -> None:
    channel = event.get("channel")
    if isinstance(channel, str) and channel:
        team = str(body.get("team_id") or "")
        _once(container, body, lambda: workspaces.channel_unshared(container, channel, team))


def channel_shared(event: dict[str, Any]) -> None:
    """Nothing to do: a channel shared with the other company is what an engagement wants."""


def register(app: App, container: Runtime) -> None:
    if container.installations is None:
        return
    app.event("app_uninstalled")(partial(uninstalled, container))
    app.event("tokens_revoked")(partial(tokens_revoked, container))
    app.event("channel_id_changed")(partial(channel_id_changed, container))
    app.event("channel_unshared")(partial(channel_unshared, container))
    app.event("channel_shared")(channel_shared)
