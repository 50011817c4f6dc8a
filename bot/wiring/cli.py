"""The `rapport` command: web, run, clock, migrate, score, export, forget, purge, simulate."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.wiring.process_settings import ConfigError, database_url_from_env, load_settings

if TYPE_CHECKING:
    from bot.services.container import Container
    from bot.services.process_settings import ProcessSettings
    from bot.wiring.clock import Clock

logger = logging.getLogger("rapport")


def _container(settings: ProcessSettings) -> Container:
    from bot.services.container import Container
    from storage.db import Database
    from storage.migrate import upgrade

    database = Database(settings.database_url)
    upgrade(database)
    return Container.create(settings, database)


def cmd_web(_args: argparse.Namespace) -> int:
    """Serve Slack's HTTP requests with waitress on $PORT; never runs a scheduler."""
    import waitress

    from bot.services.sending import resume_unsettled
    from bot.wiring.app import create_app
    from bot.wiring.web import MAX_BODY, make_wsgi

    settings = load_settings()
    container = _container(settings)
    listeners = ThreadPoolExecutor(settings.listener_threads, thread_name_prefix="listener")
    wsgi = make_wsgi(
        create_app(container, listener_executor=listeners),
        container.database,
        settings.slack_signing_secret,
    )
    host = os.environ.get("HOST", "0.0.0.0")  # noqa: S104 - a web process listens on all interfaces
    resumed = resume_unsettled(container)
    if resumed:
        logger.info("resumed the DMs of %d open pulse(s) left unsettled", resumed)
    logger.info("Rapport web listening on %s:%s", host, settings.port)
    try:
        waitress.serve(
            wsgi,
            host=host,
            port=settings.port,
            threads=settings.web_threads,
            connection_limit=settings.web_connection_limit,
            channel_timeout=settings.web_channel_timeout,
            max_request_body_size=MAX_BODY,
            ident="rapport",
        )
    finally:
        container.stopping.set()
    return 0


def cmd_run(_args: argparse.Namespace) -> int:
    """Socket Mode: one process, no public URL needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.wiring.app import create_app
    from bot.wiring.clock import start_background

    settings = load_settings(socket_mode=True)
    container = _container(settings)
    assert settings.slack_app_token is not None  # load_settings(socket_mode=True) requires it
    start_background(make_clock(container))
    logger.info("Rapport running in Socket Mode, with its clock")
    SocketModeHandler(create_app(container), settings.slack_app_token).start()  # type: ignore[no-untyped-call]
    return 0


def make_clock(container: Container) -> Clock:
    from bot.wiring.clock import Clock

    return Clock(container)


def cmd_clock(_args: argparse.Namespace) -> int:
    """The scheduler alone; safe to run twice (one leads, the other stands by)."""
    from bot.wiring.clock import run_blocking

    run_blocking(make_clock(_container(load_settings())))
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


def cmd_score(args: argparse.Namespace) -> int:
    from bot.domain.sentiment.cli import run_score

    return run_score(sys.stdin, sys.stdout, explain=args.explain)


def cmd_export(args: argparse.Namespace) -> int:
    """Per-pulse aggregates of one engagement (never an individual answer) as CSV or JSON."""
    from bot.services.export import ExportError, find_engagement, render
    from storage.db import Database

    database = Database(database_url_from_env())
    try:
        with database.reading() as session:
            text = render(
                session, find_engagement(session, args.engagement, args.team), args.format
            )
    except ExportError as error:
        print(f"rapport export: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Erase one person from every engagement of a workspace, as "Forget me" does."""
    from bot.services.erasure import forget_everywhere

    container = _container(load_settings())
    try:
        print(forget_everywhere(container, args.team, args.user))
    finally:
        container.database.dispose()
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete an engagement and all its rows (pulses, answers, comments, alerts, members)."""
    from bot.services.erasure import purge
    from bot.services.export import ExportError, find_engagement
    from storage.db import Database

    database = Database(database_url_from_env())
    try:
        with database.reading() as session:
            found = find_engagement(session, args.engagement, args.team)
            engagement_id, name = found.id, found.name
        purge(database, engagement_id)
    except ExportError as error:
        print(f"rapport purge: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f'Deleted "{name}" and all its pulses, answers, comments, alerts and members.')
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    """A synthetic engagement through the real pipeline, no Slack; writes the digest to --out."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its own scratch database
    from bot.services.simulate import simulate

    run = simulate(args.weeks, args.seed, Path(args.out))
    opened = ", ".join(f"{rule} {n}" for rule, n in sorted(run.opened.items())) or "none"
    resolved = ", ".join(f"{rule} {n}" for rule, n in sorted(run.resolved.items())) or "none"
    print(f"Simulated {run.weeks} weekly pulses (seed {run.seed}).")
    print(f"Alerts opened: {opened}. Resolved: {resolved}.")
    for path in run.files:
        print(f"wrote {path}")
    return 0


