"""Drive the real app with signed Slack requests built from recorded payloads."""

from __future__ import annotations

import copy
import itertools
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.support.signing import signed_headers
from tests.support.slack_api import TEAM, SlackStandIn

FIXTURES = Path(__file__).parent.parent / "fixtures" / "slack"
_tokens = itertools.count(1)


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return loaded


@dataclass
class Reply:
    """What the app answered: in the HTTP response, and later through response_url."""

    status: int
    body: Any
    token: str
    standin: SlackStandIn

    def messages(self) -> list[dict[str, Any]]:
        """What the person was told: a message replaced through response_url is not a reply."""
        first = [self.body] if isinstance(self.body, dict) and self.body.get("text") else []
        told = [m for m in self.standin.replies(self.token) if not m.get("replace_original")]
        return first + told

    @property
    def text(self) -> str:
        return "\n".join(str(m.get("text", "")) for m in self.messages())

    @property
    def ephemeral(self) -> bool:
        """Answered, and only ever to the person who asked."""
        found = self.messages()
        return bool(found) and all(m.get("response_type") == "ephemeral" for m in found)

    def all_text(self) -> str:
        return self.text

    def text_when(self, seen: str, timeout: float = 15.0) -> str:
        """The text once it holds `seen`: from a real process, a reply that missed the
        acknowledgement comes later through response_url."""
        deadline = time.monotonic() + timeout
        while seen not in self.text and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.text


Transport = Callable[[str, dict[str, str]], tuple[int, bytes]]
"""Deliver a signed body with its headers to the app; its HTTP status and response body."""


class SlackDriver:
    """Sends the app what Slack would: signed commands, clicks, form submissions, events."""

    def __init__(
        self,
        app_url: str,
        secret: str,
        standin: SlackStandIn,
        settle: Callable[[], None] | None = None,
        send: Transport | None = None,
    ) -> None:
        self.url = app_url.rstrip("/") + "/slack/events"
        self.secret = secret
        self.standin = standin
        # Called after each request, so work done after the ack is finished when we look.
        self.settle = settle or (lambda: None)
        self.send = send or self.over_http

    def over_http(self, body: str, headers: dict[str, str]) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.url, data=body.encode(), method="POST", headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        token: str = "",
    ) -> Reply:
        sign = signed_headers(body, self.secret) if headers is None else headers
        status, raw = self.send(body, {"Content-Type": content_type, **sign})
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        self.settle()
        return Reply(status, parsed, token, self.standin)

    def command_body(
        self, text: str, *, user: str, channel: str, team: str = TEAM
    ) -> tuple[str, str]:
        token = f"cmd{next(_tokens)}"
        form = fixture("slash_command") | {
            "text": text,
            "user_id": user,
            "channel_id": channel,
            "team_id": team,
            "response_url": self.standin.response_url(token),
            "trigger_id": f"trig.{token}",
        }
        return urlencode(form), token

    def command(
        self,
        text: str,
        *,
        user: str = "U0LEAD",
        channel: str = "C0ALERTS",
        team: str = TEAM,
        **kw: Any,
    ) -> Reply:
        body, token = self.command_body(text, user=user, channel=channel, team=team)
        return self.post(body, "application/x-www-form-urlencoded", token=token, **kw)

    def _interactive(self, payload: dict[str, Any], token: str) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", token=token)

    def click(
        self,
        action_id: str,
        value: str,
        *,
        user: str,
        channel: str | None = None,
        ts: str = "1700000001.000100",
        team: str = TEAM,
        sender_team: str | None = None,
    ) -> Reply:
        """A click on a message; `sender_team`: the workspace whose bot posted it."""
        token = f"act{next(_tokens)}"
        payload = copy.deepcopy(fixture("block_actions"))
        channel = channel or "D" + user[1:]
        payload["user"].update(id=user, team_id=team)
        payload["team"]["id"] = team
        if sender_team is not None:
            payload["message"]["team"] = sender_team
        payload["container"].update(channel_id=channel, message_ts=ts)
        payload["channel"]["id"] = channel
        payload["response_url"] = self.standin.response_url(token, (channel, ts))
        payload["trigger_id"] = f"trig.{token}"
        payload["actions"][0].update(
            action_id=action_id, block_id=action_id.rsplit(".", 1)[0], value=value
        )
        return self._interactive(payload, token)

    def select(
        self,
        action_id: str,
        block_id: str,
        values: list[str],
        *,
        user: str,
        channel: str | None = None,
        ts: str = "1700000001.000100",
        team: str = TEAM,
    ) -> Reply:
        """Change a multi-select, as Slack sends it: every option now selected, none if cleared."""
        token = f"act{next(_tokens)}"
        payload = copy.deepcopy(fixture("block_actions"))
        channel = channel or "D" + user[1:]
        payload["user"].update(id=user, team_id=team)
        payload["container"].update(channel_id=channel, message_ts=ts)
        payload["channel"]["id"] = channel
        payload["response_url"] = self.standin.response_url(token, (channel, ts))
        payload["trigger_id"] = f"trig.{token}"
        payload["actions"] = [
            {
                "type": "multi_static_select",
                "action_id": action_id,
                "block_id": block_id,
                "selected_options": [
                    {"text": {"type": "plain_text", "text": v}, "value": v} for v in values
                ],
                "action_ts": "1700000002.000200",
            }
        ]
        return self._interactive(payload, token)

    def submit(
        self,
        callback_id: str,
        values: dict[str, Any],
        *,
        user: str,
        private_metadata: str = "",
        team: str = TEAM,
        sender_team: str | None = None,
    ) -> Reply:
        """A form submitted; `sender_team`: the workspace whose installation opened it."""
        token = f"view{next(_tokens)}"
        payload = copy.deepcopy(fixture("view_submission"))
        payload["user"].update(id=user, team_id=team)
        if isinstance(payload.get("team"), dict):
            payload["team"]["id"] = team
        if sender_team is not None:
            payload["view"].update(team_id=sender_team, app_installed_team_id=sender_team)
        payload["view"].update(callback_id=callback_id, private_metadata=private_metadata)
        payload["view"]["state"]["values"] = values
        return self._interactive(payload, token)

    def home_opened(self, user: str, team: str = TEAM) -> Reply:
        payload = copy.deepcopy(fixture("app_home_opened"))
        payload["event"]["user"] = user
        payload["team_id"] = team
        return self.post(json.dumps(payload), "application/json")
