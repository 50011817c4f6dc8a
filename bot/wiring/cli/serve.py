"""The long-running subcommands: web, run (Socket Mode), clock and worker; each checks what
it needs."""

from __future__ import annotations

import argparse
import errno
import logging
import threading
from typing import TYPE_CHECKING, Any

from bot.domain import operator_text as text
from bot.domain.i18n import counted
from bot.wiring.cli.common import OperatorError, Start
from bot.wiring.settings import load_settings

if TYPE_CHECKING:
    from wsgiref.types import WSGIApplication

    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.wiring.container import Container
    from bot.wiring.settings import ProcessSettings
    from storage.db import Database

logger = logging.getLogger("rapport")


def container_for(settings: ProcessSettings, start: Start) -> Container:
    """Open and migrate the database, then check the Slack token (unless told not to);
    history is read within the limits of the app's distribution, kept for every process
    on PostgreSQL."""
    from bot.slack import history
    from bot.wiring.container import Container
    from storage.db import Database
    from storage.errors import database_problems
    from storage.migrate import upgrade

    with database_problems(settings.database_url):
        database = Database(settings.database_url, settings.secret_key or None)
        start.databases.append(database)
        upgrade(database)
    check_sealing(database)
    container = Container.create(settings, database)
    check_token(container)
    history.GATE.follow(settings.app_distribution, settings.history_spacing_seconds)
    history.GATE.share(database)
    return container


def check_sealing(database: Database) -> None:
    """Say where the key comes from, refuse a key that cannot open what is stored (one
    line), and seal any comment or token stored in clear before sealing existed."""

    from bot.wiring.settings import ConfigError
    from storage.sealing import check_keys, reseal
    from storage.secrets import KeyMismatch

    if database.key_file is not None:
        said = text.KEY_FILE_CREATED if database.key_created else text.KEY_FILE_USED
        logger.warning(said.format(path=database.key_file))
    if database.key_file_unusable is not None:
        raise ConfigError(text.KEY_FILE_UNUSABLE.format(path=database.key_file_unusable))
    try:
        check_keys(database)
        if database.sealer is not None:
            done = reseal(database, everything=False)
            if done.comments or done.tokens:
                logger.info(
                    text.SEALED_PLAINTEXT.format(
                        comments=counted(text.SEALED_COMMENTS, done.comments),
                        tokens=counted(text.SEALED_TOKENS, done.tokens),
                    )
                )
    except KeyMismatch as error:
        raise ConfigError(text.KEY_MISMATCH.format(reason=str(error))) from error


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


def _load_language_detector() -> None:
    """Load the comment language detector in the background, before the first comment."""
    import threading

    from bot.domain.sentiment.language import load_detector

    threading.Thread(target=load_detector, name="language-detector", daemon=True).start()


def cmd_web(args: argparse.Namespace) -> int:
    """Serve Slack's HTTP requests with waitress; never runs a scheduler."""
    from bot.services.sending import resume_unsettled
    from bot.wiring.app import create_app
    from bot.wiring.container import ContextPool
    from bot.wiring.pages import Site
    from bot.wiring.web import make_wsgi

    settings = load_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    with Start(settings.database_url) as start:
        container = container_for(settings, start)
        _load_language_detector()
        # A context-copying pool: in distributed mode a listener acts for its request's
        # workspace.
        listeners = ContextPool(settings.listener_threads, thread_name_prefix="listener")
        app = create_app(container, listener_executor=listeners)
        site = Site(settings.mode == "distributed", settings.support_contact)
        wsgi = make_wsgi(app, container.database, settings.slack_signing_secret, site=site)
        server = listening(wsgi, host, port, settings)
    resumed = resume_unsettled(container)
    if resumed:
        logger.info("resumed the DMs of %d open pulse(s) left unsettled", resumed)
    logger.info("Rapport web listening on %s:%s", host, port)
    try:
        server.run()
    finally:
        container.stopping.set()
    return 0


