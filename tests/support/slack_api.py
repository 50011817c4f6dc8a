"""A local HTTP stand-in for the Slack Web API: records every call, injects faults on demand."""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, urlparse

from tests.support.slack_rules import Limits, manifest_scopes, missing_scope

TEAM = "T0RAPPORT"
RESPONSE_URL_USES = 5
BOT_USER = "U0BOT"
# The people of the test workspace: members of every channel a test does not model.
WORKSPACE_PEOPLE = frozenset(
    {
        *("U0LEAD", "U0LEAD2", "U0ANA", "U0BEN", "U0EVE", "U0ANY", "U0MEM", "U0NEW"),
        *("U0OTHER", "U0SIM", "U0CANARY", "U0INI1", "U0INI2"),
        *("U0CLI1", "U0CLI2", "U0CLI3", "U0PRO1", "U0PRO2", "U0PRO3"),
        *("U0SPON", "U0SPON2", "U0SPONSOR", "U0SPA", "U0SPB", "U0SPC"),
    }
)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    user: str | None = None
    token: str | None = None
    """The bot token the call carried (a multi-workspace stand-in tells workspaces by it)."""


@dataclass
class Fault:
    """What to answer instead of success, for a method (and optionally one user)."""

    method: str
    user: str | None
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    times: int | None = None  # None: every time
    # "hang": answer only after `seconds` (past the client's timeout); "reset": close the
    # connection without an answer. `landed`: the call took effect first (the message
    # exists), so the caller cannot tell from its error whether it did.
    drop: str | None = None
    seconds: float = 0.0
    landed: bool = False

    def matches(self, method: str, user: str | None) -> bool:
        return (
            self.method == method
            and (self.user is None or self.user == user)
            and (self.times is None or self.times > 0)
        )


@dataclass
class RateLimit:
    per_second: float
    window: deque[float] = field(default_factory=deque)
    # Each workspace counted apart, as Slack counts its per-workspace limits.
    per_workspace: bool = False
    windows: dict[str, deque[float]] = field(default_factory=dict)

    def window_of(self, workspace: str) -> deque[float]:
        return self.windows.setdefault(workspace, deque()) if self.per_workspace else self.window


def _target_user(params: dict[str, Any]) -> str | None:
    for key in ("user", "users", "channel", "user_id"):
        value = params.get(key)
        if isinstance(value, str) and value[:1] in ("U", "W", "D", "C", "G"):
            return "U" + value[1:] if value.startswith("D") else value
    return None


