"""Every listener, registered in one place: the `/rapport` subcommands and each Slack feature."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_bolt import App

from bot.wiring.container import Container
from handlers import alert_actions, alert_buttons, forms, home, pulse_dm, workspaces
from handlers.commands import (
    alerts,
    digest,
    erasure,
    people,
    portfolio,
    pulses,
    settings,
    setup,
)
from handlers.commands.registry import HELP, Registry, Subcommand
from handlers.commands.registry import register as register_rapport
from handlers.replies import in_their_language

logger = logging.getLogger(__name__)

# In the order `/rapport help` lists them within each section.
SUBCOMMANDS: tuple[Subcommand[Any], ...] = (
    *setup.SUBCOMMANDS,
    *people.SUBCOMMANDS,
    *erasure.SUBCOMMANDS,
    *pulses.SUBCOMMANDS,
    *alerts.SUBCOMMANDS,
    *settings.SUBCOMMANDS,
    *digest.SUBCOMMANDS,
    *portfolio.SUBCOMMANDS,
    HELP,
)


def register_all(
    app: App, container: Container, subcommands: Sequence[Subcommand[Any]] = SUBCOMMANDS
) -> None:
    app.use(in_their_language(container))
    register_rapport(app, container, Registry(subcommands))
    pulse_dm.register(app, container)
    alert_buttons.register(app, container)
    alert_actions.register(app, container)
    forms.register(app, container)
    home.register(app, container)
    workspaces.register(app, container)
    app.error(log_unhandled)


def log_unhandled(error: Exception, body: dict[str, Any]) -> None:
    """Bolt's last resort: one log line with the traceback; Slack gets no details."""
    kind = body.get("type") or body.get("command") or "request"
    logger.error("unhandled error in %s", kind, exc_info=error)
