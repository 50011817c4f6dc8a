"""The `rapport` command: web, run, clock, migrate, score, export, simulate, forget, purge, sla,
rotate-key."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version

from bot.wiring.cli import data, keys, records, serve
from bot.wiring.cli.common import OperatorError
from bot.wiring.cli.environment import epilog
from bot.wiring.playground import run as playground
from bot.wiring.settings import ConfigError

SUBCOMMANDS: tuple[tuple[str, Callable[[argparse.Namespace], int], str], ...] = (
    ("web", serve.cmd_web, "serve Slack's requests over HTTP (POST /slack/events, GET /healthz)"),
    ("run", serve.cmd_run, "run in Socket Mode with the clock in-process (needs SLACK_APP_TOKEN)"),
    ("clock", serve.cmd_clock, "run the scheduler: pulses, reminders, closing, digests"),
    ("migrate", data.cmd_migrate, "create or upgrade the database schema"),
    ("score", data.cmd_score, "score comments read one per line on stdin, as JSON lines"),
    ("export", data.cmd_export, "print an engagement's figures per pulse as CSV or JSON"),
    ("simulate", data.cmd_simulate, "run a synthetic engagement without Slack and keep it"),
    (
        "forget",
        records.cmd_forget,
        "erase a person: comments deleted, answers unlinked, memberships",
    ),
    ("purge", records.cmd_purge, "delete an engagement and every row that belongs to it"),
    ("sla", records.cmd_sla_import, "SLA facts: `rapport sla import FILE.csv` loads history"),
    ("playground", playground.cmd_playground, "the demo engagement in a browser, no Slack needed"),
    (
        "rotate-key",
        keys.cmd_rotate_key,
        "re-seal every comment and Slack token with the first key of RAPPORT_SECRET_KEY",
    ),
)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def rapport_version() -> str:
    try:
        return version("rapport")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="rapport", description=__doc__)
    root.add_argument("--version", action="version", version=f"rapport {rapport_version()}")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parsers: dict[str, argparse.ArgumentParser] = {}
    for name, func, help_text in SUBCOMMANDS:
        parsers[name] = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=epilog(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parsers[name].set_defaults(func=func)
    serve.add_arguments(parsers["web"])
    data.add_arguments(parsers)
    records.add_arguments(parsers)
    playground.add_arguments(parsers["playground"])
    return root


def main(argv: Sequence[str] | None = None) -> int:
    from storage.errors import UnusableDatabaseError

    args = parser().parse_args(argv)
    from bot.wiring import log_privacy

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
    # One line per tick and per migration step is noise; their warnings still show.
    for chatty in ("apscheduler", "alembic"):
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
