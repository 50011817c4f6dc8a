"""The HTTP face: Slack's requests on POST /slack/events, SLA facts on POST /sla, GET /healthz,
and the public pages (`/`, `/privacy`, `/support`, in `pages.py`)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import text

from bot.domain.errors import NotPermitted
from bot.domain.sla_feed import FactError
from bot.domain.vocabulary import utcnow
from bot.services.sla_feed import SLA_PATH, receive
from bot.wiring.pages import Site, render
from storage.db import Database
from storage.errors import explain

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
    app: App,
    database: Database,
    signing_secret: str,
    now: Callable[[], datetime] = utcnow,
    site: Site | None = None,
) -> WSGIApplication:
    """The WSGI app: health, SLA facts, and Slack's requests, whose signature is checked
    before anything reads their body (so an unsigned, deeply nested payload is a 401)."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    verifier = SignatureVerifier(signing_secret)

    def sla(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """POST /sla: read the body, let the service record it, map its refusals to HTTP."""
        if environ.get("REQUEST_METHOD") != "POST":
            return _json(start_response, "405 Method Not Allowed", {"ok": False})
        given = environ.get("CONTENT_LENGTH") or "0"
        if not given.isascii() or not given.isdigit():
            answer = {"ok": False, "field": "body", "error": "Content-Length is not a number"}
            return _json(start_response, "400 Bad Request", answer)
        length = int(given)
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
                environ.get("HTTP_X_RAPPORT_TIMESTAMP"),
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
        except Exception as error:
            # One line, not a traceback: a monitor asks every few seconds while it is down.
            logger.error("health check: database unreachable: %s", explain(error, database.url))
            status, body = "503 Service Unavailable", {"ok": False, "error": "database"}
        payload = json.dumps(body).encode()
        start_response(status, [("Content-Type", "application/json")])
        return [payload]

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == "/healthz" and method == "GET":
            return healthz(start_response)
        if method in ("GET", "HEAD") and (page := render(path, site or Site())) is not None:
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [page.encode()]
        if path == SLA_PATH:
            return sla(environ, start_response)
        if path != EVENTS_PATH:
            return slack(environ, start_response)
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isascii() or not length.isdigit() or int(length) > MAX_BODY:
            return plain(start_response, "413 Payload Too Large")
        body = environ["wsgi.input"].read(int(length)) if int(length) else b""
        headers = {
            "x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
            "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", ""),
        }
        if not signed(verifier, body, headers):
            return plain(start_response, "401 Unauthorized")
        problem = unreadable(body, environ.get("CONTENT_TYPE", ""))
        if problem:
            logger.warning("a signed Slack request was refused: its body is %s", problem)
            return plain(start_response, "400 Bad Request")
        environ["wsgi.input"] = io.BytesIO(body)
        try:
            return slack(environ, start_response)
        except RecursionError:
            logger.warning("a signed request too deeply nested to read was refused")
            return plain(start_response, "400 Bad Request")

    return wsgi


def signed(verifier: SignatureVerifier, body: bytes, headers: dict[str, str]) -> bool:
    """Whether Slack signed this body just now; any malformed header is simply "no"."""
    try:
        return bool(verifier.is_valid_request(body, headers))
    except (ValueError, TypeError):
        return False


def unreadable(body: bytes, content_type: str) -> str:
    """Why Bolt could not read this body, read as Bolt reads it; "" when it can.

    A JSON body (by type, or starting with "{") must be an object; a form's ``payload``,
    when present, must be a JSON object. The reason never quotes the body.
    """
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json") or text.startswith("{"):
            return "" if isinstance(json.loads(text), dict) else "JSON but not an object"
        form = parse_qs(text, keep_blank_values=True)
        if "payload" in form:
            found = json.loads(form["payload"][0])
            return "" if isinstance(found, dict) else "a payload that is not a JSON object"
    except UnicodeDecodeError:
        return "not UTF-8"
    except RecursionError:
        return "nested too deeply to read"
    except ValueError:
        return "not valid JSON"
    return ""


def plain(start_response: StartResponse, status: str) -> Iterable[bytes]:
    """A short text answer that says nothing about the app's insides."""
    start_response(status, [("Content-Type", "text/plain")])
    return [status.split(" ", 1)[1].encode()]