def cmd_sla_import(args: argparse.Namespace) -> int:
    """Load an engagement's SLA history from a CSV: every row, or none if one is wrong."""
    from bot.domain import catalogue
    from bot.domain.sla_feed import FactError
    from bot.domain.vocabulary import utcnow
    from bot.services.export import ExportError
    from bot.services.sla_feed import import_csv
    from storage.db import Database

    database = Database(database_url_from_env())
    try:
        count = import_csv(database, args.engagement, args.team, Path(args.file), utcnow())
    except (ExportError, FactError, OSError, UnicodeDecodeError) as error:
        print(f"rapport sla import: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(catalogue.SLA_IMPORTED.format(count=count, engagement=args.engagement))
    return 0


def _add_sla(sub: Any) -> None:
    sla = sub.add_parser("sla", help="SLA facts: `rapport sla import FILE.csv` loads history")
    actions = sla.add_subparsers(dest="action", required=True, metavar="ACTION")
    load = actions.add_parser(
        "import",
        help="load SLA history from a CSV",
        description="Columns: period (YYYY-MM-DD), then status and note, or metric, value, "
        "target and higher_is_better. Reads DATABASE_URL.",
    )
    load.add_argument("file", help="the CSV file")
    load.add_argument("--engagement", required=True, help='its name, e.g. "Acme deal"')
    load.add_argument("--team", help="the Slack team id, if the name exists in several")
    load.set_defaults(func=cmd_sla_import)


def _weeks(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 520:
        raise argparse.ArgumentTypeError(f"weeks must be a whole number from 1 to 520, not {value}")
    return int(value)


def _add_arguments(sub: Any) -> None:
    sub.choices["score"].add_argument(
        "--explain", action="store_true", help="list the rules that moved each score"
    )
    export = sub.choices["export"]
    export.add_argument("--engagement", required=True, help='its name, e.g. "Acme deal"')
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--team", help="the Slack team id, if the name exists in several")
    export.add_argument("--out", help="write to this file instead of standard output")
    forget = sub.choices["forget"]
    forget.add_argument("--team", required=True, help="the Slack team id, e.g. T0123")
    forget.add_argument("--user", required=True, help="the Slack user id, e.g. U0456")
    purge = sub.choices["purge"]
    purge.add_argument("--engagement", required=True, help='its name, e.g. "Acme deal"')
    purge.add_argument("--team", help="the Slack team id, if the name exists in several")
    simulate = sub.choices["simulate"]
    simulate.add_argument("--weeks", type=_weeks, default=12, help="weekly pulses to run (12)")
    simulate.add_argument("--seed", type=int, default=1, help="the same seed writes the same files")
    simulate.add_argument("--out", required=True, help="directory for the digest, chart and alerts")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="rapport", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, func, help_text in (
        ("web", cmd_web, "serve Slack's requests over HTTP on $PORT"),
        ("run", cmd_run, "run in Socket Mode with the clock in-process (needs SLACK_APP_TOKEN)"),
        ("clock", cmd_clock, "run the scheduler: pulses, reminders, closing, digests"),
        ("migrate", cmd_migrate, "create or upgrade the database schema"),
        ("score", cmd_score, "score comments read one per line on stdin, as JSON lines"),
        ("export", cmd_export, "print an engagement's figures per pulse as CSV or JSON"),
        ("forget", cmd_forget, "erase a person: comments deleted, answers unlinked, memberships"),
        ("purge", cmd_purge, "delete an engagement and every row that belongs to it"),
        ("simulate", cmd_simulate, "run a synthetic engagement without Slack; write its digest"),
    ):
        sub.add_parser(name, help=help_text, description=help_text).set_defaults(func=func)
    _add_arguments(sub)
    _add_sla(sub)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from bot.wiring import log_privacy

    log_privacy.install()
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # One line per tick and per migration step is noise; their warnings still show.
    for chatty in ("apscheduler", "alembic"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(f"rapport: cannot start. {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
