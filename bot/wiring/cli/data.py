"""The subcommands that work on data: migrate, score, export and simulate."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.domain.i18n import language_of, reading_as
from bot.wiring.cli.common import (
    OperatorError,
    command_database,
    new_output_file,
    writable_directory,
    write_output_file,
)
from bot.wiring.settings import database_url_from_env, secret_key_from_env


def cmd_migrate(_args: argparse.Namespace) -> int:
    from storage.migrate import upgrade

    with command_database(database_url_from_env(), secret_key_from_env()) as database:
        before, after = upgrade(database)
    if before == after:
        print(f"Schema already current ({after}).")
    else:
        print(f"Schema upgraded from {before or 'empty'} to {after}.")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from bot.domain.sentiment.cli import run_score

    return run_score(sys.stdin, sys.stdout, explain=args.explain, language=args.lang)


def cmd_export(args: argparse.Namespace) -> int:
    """Per-pulse aggregates of one engagement (never an individual answer) as CSV or JSON."""
    from bot.services.export import ExportError, find_engagement, render
    from bot.services.portfolio_export import export_portfolio
    from storage.migrate import require_current, require_sqlite_file

    out = new_output_file(Path(args.out), force=args.force) if args.out else None
    url = database_url_from_env()
    require_sqlite_file(url)  # reading must not leave an empty rapport.db behind
    # Read-only: a backup copy, or a file this user may not write, exports as well.
    key = secret_key_from_env()
    with command_database(url, key, read_only=True, refused=(ExportError,)) as database:
        require_current(database)
        with database.reading() as session:
            if args.portfolio:
                now = datetime.now(UTC)
                text = export_portfolio(session, args.portfolio, args.team, args.format, now)
            else:
                engagement = find_engagement(session, args.engagement, args.team)
                text = render(session, engagement, args.format)
    if out is None:
        sys.stdout.write(text)
    else:
        write_output_file(out, text, force=args.force)
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    """A synthetic engagement through the real pipeline, no Slack; writes the digest to --out."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its own scratch database
    from bot.services.simulate import SimulationExistsError, simulate
    from bot.wiring.settings import ConfigError
    from storage.errors import database_problems

    out = writable_directory(Path(args.out))
    url = f"sqlite:///{out / 'simulate.db'}"
    if args.database:
        try:
            url = database_url_from_env({"DATABASE_URL": args.database})
        except ConfigError as error:
            raise OperatorError(str(error).replace("DATABASE_URL", "--database")) from error
    language = language_of(args.locale)
    with database_problems(url), reading_as(language):
        try:
            run = simulate(
                args.weeks,
                args.seed,
                out,
                url,
                fresh=not args.database,
                language=language,
                **{key: getattr(args, key) for key in ("team", "lead") if getattr(args, key)},
            )
        except SimulationExistsError as error:
            raise OperatorError(str(error)) from error
    story = run.alerts
    opened = ", ".join(f"{rule} {n}" for rule, n in sorted(story.opened.items())) or "none"
    resolved = ", ".join(f"{rule} {n}" for rule, n in sorted(story.resolved.items())) or "none"
    print(f"Simulated {run.weeks} weekly pulses (seed {run.seed}).")
    print(f"Alerts opened: {opened}. Resolved: {resolved}.")
    print(
        f"Re-raised: {story.reraised}. Escalated to the sponsors: {len(story.escalated)}. "
        f"Fixed at account level: {story.fixed_at_account}."
    )
    for path in run.files:
        print(f"wrote {path}")
    print(f'The engagement "{run.name}" ({run.team}, lead {run.lead}) is kept in {url}')
    return 0


def _weeks(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 520:
        raise argparse.ArgumentTypeError(f"weeks must be a whole number from 1 to 520, not {value}")
    return int(value)


def _language(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise argparse.ArgumentTypeError(f"a two-letter language code such as de, not {value}")
    return value.lower()


def score_arguments(score: argparse.ArgumentParser) -> None:
    score.add_argument(
        "--explain", action="store_true", help="list the rules that moved each score"
    )
    score.add_argument(
        "--lang",
        type=_language,
        help="the comments' language as a two-letter code (en, de, es); detected if not given",
    )


def export_arguments(export: argparse.ArgumentParser) -> None:
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--engagement", help='its name, e.g. "Acme deal"')
    which.add_argument(
        "--portfolio", metavar="USER", help="a lead's or sponsor's Slack user id: their portfolio"
    )
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="(csv)")
    export.add_argument("--team", help="the Slack team id, if the name exists in several")
    export.add_argument("--out", help="write to this file instead of standard output")
    export.add_argument(
        "--force", action="store_true", help="replace --out if it exists (never a symlink)"
    )


def simulate_arguments(simulate: argparse.ArgumentParser) -> None:
    simulate.add_argument("--weeks", type=_weeks, default=12, help="weekly pulses to run (12)")
    simulate.add_argument(
        "--seed", type=int, default=1, help="the same seed writes the same files (1)"
    )
    simulate.add_argument(
        "--out", required=True, help="directory for the digest, chart, alerts and figures"
    )
    simulate.add_argument(
        "--database",
        help="keep the engagement in this database (a URL like DATABASE_URL's; "
        "default: a fresh sqlite:///OUT/simulate.db)",
    )
    simulate.add_argument(
        "--team",
        type=_slack_id("T"),
        help="the Slack workspace id the engagement belongs to (T0SIMULATE)",
    )
    simulate.add_argument(
        "--locale",
        default="en",
        help="everyone's Slack locale and the channel's language, e.g. de-DE or pt-BR (en)",
    )
    simulate.add_argument(
        "--lead",
        type=_slack_id("UW"),
        help="your Slack user id, to be its client-side lead in that workspace (U0SIMLEAD)",
    )


def _slack_id(initials: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not re.fullmatch(f"[{initials}][A-Z0-9]{{2,}}", value):
            raise argparse.ArgumentTypeError(
                f"{value!r} is not a Slack id (they look like {initials[0]}0123ABCD)"
            )
        return value

    return parse
