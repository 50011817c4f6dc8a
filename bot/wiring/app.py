"""The Bolt app factory: nothing talks to Slack or opens a database at import time."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.oauth_settings import OAuthSettings

from bot.domain.i18n import reading_as
from bot.slack.authorize import FallbackAuthorize, remember_senders
from bot.slack.client import act_for_rest_of_request, acting_as
from bot.slack.scopes import BOT_SCOPES
from bot.slack.workspaces import Installations
from bot.wiring import log_privacy
from bot.wiring.container import Container, ContextPool
from bot.wiring.listeners import SUBCOMMANDS, register_all
from handlers.commands.registry import Subcommand
from storage.installations import state_store

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


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
    app: App
    if container.installations is None:
        app = _RequestScopedApp(
            # Bolt names its loggers after the app; under `slack_bolt` they are redacted too.
            name="slack_bolt.rapport",
            # Listeners run in the context of their request: its reader's language.
            listener_executor=listener_executor or ContextPool(10, thread_name_prefix="listener"),
            client=container.client,
            signing_secret=container.settings.slack_signing_secret,
            # auth.test runs lazily on the first request rather than at construction.
            token_verification_enabled=False,
        )
    else:
        app = _distributed_app(container, container.installations, listener_executor)
    register_all(app, container, subcommands)
    return app


def oauth_settings(container: Container, installations: Installations) -> OAuthSettings:
    """Bolt's OAuth flow, every part of it explicit: with SLACK_CLIENT_ID in the
    environment and no settings given, Bolt would build file stores under $HOME."""
    settings = container.settings
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        # "Add to Slack" leads to the OAuth page of the Slack that SLACK_API_URL names.
        authorization_url=settings.slack_api_url.removesuffix("api/") + "oauth/v2/authorize",
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installations.store,
        state_store=state_store(container.database),
        token_rotation_expiration_minutes=settings.token_rotation_minutes,
        logger=logging.getLogger("slack_bolt.rapport.oauth"),
    )


def _distributed_app(
    container: Container, installations: Installations, listener_executor: Executor | None
) -> App:
    app = _DistributedApp(
        name="slack_bolt.rapport",
        listener_executor=listener_executor or ContextPool(5, thread_name_prefix="listener"),
        client=container.client,
        signing_secret=container.settings.slack_signing_secret,
        oauth_settings=oauth_settings(container, installations),
        installation_store=installations.store,
        # An `Authorize` instance is what Bolt expects here; its annotation says callable.
        authorize=FallbackAuthorize(installations),  # type: ignore[arg-type]
        before_authorize=remember_senders,
    )
    app.use(_act_as_installation)
    return app


class _RequestScopedApp(App):
    """Each request starts in English and ends so, whichever thread runs it: its
    prologue (`handlers.replies.in_their_language`) sets its reader's language."""

    def dispatch(self, req: BoltRequest) -> BoltResponse:
        with reading_as(None):
            return super().dispatch(req)


class _DistributedApp(_RequestScopedApp):
    """Each request starts acting for no installation and ends so, whichever thread runs it."""

    def dispatch(self, req: BoltRequest) -> BoltResponse:
        with acting_as(None):
            return super().dispatch(req)


def _act_as_installation(context: BoltContext, next: Callable[[], BoltResponse]) -> BoltResponse:
    """Every Slack call the request's listeners make goes through its installation (the
    listener pool copies this into the listener's thread)."""
    act_for_rest_of_request(context.bot_token)
    return next()
