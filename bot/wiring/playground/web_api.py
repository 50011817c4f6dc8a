"""The Web API methods Rapport calls, answered the way Slack answers them, on a `Workspace`."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from bot.wiring.playground.workspace import Message, Reply, UploadedFile, Workspace

logger = logging.getLogger(__name__)
Answer = dict[str, Any]


def _parsed(raw: object) -> Any:
    """A parameter that arrives as JSON text in a form body, or already decoded."""
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except ValueError:
            return None
    return raw


def _error(code: str) -> Answer:
    return {"ok": False, "error": code}


class WebApi:
    """Slack's answers for one workspace: Slack-shaped successes and Slack's error codes."""

    def __init__(self, workspace: Workspace, base: str) -> None:
        self.workspace = workspace
        self.base = base
        self.pending_uploads: dict[str, str] = {}
        self.methods: dict[str, Callable[[dict[str, Any]], Answer]] = {
            "auth.test": self._auth_test,
            "auth.teams.list": self._teams_list,
            "users.info": self._users_info,
            "conversations.open": self._conversations_open,
            "conversations.members": self._conversations_members,
            "conversations.history": self._history,
            "conversations.replies": self._replies,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.update": self._update,
            "chat.delete": self._delete,
            "views.publish": self._views_publish,
            "views.open": lambda p: self._views_open(p, push=False),
            "views.push": lambda p: self._views_open(p, push=True),
            "views.update": self._views_update,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }

    def answer(self, method: str, params: dict[str, Any]) -> Answer:
        handler = self.methods.get(method)
        if handler is None:
            logger.warning("the playground's Slack does not know %s", method)
            return _error("unknown_method")
        return handler(params)

    # -- identity --------------------------------------------------------------
    def _auth_test(self, _params: dict[str, Any]) -> Answer:
        ws = self.workspace
        return {
            "ok": True,
            "url": "https://rapport-playground.slack.com/",
            "team": "Rapport playground",
            "user": "rapport",
            "team_id": ws.team_id,
            "user_id": ws.bot_user,
            "bot_id": "B" + ws.bot_user[1:],
        }

    def _teams_list(self, _params: dict[str, Any]) -> Answer:
        team = {"id": self.workspace.team_id, "name": "Rapport playground"}
        return {"ok": True, "teams": [team], "response_metadata": {"next_cursor": ""}}

    def _users_info(self, params: dict[str, Any]) -> Answer:
        user_id = str(params.get("user") or "")
        person = self.workspace.people.get(user_id)
        if person is None and user_id != self.workspace.bot_user:
            return _error("user_not_found")
        name = person.name if person else "Rapport"
        return {
            "ok": True,
            "user": {
                "id": user_id,
                "team_id": self.workspace.team_id,
                "name": name.split()[0].lower(),
                "real_name": name,
                "profile": {"real_name": name, "display_name": name, "title": ""},
                "is_bot": person is None,
                "deleted": False,
                "tz": "Europe/Berlin",
                "locale": "en-US",
            },
        }

    # -- conversations -------------------------------------------------------------
    def _conversations_open(self, params: dict[str, Any]) -> Answer:
        users = str(params.get("users") or "").split(",")
        if len(users) != 1 or users[0] not in self.workspace.people:
            return _error("user_not_found")
        return {"ok": True, "channel": {"id": self.workspace.dm_of(users[0])}}

    def _conversations_members(self, params: dict[str, Any]) -> Answer:
        found = self.workspace.channels.get(str(params.get("channel") or ""))
        if found is None:
            return _error("channel_not_found")
        return {"ok": True, "members": list(found[1]), "response_metadata": {"next_cursor": ""}}

    def _history(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        if channel is None:
            return _error("channel_not_found")
        limit = int(params.get("limit") or 100)
        with self.workspace.lock:
            found = [m for m in self.workspace.messages.get(channel, []) if m.only_for is None]
            newest = [m.as_slack() for m in reversed(found)][:limit]
        return {"ok": True, "messages": newest, "has_more": len(found) > limit}

    def _replies(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        ts = str(params.get("ts") or "")
        parent = self.workspace.find(channel, ts) if channel else None
        if channel is None or parent is None:
            return _error("thread_not_found")
        thread = [parent, *self.workspace.thread(channel, ts)]
        return {"ok": True, "messages": [m.as_slack() for m in thread], "has_more": False}

    # -- messages ------------------------------------------------------------------
    def _message_from(self, params: dict[str, Any], channel: str) -> Message:
        blocks = _parsed(params.get("blocks")) or []
        return Message(
            channel=channel,
            ts=self.workspace.new_ts(),
            user=self.workspace.bot_user,
            text=str(params.get("text") or ""),
            blocks=blocks if isinstance(blocks, list) else [],
            thread_ts=str(params["thread_ts"]) if params.get("thread_ts") else None,
            metadata=_parsed(params.get("metadata")),
        )

    def _post_message(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        if channel is None:
            return _error("channel_not_found")
        if not params.get("text") and not params.get("blocks"):
            return _error("no_text")
        message = self.workspace.post(self._message_from(params, channel))
        return {"ok": True, "channel": channel, "ts": message.ts, "message": message.as_slack()}

    def _post_ephemeral(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        user = str(params.get("user") or "")
        if channel is None:
            return _error("channel_not_found")
        if user not in self.workspace.people:
            return _error("user_not_in_channel")
        message = self._message_from(params, channel)
        message.only_for = user
        self.workspace.post(message)
        return {"ok": True, "message_ts": message.ts}

    def _update(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        ts = str(params.get("ts") or "")
        blocks = _parsed(params.get("blocks")) or []
        text = str(params.get("text") or "")
        if channel is None or not self.workspace.update(channel, ts, text, blocks):
            return _error("message_not_found")
        return {"ok": True, "channel": channel, "ts": ts, "text": text}

    def _delete(self, params: dict[str, Any]) -> Answer:
        channel = self.workspace.channel_for(str(params.get("channel") or ""))
        ts = str(params.get("ts") or "")
        if channel is None or not self.workspace.delete(channel, ts):
            return _error("message_not_found")
        return {"ok": True, "channel": channel, "ts": ts}

    # -- views -----------------------------------------------------------------------
    def _views_publish(self, params: dict[str, Any]) -> Answer:
        user, view = str(params.get("user_id") or ""), _parsed(params.get("view"))
        if user not in self.workspace.people:
            return _error("user_not_found")
        if not isinstance(view, dict) or view.get("type") != "home":
            return _error("invalid_arguments")
        return {"ok": True, "view": self.workspace.publish_home(user, view)}

    def _views_open(self, params: dict[str, Any], *, push: bool) -> Answer:
        view = _parsed(params.get("view"))
        if not isinstance(view, dict) or view.get("type") != "modal":
            return _error("invalid_arguments")
        try:
            stored = self.workspace.open_modal(str(params.get("trigger_id") or ""), view, push)
        except KeyError:
            return _error("invalid_trigger_id")
        return {"ok": True, "view": stored}

    def _views_update(self, params: dict[str, Any]) -> Answer:
        view = _parsed(params.get("view"))
        if not isinstance(view, dict):
            return _error("invalid_arguments")
        stored = self.workspace.update_view(str(params.get("view_id") or ""), view)
        return {"ok": True, "view": stored} if stored else _error("not_found")

    # -- files -----------------------------------------------------------------------
    def _upload_url(self, params: dict[str, Any]) -> Answer:
        file_id = self.workspace.next_id("F")
        self.pending_uploads[file_id] = str(params.get("filename") or "file")
        return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}

    def receive_upload(self, file_id: str, content: bytes) -> bool:
        name = self.pending_uploads.pop(file_id, None)
        if name is None:
            return False
        self.workspace.files[file_id] = UploadedFile(file_id, name, content)
        return True

    def _complete_upload(self, params: dict[str, Any]) -> Answer:
        wanted = _parsed(params.get("files")) or []
        files = [f for f in wanted if isinstance(f, dict) and f.get("id") in self.workspace.files]
        if not files or len(files) != len(wanted):
            return _error("file_not_found")
        shared = [
            {
                "id": f["id"],
                "name": self.workspace.files[f["id"]].name,
                "title": str(f.get("title") or self.workspace.files[f["id"]].name),
                "url_private": f"{self.base}/files/{f['id']}",
            }
            for f in files
        ]
        channel = self.workspace.channel_for(str(params.get("channel_id") or ""))
        if channel is not None:
            message = self._message_from({"text": params.get("initial_comment") or ""}, channel)
            message.files = shared
            message.thread_ts = str(params["thread_ts"]) if params.get("thread_ts") else None
            self.workspace.post(message)
        return {"ok": True, "files": shared}

    # -- response_url ----------------------------------------------------------------
    def respond(self, token: str, body: dict[str, Any]) -> bool:
        """A post to a response_url: replace or delete the original, or a new message."""
        reply: Reply | None = self.workspace.replies.get(token)
        if reply is None:
            return False
        text, blocks = str(body.get("text") or ""), _parsed(body.get("blocks")) or []
        if reply.message_ts and body.get("delete_original"):
            self.workspace.delete(reply.channel, reply.message_ts)
        elif reply.message_ts and body.get("replace_original"):
            self.workspace.update(reply.channel, reply.message_ts, text, blocks)
        else:
            message = self._message_from({"text": text, "blocks": blocks}, reply.channel)
            if body.get("response_type") != "in_channel":
                message.only_for = reply.user
            self.workspace.post(message)
        return True
