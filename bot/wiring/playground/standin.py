"""The playground's Slack: the Web API, response URLs and file uploads over loopback HTTP."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlparse

from bot.wiring.playground.loopback import QuietHandler, loopback_server
from bot.wiring.playground.web_api import WebApi
from bot.wiring.playground.workspace import Workspace

MAX_BODY = 20_000_000


def read_params(query: str, body: bytes, content_type: str) -> dict[str, Any]:
    """A call's arguments from the query string and a form or JSON body, as Slack reads them."""
    params: dict[str, Any] = dict(parse_qsl(query))
    if body and "json" in content_type:
        decoded = json.loads(body)
        if isinstance(decoded, dict):
            params.update(decoded)
    elif body:
        params.update(dict(parse_qsl(body.decode())))
    return params


class SlackStandIn:
    """Serves `/api/<method>` for one bot token, `/response/<token>`, `/upload/<id>` and
    `/files/<id>` on a free loopback port."""

    def __init__(self, workspace: Workspace, bot_token: str) -> None:
        self.workspace = workspace
        self.bot_token = bot_token
        self._server, self._thread = loopback_server(0, self._handler(), "slack-standin")
        self.api = WebApi(workspace, self.base)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self, token: str) -> str:
        return f"{self.base}/response/{token}"

    def start(self) -> SlackStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[QuietHandler]:
        standin = self

        class Handler(QuietHandler):
            def _json(self, body: dict[str, Any]) -> None:
                self.send_body(200, json.dumps(body).encode())

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                url = urlparse(self.path)
                if url.path.startswith("/files/"):
                    self.send_uploaded(standin.workspace, url.path)
                    return
                self.do_POST()

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self.send_body(413, b"too large", "text/plain")
                    return
                body = self.rfile.read(length) if length else b""
                if url.path.startswith("/upload/"):
                    ok = standin.api.receive_upload(url.path.removeprefix("/upload/"), body)
                    self.send_body(200 if ok else 404, b"OK" if ok else b"not found", "text/plain")
                    return
                try:
                    params = read_params(url.query, body, self.headers.get("Content-Type", ""))
                except ValueError:
                    self._json({"ok": False, "error": "invalid_json"})
                    return
                if url.path.startswith("/response/"):
                    token = url.path.removeprefix("/response/")
                    if standin.api.respond(token, params):
                        self.send_body(200, b"ok", "text/plain")
                    else:
                        self.send_body(404, b"no_response_url", "text/plain")
                    return
                if not url.path.startswith("/api/"):
                    self.send_body(404, b"not found", "text/plain")
                    return
                auth = self.headers.get("Authorization", "")
                token = auth.removeprefix("Bearer ").strip() or str(params.pop("token", ""))
                if token != standin.bot_token:
                    self._json({"ok": False, "error": "invalid_auth"})
                    return
                try:
                    answer = standin.api.answer(url.path.removeprefix("/api/"), params)
                except (ValueError, TypeError, AttributeError):
                    answer = {"ok": False, "error": "invalid_arguments"}
                self._json(answer)

        return Handler
