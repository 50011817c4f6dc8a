"""The Bolt app factory: nothing talks to Slack or opens a database at import time."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

from bot.services.container import Container
from bot.wiring import log_privacy
from bot.wiring.listeners import SUBCOMMANDS, register_all
from handlers.commands.registry import Subcommand


class _SameTokenWarning(logging.Filter):
    """Drop Bolt's "token will be unused" warning: it is a false alarm here.

    Bolt reads SLACK_BOT_TOKEN from the environment by itself and warns that the client
    passed in wins; that client was built from the very same token, so the line only
    reads like a misconfiguration.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def create_app(
    container: Container,
    *,
    listener_executor: Executor | None = None,
    subcommands: Sequence[Subcommand[Any]] = SUBCOMMANDS,
) -> App:
    """Build the Bolt app with every listener registered (`subcommands` for `/rapport`)."""
    log_privacy.install()
    bolt_logger = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _SameTokenWarning) for f in bolt_logger.filters):
        bolt_logger.addFilter(_SameTokenWarning())
    app = App(
        # Bolt names its loggers after the app; under `slack_bolt` they are redacted too.
        name="slack_bolt.rapport",
        listener_executor=listener_executor,
        client=container.client,
        signing_secret=container.settings.slack_signing_secret,
        # auth.test runs lazily on the first request rather than at construction.
        token_verification_enabled=False,
    )
    register_all(app, container, subcommands)
    return app
