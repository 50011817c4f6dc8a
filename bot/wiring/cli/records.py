"""The subcommands that change stored records: forget a person, purge an engagement, import SLAs."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.wiring.cli.common import Start, command_database
from bot.wiring.cli.serve import container_for
from bot.wiring.settings import database_url_from_env, load_settings, secret_key_from_env


def cmd_forget(args: argparse.Namespace) -> int:
    """Erase one person from every engagement of a workspace, as "Forget me" does."""
    from bot.services.erasure import forget_everywhere

    settings = load_settings(requests=False)
    with Start(settings.database_url) as start:
        container = container_for(settings, start)
    try:
        print(forget_everywhere(container, args.team, args.user))
    finally:
        container.database.dispose()
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Delete an engagement and all its rows (pulses, answers, comments, alerts, members)."""
    from bot.services.erasure import purge
    from bot.services.export import ExportError, find_engagement

    url = database_url_from_env()
    with command_database(url, secret_key_from_env(), refused=(ExportError,)) as database:
        with database.reading() as session:
            found = find_engagement(session, args.engagement, args.team)
            engagement_id, name = found.id, found.name
        purge(database, engagement_id)
    print(f'Deleted "{name}" and all its pulses, answers, comments, alerts and members.')
    return 0


def cmd_sla_import(args: argparse.Namespace) -> int:
    """Load an engagement's SLA history from a CSV: every row, or none if one is wrong."""
    from bot.domain import reply_text
    from bot.domain.sla_feed import FactError
    from bot.domain.vocabulary import utcnow
    from bot.services.export import ExportError
    from bot.services.sla_feed import import_csv

    url = database_url_from_env()
    refused = (ExportError, FactError, OSError, UnicodeDecodeError)
    with command_database(url, secret_key_from_env(), refused=refused) as database:
        count = import_csv(database, args.engagement, args.team, Path(args.file), utcnow())
    print(reply_text.SLA_IMPORTED.format(count=count, engagement=args.engagement))
    return 0


def forget_arguments(forget: argparse.ArgumentParser) -> None:
    forget.add_argument("--team", required=True, help="the Slack team id, e.g. T0123")
    forget.add_argument("--user", required=True, help="the Slack user id, e.g. U0456")


def purge_arguments(purge: argparse.ArgumentParser) -> None:
    purge.add_argument("--engagement", required=True, help='its name, e.g. "Acme deal"')
    purge.add_argument("--team", help="the Slack team id, if the name exists in several")


def sla_arguments(sla: argparse.ArgumentParser) -> None:
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
