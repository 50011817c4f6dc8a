"""Slack listeners: parse, authorise, call the domain, render. Registered per Slack feature."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.wiring.container import Services
from handlers import actions, alerts, commands, home, views

logger = logging.getLogger(__name__)


def register_all(app: App, services: Services) -> None:
    commands.register(app, services)
    actions.register(app, services)
    alerts.register(app, services)
    views.register(app, services)
    home.register(app, services)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        kind = body.get("type") or body.get("command") or "request"
        logger.error("unhandled error in %s", kind, exc_info=error)
