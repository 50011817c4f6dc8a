"""`rapport playground`: the demo engagement in a browser, backed by the real web app.

One process runs three loopback servers: the playground's Slack (`standin.py`), the
real Bolt app behind the same WSGI stack and waitress server `rapport web` uses, and
the page. The demo history comes from `rapport simulate`; then the client-side lead
types `/rapport send`, so every person has a live pulse DM to answer.
"""

from __future__ import annotations

import argparse
import logging
import secrets
import shutil
import tempfile
import threading
import webbrowser
from contextlib import ExitStack, suppress
from pathlib import Path

from bot.wiring.playground import live
from bot.wiring.playground import words as text
from bot.wiring.playground.page import Page, PageServer
from bot.wiring.playground.seed import history_posts, populate
from bot.wiring.playground.slack_side import SlackSide
from bot.wiring.playground.standin import SlackStandIn
from bot.wiring.playground.workspace import Workspace

logger = logging.getLogger("rapport")
BOT_USER = "U0RAPPORT"
DEFAULT_PORT = 3100
DATABASE_FILE = "playground.db"


def _bind(port: int) -> PageServer:
    # Imported here: the CLI package imports this module while it loads.
    from bot.wiring.cli.common import OperatorError

    try:
        return PageServer(port)
    except OSError as error:
        raise OperatorError(
            text.PORT_TAKEN.format(port=port, reason=error.strerror or error)
        ) from error


def _database(folder: Path) -> str:
    """A fresh SQLite file in `folder`: the playground starts over each time."""
    path = folder / DATABASE_FILE
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def start(folder: Path, page_server: PageServer, stack: ExitStack) -> tuple[int, int]:
    """Start Slack's stand-in and the app, seed the demo, play its live week, serve the page.

    Returns how many pulse DMs arrived, and to how many people the pulse went.
    """
    import waitress

    from bot.services import simulate
    from bot.wiring.app import create_app
    from bot.wiring.cli.common import Start
    from bot.wiring.cli.serve import container_for
    from bot.wiring.container import ContextPool
    from bot.wiring.settings import load_settings
    from bot.wiring.web import EVENTS_PATH, MAX_BODY, make_wsgi

    bot_token, signing_secret = f"xoxb-playground-{secrets.token_hex(12)}", secrets.token_hex(16)
    workspace = Workspace(simulate.TEAM, BOT_USER, [])
    standin = SlackStandIn(workspace, bot_token).start()
    stack.callback(standin.stop)
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": bot_token,
            "SLACK_SIGNING_SECRET": signing_secret,
            "SLACK_API_URL": standin.api_url,
            "DATABASE_URL": _database(folder),
            "SLACK_MESSAGES_PER_SECOND": "50",
            "RETRY_BASE_SECONDS": "1",
            "SLACK_TIMEOUT_SECONDS": "10",
        }
    )
    container = container_for(settings, stack.enter_context(Start(settings.database_url)))
    stack.callback(container.database.dispose)
    stack.callback(container.stopping.set)
    demo = populate(container.database)
    workspace.people = {p.user_id: p for p in demo.people}
    workspace.add_channel(demo.channel, demo.channel_name, [p.user_id for p in demo.people])
    for post in history_posts(container.database, demo.engagement_id, BOT_USER):
        workspace.post(post)

    listeners = ContextPool(settings.listener_threads, thread_name_prefix="listener")
    app = create_app(container, listener_executor=listeners)
    wsgi = make_wsgi(app, container.database, settings.slack_signing_secret)
    server = waitress.create_server(
        wsgi, host="127.0.0.1", port=0, threads=8, max_request_body_size=MAX_BODY, ident="rapport"
    )
    threading.Thread(target=server.run, name="rapport-web", daemon=True).start()
    stack.callback(server.close)
    events = f"http://127.0.0.1:{server.effective_port}{EVENTS_PATH}"
    slack = SlackSide(events, signing_secret, standin)

    sent = live.play(slack, demo)
    page_server.serve(Page(workspace, slack, demo.channel))
    stack.callback(page_server.stop)
    return sent, demo.recipients


def cmd_playground(args: argparse.Namespace) -> int:
    """Run the playground until interrupted; a temporary folder is removed at the end."""
    from bot.wiring.cli.common import writable_directory

    page_server = _bind(args.port)
    with ExitStack() as stack:
        stack.callback(page_server.close)
        if args.folder:
            folder = writable_directory(Path(args.folder))
        else:
            folder = Path(tempfile.mkdtemp(prefix="rapport-playground-"))
            stack.callback(shutil.rmtree, folder, True)
        sent, recipients = start(folder, page_server, stack)
        print(text.READY.format(url=page_server.url), flush=True)
        if sent < recipients:
            print(text.PULSE_SHORT.format(sent=sent, people=recipients), flush=True)
        print(text.STOP.format(folder=folder), flush=True)
        if not args.no_browser:
            webbrowser.open(page_server.url)
        with suppress(KeyboardInterrupt):  # Ctrl+C is how the playground is stopped
            threading.Event().wait()
    return 0


def port_or_any(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(
            f"a port is a whole number from 1 to 65535 (0: any free one), not {value}"
        )
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port",
        type=port_or_any,
        default=DEFAULT_PORT,
        help=f"where the page listens on 127.0.0.1 ({DEFAULT_PORT}; 0: any free port)",
    )
    parser.add_argument("--no-browser", action="store_true", help="print the URL, open nothing")
    parser.add_argument(
        "--folder",
        help="keep the database here (started over each run; default: a temporary folder)",
    )