class SlackStandIn:
    """Serve `/api/<method>`, `/response/<token>` and `/upload/<id>` on a free loopback port."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []
        self.uploads: dict[str, bytes] = {}
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.faults: list[Fault] = []
        self.rate_limits: dict[str, RateLimit] = {}
        self.unknown_users: set[str] = set()
        self.bots: set[str] = set()
        self.user_tz: dict[str, str] = {}
        # Slack's locale per person ("de-DE"), sent only when asked with include_locale.
        self.user_locale: dict[str, str] = {}
        self.user_team: dict[str, str] = {}
        # channel → its members; a channel not listed has every person in WORKSPACE_PEOPLE
        # and everyone the stand-in was asked about.
        self.channel_members: dict[str, list[str]] = {}
        self.people: set[str] = set(WORKSPACE_PEOPLE)
        self.latency = 0.0
        self.origins: dict[str, tuple[str, str]] = {}  # response_url token → message
        self.response_uses: dict[str, int] = {}
        # Slack's rules (tests/support/slack_rules.py): the token holds exactly the
        # manifest's scopes, and every method keeps to its tier per workspace. `clock`
        # gives the time in seconds (the app's own clock in `running_app`); `time_factor` runs
        # Slack's faster, so a test lives through Slack's minutes in seconds (Retry-After
        # stays in real seconds).
        self.strict = True
        self.scopes = manifest_scopes()
        self.limits = Limits()
        self.time_factor = 1.0
        self.clock: Callable[[], float] = time.monotonic
        # Called for each API call no explicit fault matched: a fault to inject, or None.
        self.chaos: Callable[[str], Fault | None] | None = None
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.005,), daemon=True
        )

    # -- lifecycle -------------------------------------------------------------
    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self, token: str, message: tuple[str, str] | None = None) -> str:
        """A response_url; `message` (channel, ts): the message clicked, which a response
        with `replace_original` replaces, as Slack does."""
        if message is not None:
            self.origins[token] = message
        return f"{self.base}/response/{token}"

    def redraws(self) -> list[dict[str, Any]]:
        """Every message replaced, in order: by chat.update or through a response_url."""
        with self._lock:
            return [
                c.params
                for c in self.calls
                if c.method in ("chat.update", "response_url") and c.status == 200
            ]

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- fault injection -------------------------------------------------------
    def fail(
        self, method: str, error: str, *, user: str | None = None, times: int | None = None
    ) -> None:
        self.faults.append(Fault(method, user, error=error, times=times))

    def rate_limit(
        self, method: str, retry_after: int = 1, *, user: str | None = None, times: int = 1
    ) -> None:
        self.faults.append(
            Fault(
                method, user, status=429, error="ratelimited", retry_after=retry_after, times=times
            )
        )

    def server_error(
        self, method: str, status: int = 503, *, user: str | None = None, times: int = 1
    ) -> None:
        self.faults.append(Fault(method, user, status=status, times=times))

    def hang(
        self,
        method: str,
        seconds: float,
        *,
        user: str | None = None,
        times: int | None = 1,
        landed: bool = False,
    ) -> None:
        """Answer `method` only after `seconds`, so the client times out first."""
        self.faults.append(
            Fault(method, user, times=times, drop="hang", seconds=seconds, landed=landed)
        )

    def reset(
        self, method: str, *, user: str | None = None, times: int | None = 1, landed: bool = False
    ) -> None:
        """Close the connection on `method` without an answer."""
        self.faults.append(Fault(method, user, times=times, drop="reset", landed=landed))

    def limit_rate(self, method: str, per_second: float, *, per_workspace: bool = False) -> None:
        """Answer 429 to calls beyond `per_second` in any one-second window, like Slack's tiers
        (in each workspace apart with `per_workspace`)."""
        self.rate_limits[method] = RateLimit(per_second, per_workspace=per_workspace)

    # -- inspection ------------------------------------------------------------
    def calls_to(self, method: str, *, ok_only: bool = True) -> list[Call]:
        with self._lock:
            return [
                c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)
            ]

    def dms(self) -> list[Call]:
        """Successful chat.postMessage calls addressed to a person."""
        return [
            c
            for c in self.calls_to("chat.postMessage")
            if str(c.params.get("channel", ""))[:1] in "UW"
        ]

    def replies(self, token: str) -> list[dict[str, Any]]:
        with self._lock:
            return [body for t, body in self.responses if t == token]

    # -- the server ------------------------------------------------------------
    def _fault_for(
        self, method: str, user: str | None, arrived: float | None = None, token: str | None = None
    ) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, user):
                if fault.times is not None:
                    fault.times -= 1
                return fault
        if self.chaos is not None and (injected := self.chaos(method)) is not None:
            return injected
        return self._rate_set_by_test(method, arrived, token)

    def _rate_set_by_test(
        self, method: str, arrived: float | None = None, token: str | None = None
    ) -> Fault | None:
        """Slack counts a call against its limit when it arrives, not when it answers."""
        limit = self.rate_limits.get(method)
        if limit is not None:
            window = limit.window_of(self._workspace_of(token))
            now = time.monotonic() if arrived is None else arrived
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= limit.per_second:
                return Fault(method, None, status=429, error="ratelimited", retry_after=1)
            # Calls answered out of the order they arrived in keep the window sorted.
            bisect.insort(window, now)
        return None

    def _record_response(self, token: str, params: dict[str, Any]) -> None:
        """A response taken: `replace_original` replaces the message it was for."""
        self.responses.append((token, params))
        origin = self.origins.get(token)
        if origin is not None and str(params.get("replace_original")) in ("True", "true"):
            channel, ts = origin
            replaced = dict(params, channel=channel, ts=ts)
            self.messages[(channel, ts)] = replaced
            self.calls.append(Call("response_url", replaced, time.monotonic()))

    def _workspace_of(self, token: str | None) -> str:
        """Which workspace a token belongs to, for the per-workspace tiers."""
        return TEAM

    def _enforce(
        self, method: str, params: dict[str, Any], token: str | None
    ) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        """Slack's refusal of this call (scope, then tier), or None when it may go."""
        if not self.strict or method == "oauth.v2.access":
            return None
        conversation = str(params.get("channel") or params.get("users") or "") or None
        refused = missing_scope(method, conversation, frozenset(self.scopes))
        if refused is not None:
            return 200, refused, {}
        wait = self.limits.retry_after(
            self._workspace_of(token), method, conversation, self.clock() * self.time_factor
        )
        if wait is not None:
            real = max(1, math.ceil(wait / self.time_factor))
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(real)}
        return None

    def _answer_as(self, method: str, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        """The answer to a call made with `token`; one workspace answers every token alike."""
        return self._answer(method, params)

    def _page(self, method: str, params: dict[str, Any], found: list[Any]) -> dict[str, Any]:
        """One page of messages, newest first, no larger than Slack allows this app."""
        asked = int(params.get("limit") or 100)
        cap = self.limits.page_limit(method) if self.strict else None
        size = min(asked, cap) if cap is not None else asked
        return {"ok": True, "messages": found[:size], "has_more": len(found) > size}

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://rapport-test.slack.com/",
                "team": "Test",
                "user": "rapport",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": "B0BOT",
            }
        if method == "conversations.members":
            channel = str(params.get("channel"))
            members = self.channel_members.get(channel)
            if members is None:
                members = sorted(self.people | {BOT_USER})
            return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}
        if method == "users.info":
            uid = str(params.get("user"))
            if uid in self.unknown_users:
                return {"ok": False, "error": "user_not_found"}
            self.people.add(uid)
            return {
                "ok": True,
                "user": {
                    "id": uid,
                    "team_id": self.user_team.get(uid, TEAM),
                    "name": uid.lower(),
                    "is_bot": uid in self.bots,
                    "deleted": False,
                    "tz": self.user_tz.get(uid, "Europe/Berlin"),
                    **_locale(self.user_locale.get(uid, "en-US"), params),
                },
            }
        if method in ("chat.postMessage", "chat.update"):
            channel = str(params.get("channel", ""))
            if channel[:1] in "UW":
                channel = "D" + channel[1:]
            ts = str(params.get("ts") or f"{1_700_000_000 + next(self._ts)}.000100")
            stored = dict(params, channel=channel, ts=ts)
            self.messages[(channel, ts)] = stored
            return {"ok": True, "channel": channel, "ts": ts, "message": stored}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{1_700_000_000 + next(self._ts)}.000200"}
        if method.startswith("views."):
            return {
                "ok": True,
                "view": {"id": f"V{next(self._ts):06d}", **(_json(params.get("view")) or {})},
            }
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", "U"))[1:]}}
        if method == "conversations.history":
            channel = str(params.get("channel"))
            found = [m for (c, _), m in self.messages.items() if c == channel]
            return self._page(method, params, list(reversed(found)))
        if method == "conversations.replies":
            channel, ts = str(params.get("channel")), str(params.get("ts"))
            found = [
                m
                for (c, t), m in self.messages.items()
                if c == channel and (t == ts or str(m.get("thread_ts")) == ts)
            ]
            return self._page(method, params, found)
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = _json(params.get("files")) or []
            return {
                "ok": True,
                "files": [{"id": f.get("id"), "title": f.get("title")} for f in files],
            }
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _params(self) -> dict[str, Any]:
                url = urlparse(self.path)
                params: dict[str, Any] = dict(parse_qsl(url.query))
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                kind = self.headers.get("Content-Type", "")
                if url.path.startswith("/upload/"):
                    # File bodies stay bytes, whatever Content-Type the client claims.
                    params["_raw"] = raw
                elif raw and "json" in kind:
                    params.update(json.loads(raw))
                elif raw and "form" in kind:
                    params.update(dict(parse_qsl(raw.decode())))
                elif raw:
                    params["_raw"] = raw
                return params

            def _send(
                self,
                status: int,
                body: dict[str, Any] | None,
                headers: dict[str, str] | None = None,
            ) -> None:
                payload = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

            def _respond(self, token: str, params: dict[str, Any]) -> None:
                """A response_url: 5 uses (Slack: "up to five times within 30 minutes");
                `replace_original` replaces the message clicked."""
                with standin._lock:
                    fault = standin._fault_for("response_url", None)
                if fault is not None and fault.drop is None:
                    self._send(fault.status if fault.status != 200 else 404, None)
                    return
                with standin._lock:
                    uses = standin.response_uses.get(token, 0) + 1
                    standin.response_uses[token] = uses
                    used_up = standin.strict and uses > RESPONSE_URL_USES
                    if not used_up and (fault is None or fault.landed):
                        standin._record_response(token, params)
                if fault is not None:
                    self._drop(fault)
                elif used_up:
                    self._send(404, {"ok": False, "error": "used_url"})
                else:
                    self._send(200, None)

            def _drop(self, fault: Fault) -> None:
                if fault.drop == "hang":
                    time.sleep(fault.seconds)
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(2)

            def do_GET(self) -> None:
                self.do_POST()

            def do_POST(self) -> None:
                path = urlparse(self.path).path
                params = self._params()
                arrived = time.monotonic()
                if standin.latency:
                    time.sleep(standin.latency)
                if path.startswith("/response/"):
                    self._respond(path.rsplit("/", 1)[1], params)
                    return
                if path.startswith("/upload/"):
                    standin.uploads[path.rsplit("/", 1)[1]] = params.get("_raw", b"")
                    self._send(200, None)
                    return
                method = path.removeprefix("/api/")
                user = _target_user(params)
                token = _bearer(self.headers.get("Authorization")) or params.pop("token", None)
                with standin._lock:
                    fault = standin._fault_for(method, user, arrived, token)
                    if fault is not None and fault.drop is not None:
                        answer = standin._answer_as(method, params, token) if fault.landed else None
                        standin.calls.append(
                            Call(
                                method,
                                params,
                                time.monotonic(),
                                200 if answer else 599,
                                user,
                                token,
                            )
                        )
                if fault is not None and fault.drop is not None:
                    self._drop(fault)
                    return
                with standin._lock:
                    enforced = standin._enforce(method, params, token) if fault is None else None
                    if enforced is not None:
                        status, body, headers = enforced
                    elif fault is None:
                        status, body, headers = 200, standin._answer_as(method, params, token), {}
                    elif fault.status == 429:
                        status, body = 429, {"ok": False, "error": "ratelimited"}
                        headers = {"Retry-After": str(fault.retry_after or 1)}
                    elif fault.status >= 500:
                        status, body, headers = fault.status, None, {}
                    else:
                        status, body, headers = 200, {"ok": False, "error": fault.error}, {}
                    ok = status == 200 and bool(body and body.get("ok"))
                    standin.calls.append(
                        Call(
                            method,
                            params,
                            time.monotonic(),
                            200 if ok else (400 if status == 200 else status),
                            user,
                            token,
                        )
                    )
                self._send(status, body, headers)

        return Handler


def _bearer(header: str | None) -> str | None:
    if header and header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip() or None
    return None


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _locale(locale: str, params: dict[str, Any]) -> dict[str, str]:
    """users.info's `locale`, which Slack includes only when asked (include_locale=true)."""
    asked = str(params.get("include_locale", "")).lower() in ("true", "1")
    return {"locale": locale} if asked else {}
