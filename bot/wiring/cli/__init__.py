"""The `rapport` command: web, run, clock, worker, migrate, score, export, simulate, forget,
purge, sla, rotate-key."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import NamedTuple

from bot.wiring.cli.common import OperatorError
from bot.wiring.cli.environment import epilog
from bot.wiring.settings import ConfigError


class Subcommand(NamedTuple):
    """One `rapport` subcommand. Its module is imported only when the subcommand is named,
    so a start (or `--help`) loads only what that subcommand uses: `rapport web` never
    pays for the charts of `simulate` nor the playground's pages."""

    name: str
    module: str
    function: str
    help: str
    arguments: str | None = None
    """The module's function that adds the subcommand's options to its parser."""

    def load(self, parser: argparse.ArgumentParser) -> None:
        module = import_module(self.module)
        if self.arguments is not None:
            getattr(module, self.arguments)(parser)
        run: Callable[[argparse.Namespace], int] = getattr(module, self.function)
        parser.set_defaults(func=run)


_SERVE, _DATA, _RECORDS = "bot.wiring.cli.serve", "bot.wiring.cli.data", "bot.wiring.cli.records"
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(
        "web",
        _SERVE,
        "cmd_web",
        "serve Slack's requests over HTTP (POST /slack/events, GET /healthz)",
        "web_arguments",
    ),
    Subcommand(
        "run",
        _SERVE,
        "cmd_run",
        "run in Socket Mode with the clock in-process (needs SLACK_APP_TOKEN)",
    ),
    Subcommand(
        "clock", _SERVE, "cmd_clock", "run the scheduler: pulses, reminders, closing, digests"
    ),
    Subcommand(
        "worker",
        _SERVE,
        "cmd_worker",
        "send what the clock and web enqueue (JOB_QUEUE=postgres); run as many as needed",
        "worker_arguments",
    ),
    Subcommand("migrate", _DATA, "cmd_migrate", "create or upgrade the database schema"),
    Subcommand(
        "score",
        _DATA,
        "cmd_score",
        "score comments read one per line on stdin, as JSON lines",
        "score_arguments",
    ),
    Subcommand(
        "export",
        _DATA,
        "cmd_export",
        "print an engagement's figures per pulse as CSV or JSON",
        "export_arguments",
    ),
    Subcommand(
        "simulate",
        _DATA,
        "cmd_simulate",
        "run a synthetic engagement without Slack and keep it",
        "simulate_arguments",
    ),
    Subcommand(
        "forget",
        _RECORDS,
        "cmd_forget",
        "erase a person: comments deleted, answers unlinked, memberships",
        "forget_arguments",
    ),
    Subcommand(
        "purge",
        _RECORDS,
        "cmd_purge",
        "delete an engagement and every row that belongs to it",
        "purge_arguments",
    ),
    Subcommand(
        "sla",
        _RECORDS,
        "cmd_sla_import",
        "SLA facts: `rapport sla import FILE.csv` loads history",
        "sla_arguments",
    ),
    Subcommand(
        "playground",
        "bot.wiring.playground.run",
        "cmd_playground",
        "the demo engagement in a browser, no Slack needed",
        "add_arguments",
    ),
    Subcommand(
        "rotate-key",
        "bot.wiring.cli.keys",
        "cmd_rotate_key",
        "re-seal every comment and Slack token with the first key of RAPPORT_SECRET_KEY",
    ),
)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def rapport_version() -> str:
    try:
        return version("rapport")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def named_command(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names: its first word that is not an option (the command's
    own options, --help and --version, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `rapport` parser, with the options of `command` (its module imported) only."""
    root = argparse.ArgumentParser(prog="rapport", description=__doc__)
    root.add_argument("--version", action="version", version=f"rapport {rapport_version()}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for each in SUBCOMMANDS:
        chosen = sub.add_parser(
            each.name,
            help=each.help,
            description=each.help,
            epilog=epilog(each.name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if each.name == command:
            each.load(chosen)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    args = parser(named_command(words)).parse_args(words)
    from bot.wiring import log_privacy
    from storage.errors import UnusableDatabaseError

    log_privacy.install()
    level = os.environ.get("LOG_LEVEL", "").strip().upper() or "INFO"
    if level not in LOG_LEVELS:
        print(
            f"rapport {args.command}: cannot start. LOG_LEVEL must be one of "
            f"{', '.join(LOG_LEVELS)}, not {level!r}.",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # One line per tick, per migration step and per job is noise; their warnings still show.
    for chatty in ("apscheduler", "alembic", "procrastinate"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    what = " ".join(part for part in (args.command, getattr(args, "action", None)) if part)
    try:
        return int(args.func(args))
    except ConfigError as error:
        print(f"rapport {what}: cannot start. {error}", file=sys.stderr)
        return 2
    except UnusableDatabaseError as error:
        print(f"rapport {what}: {error}", file=sys.stderr)
        return 2
    except OperatorError as error:
        print(f"rapport {what}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
