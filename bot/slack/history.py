"""Find a message Rapport posted, by the metadata it was tagged with, in a conversation's history.

Every DM and alert post carries `{"event_type": …, "event_payload": {key: id}}`, so after
a send whose outcome is unknown (a timeout, a reset) the sender can tell whether it landed
before it sends again.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient


def find_tagged(
    client: WebClient, channel: str, event_type: str, key: str, value: int, limit: int = 100
) -> str | None:
    """The ts of the newest message in `channel` tagged `event_type` with `key` = `value`."""
    history = client.conversations_history(channel=channel, limit=limit, include_all_metadata=True)
    return _tagged(history.get("messages") or [], event_type, key, value)


def find_tagged_reply(
    client: WebClient, channel: str, thread_ts: str, event_type: str, key: str, value: int
) -> str | None:
    """The ts of a reply in the thread of `thread_ts` tagged `event_type` with `key` = `value`."""
    replies = client.conversations_replies(
        channel=channel, ts=thread_ts, limit=200, include_all_metadata=True
    )
    return _tagged(replies.get("messages") or [], event_type, key, value)


def _tagged(messages: list[dict[str, Any]], event_type: str, key: str, value: int) -> str | None:
    """The ts of the first message tagged `event_type` with `key` = `value`."""
    for message in messages:
        metadata: dict[str, Any] = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == event_type and payload.get(key) == value:
            return str(message["ts"])
    return None
