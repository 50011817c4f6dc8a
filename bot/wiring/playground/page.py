"""The playground's page and its JSON API, served on loopback by the standard library.

GET `/` and `/static/…` serve the page; GET `/api/…` draws what a person sees; POST
`/api/…` does what a person does in Slack (a click, a command, a submitted form,
opening Home), which `SlackSide` sends to the app as Slack would.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs, urlparse

from bot.wiring.playground import screen
from bot.wiring.playground.loopback import QuietHandler, loopback_server
from bot.wiring.playground.slack_side import Delivered, SlackSide
from bot.wiring.playground.workspace import Workspace

logger = logging.getLogger(__name__)
ASSETS = ("index.html", "playground.js", "playground.css")
MAX_BODY = 100_000


class Page:
    """What the page asks for and does, on one workspace, through Slack's side."""

    def __init__(self, workspace: Workspace, slack: SlackSide, channel: str) -> None:
        self.workspace = workspace
        self.slack = slack
        self.channel = channel

    def people(self) -> dict[str, Any]:
        ws = self.workspace
        return {
            "people": [
                {"id": p.user_id, "name": p.name, "title": p.title} for p in ws.people.values()
            ],
            "channel": {"id": self.channel, "name": ws.channels[self.channel][0]},
            "version": ws.version,
        }

    def screen(self, user: str, where: str, thread: str | None) -> dict[str, Any]:
        if user not in self.workspace.people:
            raise LookupError(user)
        if where == "home":
            drawn = screen.home(self.workspace, user)
        else:
            channel = self.channel if where == self.channel else self.workspace.dm_of(user)
            drawn = screen.conversation(self.workspace, channel, user, thread)
        return {
            **drawn,
            "modal": screen.modal(self.workspace, user),
            "version": self.workspace.version,
        }

    def _view(self, user: str, view_id: str) -> dict[str, Any] | None:
        for view in (self.workspace.modal_of(user), self.workspace.homes.get(user)):
            if view is not None and view.get("id") == view_id:
                return view
        return None

    def act(self, body: dict[str, Any]) -> Delivered:
        user, action = str(body["user"]), dict(body["action"])
        if body.get("ts"):
            channel = (
                self.channel if body.get("where") == self.channel else self.workspace.dm_of(user)
            )
            message = self.workspace.find(channel, str(body["ts"]))
            if message is None:
                raise LookupError("message")
            return self.slack.click(user, action, message=message)
        view = self._view(user, str(body.get("view_id")))
        if view is None:
            raise LookupError("view")
        return self.slack.click(user, action, view=view)

    def command(self, body: dict[str, Any]) -> Delivered:
        user, text = str(body["user"]), str(body.get("text") or "")
        text = text.strip().removeprefix("/rapport").strip()
        channel = self.channel if body.get("where") == self.channel else self.workspace.dm_of(user)
        return self.slack.command(user, channel, text)

    def submit(self, body: dict[str, Any]) -> dict[str, Any]:
        user = str(body["user"])
        view = self._view(user, str(body.get("view_id")))
        if view is None:
            raise LookupError("view")
        delivered = self.slack.submit(user, view, dict(body.get("values") or {}))
        action = delivered.body.get("response_action")
        if delivered.status == 200 and action == "errors":
            return {"status": 200, "errors": delivered.body.get("errors") or {}}
        if (
            delivered.status == 200
            and action == "update"
            and isinstance(delivered.body.get("view"), dict)
        ):
            self.workspace.update_view(str(view.get("id")), delivered.body["view"])
        elif delivered.status == 200:
            self.workspace.close_modal(user, everything=action == "clear")
        return {"status": delivered.status, "errors": {}}

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if str(body.get("user")) not in self.workspace.people:
            raise LookupError("user")
        if path == "/api/action":
            return {"status": self.act(body).status}
        if path == "/api/command":
            return {"status": self.command(body).status}
        if path == "/api/submit":
            return self.submit(body)
        if path == "/api/close":
            self.workspace.close_modal(str(body["user"]))
            return {"status": 200}
        if path == "/api/home":
            return {"status": self.slack.home_opened(str(body["user"])).status}
        raise LookupError(path)


class PageServer:
    """Binds 127.0.0.1:`port` (0: any free port) at once; serves the page once it is ready."""

    def __init__(self, port: int) -> None:
        self.page: Page | None = None
        self._server, self._thread = loopback_server(port, self._handler(), "playground-page")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def serve(self, page: Page) -> None:
        self.page = page
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()

    def close(self) -> None:
        self._server.server_close()

    def _handler(self) -> type[QuietHandler]:
        owner = self

        class Handler(QuietHandler):
            def _json(self, status: int, body: dict[str, Any]) -> None:
                self.send_body(status, json.dumps(body).encode(), "application/json")

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                page = owner.page
                assert page is not None  # requests are served only once the page is set
                if not self._ours():
                    self.send_body(403, b"not this page", "text/plain")
                    return
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                name = "index.html" if url.path == "/" else url.path.removeprefix("/static/")
                if name in ASSETS:
                    asset = files("bot.wiring.playground").joinpath("static", name).read_bytes()
                    kind = mimetypes.guess_type(name)[0] or "text/plain"
                    self.send_body(200, asset, kind + "; charset=utf-8")
                elif url.path.startswith("/files/"):
                    self.send_uploaded(page.workspace, url.path)
                elif url.path == "/api/people":
                    self._json(200, page.people())
                elif url.path == "/api/version":
                    self._json(200, {"version": page.workspace.version})
                elif url.path == "/api/screen":
                    try:
                        drawn = page.screen(
                            query.get("user", ""), query.get("where", ""), query.get("thread")
                        )
                    except LookupError:
                        self._json(404, {"error": "no such person"})
                        return
                    self._json(200, drawn)
                else:
                    self.send_body(404, b"not found", "text/plain")

            def _ours(self) -> bool:
                """Only this page may call the API: its own host name (no DNS rebinding),
                and JSON bodies, which a page elsewhere cannot post without asking first."""
                port = owner._server.server_address[1]
                host = self.headers.get("Host", "")
                return host in (f"127.0.0.1:{port}", f"localhost:{port}")

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                page = owner.page
                assert page is not None
                kind = self.headers.get("Content-Type", "")
                if not self._ours() or not kind.startswith("application/json"):
                    self._json(403, {"error": "not this page"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._json(413, {"error": "too large"})
                    return
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                    answer = page.post(urlparse(self.path).path, body)
                except (ValueError, KeyError, TypeError, LookupError) as error:
                    self._json(400, {"error": type(error).__name__})
                    return
                except OSError as error:  # the app did not answer
                    logger.warning("the app did not answer: %s", error)
                    self._json(502, {"error": "the app did not answer"})
                    return
                self._json(200, answer)

        return Handler
