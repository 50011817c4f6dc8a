"""What Slack sends the app, sent the way Slack sends it: signed HTTP to `/slack/events`.

Slash commands and clicks are form posts (`payload=` JSON for clicks and submissions),
events are JSON; each is signed with the playground's own signing secret, so the app
checks it exactly as it checks Slack's.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from bot.wiring.playground.standin import SlackStandIn
from bot.wiring.playground.workspace import Message, Reply

logger = logging.getLogger(__name__)
APP_ID = "A0PLAYGROUND"


@dataclass(frozen=True, slots=True)
class Delivered:
    """The app's HTTP answer: its status and, for answers in the acknowledgement, the body."""

    status: int
    body: dict[str, Any]


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackSide:
    """Slack's half of the conversation with the app, for the people of one workspace."""

    def __init__(self, events_url: str, signing_secret: str, standin: SlackStandIn) -> None:
        self.events_url = events_url
        self.signing_secret = signing_secret
        self.standin = standin
        self.workspace = standin.workspace

    def _send(self, body: bytes, content_type: str) -> Delivered:
        timestamp = str(int(time.time()))
        request = urllib.request.Request(  # noqa: S310 - a loopback http URL we built
            self.events_url,
            data=body,
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature(self.signing_secret, timestamp, body),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            decoded = json.loads(raw) if raw.strip() else {}
        except ValueError:
            decoded = {"text": raw.decode(errors="replace")}
        return Delivered(status, decoded if isinstance(decoded, dict) else {})

    def _form(self, fields: dict[str, str]) -> Delivered:
        return self._send(urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def _who(self, user_id: str) -> dict[str, str]:
        person = self.workspace.people[user_id]
        return {
            "id": user_id,
            "username": person.name.split()[0].lower(),
            "name": person.name.split()[0].lower(),
            "team_id": self.workspace.team_id,
        }

    def command(self, user_id: str, channel: str, text: str) -> Delivered:
        """`/rapport <text>` typed by `user_id` in `channel`; an answer in the ack is shown."""
        token = self.workspace.reply_url_token(Reply(user_id, channel))
        delivered = self._form(
            {
                "token": "playground",
                "team_id": self.workspace.team_id,
                "team_domain": "rapport-playground",
                "channel_id": channel,
                "channel_name": self.workspace.channels.get(channel, ("directmessage", []))[0],
                "user_id": user_id,
                "user_name": self._who(user_id)["name"],
                "command": "/rapport",
                "text": text,
                "api_app_id": APP_ID,
                "is_enterprise_install": "false",
                "response_url": self.standin.response_url(token),
                "trigger_id": self.workspace.trigger_for(user_id),
            }
        )
        if delivered.body.get("text") or delivered.body.get("blocks"):
            self.standin.api.respond(token, delivered.body)
        return delivered

    def click(
        self,
        user_id: str,
        action: dict[str, Any],
        *,
        message: Message | None = None,
        view: dict[str, Any] | None = None,
    ) -> Delivered:
        """A click (or a pick) on a control in a message, the Home tab or a modal."""
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": {"id": self.workspace.team_id, "domain": "rapport-playground"},
            "user": self._who(user_id),
            "api_app_id": APP_ID,
            "token": "playground",
            "trigger_id": self.workspace.trigger_for(user_id),
            "actions": [{**action, "action_ts": f"{time.time():.6f}"}],
            "is_enterprise_install": False,
        }
        if message is not None:
            token = self.workspace.reply_url_token(Reply(user_id, message.channel, message.ts))
            payload["container"] = {
                "type": "message",
                "message_ts": message.ts,
                "channel_id": message.channel,
                "is_ephemeral": message.only_for is not None,
            }
            payload["channel"] = {"id": message.channel}
            payload["message"] = message.as_slack()
            payload["response_url"] = self.standin.response_url(token)
        elif view is not None:
            payload["container"] = {"type": "view", "view_id": view.get("id")}
            payload["view"] = view
        return self._form({"payload": json.dumps(payload)})

    def submit(self, user_id: str, view: dict[str, Any], values: dict[str, Any]) -> Delivered:
        """A modal's submit button: the view with its state, as Slack sends it."""
        payload = {
            "type": "view_submission",
            "team": {"id": self.workspace.team_id, "domain": "rapport-playground"},
            "user": self._who(user_id),
            "api_app_id": APP_ID,
            "token": "playground",
            "trigger_id": self.workspace.trigger_for(user_id),
            "view": {**view, "state": {"values": values}},
            "response_urls": [],
            "is_enterprise_install": False,
        }
        return self._form({"payload": json.dumps(payload)})

    def home_opened(self, user_id: str) -> Delivered:
        """The person opened the app's Home tab: the app_home_opened event."""
        now = time.time()
        event = {
            "token": "playground",
            "team_id": self.workspace.team_id,
            "api_app_id": APP_ID,
            "type": "event_callback",
            "event_id": self.workspace.next_id("Ev"),
            "event_time": int(now),
            "event": {
                "type": "app_home_opened",
                "user": user_id,
                "channel": self.workspace.dm_of(user_id),
                "tab": "home",
                "event_ts": f"{now:.6f}",
            },
            "authorizations": [
                {
                    "team_id": self.workspace.team_id,
                    "user_id": self.workspace.bot_user,
                    "is_bot": True,
                }
            ],
        }
        return self._send(json.dumps(event).encode(), "application/json")
