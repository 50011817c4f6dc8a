"""Digest steps for end-to-end tests: a sponsor, two closed pulses, and what reached a DM."""

from __future__ import annotations

import json
from typing import Any

from tests.support import flows
from tests.support.running import RunningApp

SPONSOR = "U0SPON"


def dm_posts(rapport: RunningApp, user: str) -> list[dict[str, Any]]:
    channel = "D" + user[1:]
    return [
        c.params
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("channel") == channel
    ]


def uploads_to(rapport: RunningApp, user: str) -> list[bytes]:
    """The bytes of each file whose upload was completed into the user's DM."""
    channel = "D" + user[1:]
    found = []
    for call in rapport.standin.calls_to("files.completeUploadExternal"):
        if call.params.get("channel_id") != channel:
            continue
        files = call.params["files"]
        for item in json.loads(files) if isinstance(files, str) else files:
            found.append(rapport.standin.uploads[item["id"]])
    return found


def blocks_text(params: dict[str, Any]) -> str:
    blocks = params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return json.dumps(blocks, ensure_ascii=False)


def with_history(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.answer_round(rapport, [4, 4, 5], [4, 4, 4])
    flows.close(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
