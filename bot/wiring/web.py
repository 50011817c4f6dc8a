"""The HTTP face: Slack's requests on POST /slack/events, a health check on GET /healthz."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text

from storage.db import Database

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000


def make_wsgi(app: App, database: Database) -> WSGIApplication:
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def healthz(start_response: StartResponse) -> Iterable[bytes]:
        body: dict[str, object]
        try:
            with database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            status, body = "200 OK", {"ok": True}
        except Exception:
            logger.exception("health check: database unreachable")
            status, body = "503 Service Unavailable", {"ok": False, "error": "database"}
        payload = json.dumps(body).encode()
        start_response(status, [("Content-Type", "application/json")])
        return [payload]

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == "/healthz" and method == "GET":
            return healthz(start_response)
        if path == EVENTS_PATH and int(environ.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            start_response("413 Payload Too Large", [("Content-Type", "text/plain")])
            return [b"Payload Too Large"]
        return slack(environ, start_response)

    return wsgi
