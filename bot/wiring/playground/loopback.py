"""What the playground's two local web servers share: a quiet handler and a loopback
server on a thread of its own."""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.wiring.playground.workspace import Workspace


class QuietHandler(BaseHTTPRequestHandler):
    """Logs no request; answers with one body that is never cached."""

    def log_message(self, *args: Any) -> None:
        pass

    def send_body(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_uploaded(self, workspace: Workspace, path: str) -> None:
        """`/files/<id>`: a file uploaded into the workspace, or 404."""
        found = workspace.files.get(path.removeprefix("/files/"))
        if found is None:
            self.send_body(404, b"not found", "text/plain")
            return
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        self.send_body(200, found.content, kind)


def loopback_server(
    port: int, handler: type[BaseHTTPRequestHandler], name: str
) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """A server bound to 127.0.0.1:`port` (0: any free port) now, and the thread that will
    serve it once started."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), name=name, daemon=True)
    return server, thread
