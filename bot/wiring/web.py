"""The HTTP face: Slack's requests on POST /slack/events, SLA facts on POST /sla, GET /healthz."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text

from bot.domain.errors import NotPermitted
from bot.domain.sla_feed import FactError
from bot.domain.vocabulary import utcnow
from bot.services.sla_feed import SLA_PATH, receive
from storage.db import Database

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000
MAX_SLA_BODY = 16_000


def _json(start_response: StartResponse, status: str, body: dict[str, object]) -> list[bytes]:
    start_response(status, [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]


def make_wsgi(
    app: App, database: Database, now: Callable[[], datetime] = utcnow
) -> WSGIApplication:
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def sla(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """POST /sla: read the body, let the service record it, map its refusals to HTTP."""
        if environ.get("REQUEST_METHOD") != "POST":
            return _json(start_response, "405 Method Not Allowed", {"ok": False})
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_SLA_BODY:
            return _json(start_response, "413 Payload Too Large", {"ok": False})
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            recorded = receive(
                database,
                now(),
                environ.get("HTTP_AUTHORIZATION"),
                environ.get("HTTP_X_RAPPORT_SIGNATURE"),
                body,
            )
        except NotPermitted as error:
            return _json(start_response, "401 Unauthorized", {"ok": False, "error": str(error)})
        except FactError as error:
            answer = {"ok": False, "field": error.field, "error": str(error)}
            return _json(start_response, "400 Bad Request", answer)
        except Exception:
            logger.exception("POST /sla failed")
            return _json(start_response, "500 Internal Server Error", {"ok": False})
        return _json(start_response, "201 Created", recorded)

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
        if path == SLA_PATH:
            return sla(environ, start_response)
        if path == EVENTS_PATH and int(environ.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            start_response("413 Payload Too Large", [("Content-Type", "text/plain")])
            return [b"Payload Too Large"]
        return slack(environ, start_response)

    return wsgi
