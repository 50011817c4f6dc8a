"""The playground's Slack: the Web API, response URLs and file uploads over loopback HTTP."""

from __future__ import annotations

import json
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

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
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.api = WebApi(workspace, self.base)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.1,), name="slack-standin", daemon=True
        )

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

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _json(self, body: dict[str, Any]) -> None:
                self._send(200, json.dumps(body).encode())

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path.startswith("/files/"):
                    found = standin.workspace.files.get(url.path.removeprefix("/files/"))
                    if found is None:
                        self._send(404, b"not found", "text/plain")
                        return
                    kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
                    self._send(200, found.content, kind)
                    return
                self.do_POST()

            def do_POST(self) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._send(413, b"too large", "text/plain")
                    return
                body = self.rfile.read(length) if length else b""
                if url.path.startswith("/upload/"):
                    ok = standin.api.receive_upload(url.path.removeprefix("/upload/"), body)
                    self._send(200 if ok else 404, b"OK" if ok else b"not found", "text/plain")
                    return
                try:
                    params = read_params(url.query, body, self.headers.get("Content-Type", ""))
                except ValueError:
                    self._json({"ok": False, "error": "invalid_json"})
                    return
                if url.path.startswith("/response/"):
                    token = url.path.removeprefix("/response/")
                    if standin.api.respond(token, params):
                        self._send(200, b"ok", "text/plain")
                    else:
                        self._send(404, b"no_response_url", "text/plain")
                    return
                if not url.path.startswith("/api/"):
                    self._send(404, b"not found", "text/plain")
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
