"""The Bolt app factory: nothing talks to Slack or opens a database at import time."""

from __future__ import annotations

from concurrent.futures import Executor

from slack_bolt import App

from bot.wiring.container import Services
from handlers import register_all


def create_app(services: Services, *, listener_executor: Executor | None = None) -> App:
    """Build the Bolt app with every listener registered."""
    app = App(
        listener_executor=listener_executor,
        client=services.client,
        signing_secret=services.settings.slack_signing_secret,
        # auth.test runs lazily on the first request rather than at construction.
        token_verification_enabled=False,
    )
    register_all(app, services)
    return app