def listening(wsgi: WSGIApplication, host: str, port: int, settings: ProcessSettings) -> Any:
    """The waitress server, bound to ``host:port``; a port it cannot have is one line."""
    import waitress.server

    from bot.wiring.web import MAX_BODY

    try:
        return waitress.server.create_server(
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
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise OperatorError(text.PORT_IN_USE.format(host=host, port=port)) from error
        reason = error.strerror or error
        raise OperatorError(
            text.CANNOT_LISTEN.format(host=host, port=port, reason=reason)
        ) from error


def cmd_run(_args: argparse.Namespace) -> int:
    """Socket Mode: one process, no public URL needed, so no signing secret either."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.wiring.app import create_app
    from bot.wiring.clock import Clock, start_background

    settings = load_settings(socket_mode=True, requests=False)
    with Start(settings.database_url) as start:
        container = container_for(settings, start)
        assert settings.slack_app_token is not None  # load_settings(socket_mode=True) requires it
        _load_language_detector()
        handler = SocketModeHandler(create_app(container), settings.slack_app_token)
        connect(handler, settings.slack_api_url)
    # The clock starts once Slack is reached, so a start that fails leaves nothing running.
    start_background(Clock(container))
    logger.info("Rapport running in Socket Mode, with its clock")
    threading.Event().wait()
    return 0


def connect(handler: SocketModeHandler, api_url: str) -> None:
    """Open the first Socket Mode connection, or say in one line why Slack cannot be had."""
    from slack_sdk.errors import SlackApiError

    # The client retries a refused connection a few times and logs each failure; the
    # outcome is the one line below.
    quieted = [logging.getLogger("slack_sdk.web.base_client"), handler.client.logger]
    levels = [each.level for each in quieted]
    for each in quieted:
        each.setLevel(logging.CRITICAL)
    try:
        handler.connect()  # type: ignore[no-untyped-call]
    except SlackApiError as error:
        handler.close()  # type: ignore[no-untyped-call]
        reason = error.response.get("error") or f"HTTP {error.response.status_code}"
        raise OperatorError(text.SOCKET_MODE_REFUSED.format(error=reason)) from error
    except Exception as error:  # a URLError, a timeout, a reset
        handler.close()  # type: ignore[no-untyped-call]
        reason = getattr(error, "reason", None) or error
        raise OperatorError(
            text.SOCKET_MODE_UNREACHABLE.format(url=api_url, reason=reason)
        ) from error
    finally:
        for each, level in zip(quieted, levels, strict=True):
            each.setLevel(level)


def cmd_clock(_args: argparse.Namespace) -> int:
    """The scheduler alone; safe to run twice (one leads, the other stands by)."""
    from bot.wiring.clock import Clock, run_blocking

    settings = load_settings(requests=False)
    with Start(settings.database_url) as start:
        container = container_for(settings, start)
    run_blocking(Clock(container))
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the queue's jobs (one Slack call each); any number of workers share the queue."""
    from bot.wiring.job_queue import job_app, run_worker

    settings = load_settings(requests=False)
    if settings.job_queue != "postgres":
        raise OperatorError(text.WORKER_WITHOUT_QUEUE)
    concurrency = args.concurrency or settings.worker_concurrency
    with Start(settings.database_url) as start:
        container = container_for(settings, start)
    # Fetching and finishing jobs are short statements: a pool a quarter the size does.
    app = job_app(container.database, container, pool_size=max(2, concurrency // 4))
    logger.info("Rapport worker started (%d job(s) at once)", concurrency)
    try:
        run_worker(app, concurrency, settings.worker_poll_seconds)
    finally:
        container.stopping.set()
    logger.info("Rapport worker stopped")
    return 0


def worker_arguments(worker: argparse.ArgumentParser) -> None:
    worker.add_argument(
        "--concurrency",
        type=int,
        help="jobs run at once, each waiting on one Slack call (default: $WORKER_CONCURRENCY, 32)",
    )


def port_number(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a whole number from 1 to 65535, not {value}")
    return int(value)


def web_arguments(web: argparse.ArgumentParser) -> None:
    web.add_argument("--port", type=port_number, help="where to listen (default: $PORT, 3000)")
    web.add_argument("--host", help="the interface to listen on (default: $HOST, 0.0.0.0)")
