"""The long-running subcommands: web, run (Socket Mode) and clock; each checks what it needs."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from bot.domain import operator_text as text
from bot.domain.i18n import counted
from bot.wiring.cli.common import OperatorError
from bot.wiring.process_settings import load_settings

if TYPE_CHECKING:
    from bot.services.container import Container
    from bot.services.process_settings import ProcessSettings

logger = logging.getLogger("rapport")


def container_for(settings: ProcessSettings) -> Container:
    """Open and migrate the database, then check the Slack token (unless told not to)."""
    from bot.services.container import Container
    from storage.db import Database
    from storage.errors import database_problems
    from storage.migrate import upgrade

    with database_problems(settings.database_url):
        database = Database(settings.database_url)
        upgrade(database)
    container = Container.create(settings, database)
    check_token(container)
    return container


def check_token(container: Container) -> None:
    """Ask Slack who the token belongs to: name the workspace, or refuse with the reason."""
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    settings = container.settings
    if container.installations is not None:
        # Distributed mode has no one token to check: each workspace's is checked when
        # it installs, and used (and refreshed) as its requests and sends need it.
        logger.info(
            text.DISTRIBUTED_READY.format(
                installations=counted(
                    text.DISTRIBUTED_INSTALLATIONS, container.installations.store.count()
                ),
                path="/slack/install",
            )
        )
        return
    if not settings.check_token:
        logger.warning(text.TOKEN_CHECK_SKIPPED)
        return
    # Once, without the retrying client's log lines: the outcome is said in one line below.
    quiet = logging.getLogger("rapport.token_check")
    quiet.setLevel(logging.CRITICAL)
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=10,
        logger=quiet,
    )
    try:
        who = client.auth_test()
    except SlackApiError as error:
        reason = error.response.get("error") or f"HTTP {error.response.status_code}"
        raise OperatorError(text.TOKEN_REFUSED.format(error=reason)) from error
    except Exception as error:  # a timeout, a reset, a reply that is not Slack's
        raise OperatorError(
            text.SLACK_UNREACHABLE.format(
                url=settings.slack_api_url, reason=getattr(error, "reason", None) or error
            )
        ) from error
    logger.info(
        text.TOKEN_OK.format(
            team=who.get("team"),
            team_id=who.get("team_id"),
            user=who.get("user"),
            user_id=who.get("user_id"),
        )
    )


def cmd_web(args: argparse.Namespace) -> int:
    """Serve Slack's HTTP requests with waitress; never runs a scheduler."""
    import waitress

    from bot.services.container import ContextPool
    from bot.services.sending import resume_unsettled
    from bot.wiring.app import create_app
    from bot.wiring.web import MAX_BODY, make_wsgi

    settings = load_settings()
    container = container_for(settings)
    # A context-copying pool: in distributed mode a listener acts for its request's workspace.
    listeners = ContextPool(settings.listener_threads, thread_name_prefix="listener")
    app = create_app(container, listener_executor=listeners)
    wsgi = make_wsgi(app, container.database, settings.slack_signing_secret)
    host = args.host or settings.host
    port = args.port or settings.port
    resumed = resume_unsettled(container)
    if resumed:
        logger.info("resumed the DMs of %d open pulse(s) left unsettled", resumed)
    logger.info("Rapport web listening on %s:%s", host, port)
    try:
        waitress.serve(
            wsgi,
            host=host,
            port=port,
            threads=settings.web_threads,
            connection_limit=settings.web_connection_limit,
            channel_timeout=settings.web_channel_timeout,
            # Idle connections are looked for this often (waitress's default is every
            # 30 s, so a burst of idle ones could hold every slot for a minute).
            cleanup_interval=max(1, min(30, settings.web_channel_timeout // 2)),
            # poll(), not select(): select cannot watch descriptors past 1024.
            asyncore_use_poll=True,
            max_request_body_size=MAX_BODY,
            ident="rapport",
        )
    finally:
        container.stopping.set()
    return 0


def cmd_run(_args: argparse.Namespace) -> int:
    """Socket Mode: one process, no public URL needed, so no signing secret either."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.wiring.app import create_app
    from bot.wiring.clock import Clock, start_background

    settings = load_settings(socket_mode=True, requests=False)
    container = container_for(settings)
    assert settings.slack_app_token is not None  # load_settings(socket_mode=True) requires it
    start_background(Clock(container))
    logger.info("Rapport running in Socket Mode, with its clock")
    SocketModeHandler(create_app(container), settings.slack_app_token).start()  # type: ignore[no-untyped-call]
    return 0


def cmd_clock(_args: argparse.Namespace) -> int:
    """The scheduler alone; safe to run twice (one leads, the other stands by)."""
    from bot.wiring.clock import Clock, run_blocking

    run_blocking(Clock(container_for(load_settings(requests=False))))
    return 0


def port_number(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a whole number from 1 to 65535, not {value}")
    return int(value)


def add_arguments(web: argparse.ArgumentParser) -> None:
    web.add_argument("--port", type=port_number, help="where to listen (default: $PORT, 3000)")
    web.add_argument("--host", help="the interface to listen on (default: $HOST, 0.0.0.0)")
