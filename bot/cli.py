"""The `rapport` command: web, run, migrate, score."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.settings import ConfigError, Settings, database_url_from_env, load_settings

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.services import Services

logger = logging.getLogger("rapport")


def _services(settings: Settings) -> Services:
    from bot.services import Services
    from storage.db import Database
    from storage.migrate import upgrade

    database = Database(settings.database_url)
    upgrade(database)
    return Services.create(settings, database)


def cmd_web(_args: argparse.Namespace) -> int:
    """Serve Slack's HTTP requests with waitress on $PORT; never runs a scheduler."""
    import waitress

    from bot.app import create_app
    from bot.web import make_wsgi

    settings = load_settings()
    services = _services(settings)
    wsgi = make_wsgi(create_app(services), services.database)
    host = os.environ.get("HOST", "0.0.0.0")  # noqa: S104 - a web process listens on all interfaces
    logger.info("Rapport web listening on %s:%s", host, settings.port)
    waitress.serve(
        wsgi, host=host, port=settings.port, threads=settings.web_threads, ident="rapport"
    )
    return 0


def cmd_run(_args: argparse.Namespace) -> int:
    """Socket Mode: one process, no public URL needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app import create_app
    from bot.clock import start_background

    settings = load_settings(socket_mode=True)
    services = _services(settings)
    assert settings.slack_app_token is not None  # load_settings(socket_mode=True) requires it
    start_background(make_clock(services))
    logger.info("Rapport running in Socket Mode, with its clock")
    SocketModeHandler(create_app(services), settings.slack_app_token).start()  # type: ignore[no-untyped-call]
    return 0


def make_clock(services: Services) -> Clock:
    from bot.clock import Clock

    return Clock(services)


def cmd_clock(_args: argparse.Namespace) -> int:
    """The scheduler alone; safe to run twice (one leads, the other stands by)."""
    from bot.clock import run_blocking

    run_blocking(make_clock(_services(load_settings())))
    return 0


def cmd_migrate(_args: argparse.Namespace) -> int:
    from storage.db import Database
    from storage.migrate import upgrade

    database = Database(database_url_from_env())
    before, after = upgrade(database)
    if before == after:
        print(f"Schema already current ({after}).")
    else:
        print(f"Schema upgraded from {before or 'empty'} to {after}.")
    return 0


def cmd_score(_args: argparse.Namespace) -> int:
    from bot.sentiment.cli import run_score

    return run_score(sys.stdin, sys.stdout)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="rapport", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, func, help_text in (
        ("web", cmd_web, "serve Slack's requests over HTTP on $PORT"),
        ("run", cmd_run, "run in Socket Mode with the clock in-process (needs SLACK_APP_TOKEN)"),
        ("clock", cmd_clock, "run the scheduler: pulses, reminders, closing, digests"),
        ("migrate", cmd_migrate, "create or upgrade the database schema"),
        ("score", cmd_score, "score comments read one per line on stdin, as JSON lines"),
    ):
        sub.add_parser(name, help=help_text, description=help_text).set_defaults(func=func)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(f"rapport: cannot start. {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
