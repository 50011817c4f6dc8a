"""The demo's live week, played through the app as Slack would: the client-side lead types
`/rapport send`, then most people tap a rating in their pulse DM.

Everyone taps through the same signed path as the page, so the DMs show what the app
drew for each answer. The lead and one person on each side leave theirs unanswered, for
whoever opens the page to answer.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from bot.services.simulate_moods import client_mood, provider_mood, rating
from bot.views.pulse_dm import PULSE_EVENT
from bot.wiring.playground.seed import SEED, WEEKS, Demo
from bot.wiring.playground.slack_side import SlackSide
from bot.wiring.playground.workspace import Message, Workspace

WAIT_SECONDS = 30.0
LEFT_FOR_YOU = 1
"""People on each side (besides the lead) whose pulse DM is left unanswered."""


def pulse_dms(workspace: Workspace) -> dict[str, Message]:
    """Each person's pulse DM (the newest), by user id."""
    found: dict[str, Message] = {}
    with workspace.lock:
        for channel, messages in workspace.messages.items():
            for message in messages:
                if (message.metadata or {}).get("event_type") == PULSE_EVENT:
                    found["U" + channel[1:]] = message
    return found


def _until(done: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _answered(message: Message) -> bool:
    return any(
        element.get("style") == "primary"
        for block in message.blocks
        if block.get("block_id") == "pulse.rate"
        for element in block.get("elements") or []
    )


def _tap(slack: SlackSide, user: str, message: Message, number: int) -> None:
    for block in message.blocks:
        for element in block.get("elements") or []:
            if element.get("action_id") == f"pulse.rate.{number}":
                action = {
                    "type": "button",
                    "action_id": element["action_id"],
                    "block_id": block.get("block_id"),
                    "value": element.get("value"),
                    "text": element.get("text"),
                }
                slack.click(user, action, message=message)
                return


def play(slack: SlackSide, demo: Demo) -> int:
    """Send the pulse and answer it for most people; returns how many DMs arrived."""
    workspace = slack.workspace
    slack.command(demo.lead, workspace.dm_of(demo.lead), "send")
    _until(lambda: len(pulse_dms(workspace)) >= demo.recipients)
    dms = pulse_dms(workspace)
    rng = random.Random(SEED)
    mood = {"client": client_mood(WEEKS, WEEKS + 1), "provider": provider_mood(WEEKS, WEEKS + 1)}
    left = {"client": LEFT_FOR_YOU, "provider": LEFT_FOR_YOU}
    tapped = []
    for user in sorted(dms):
        side, role = demo.roles[user]
        if user == demo.lead:
            continue
        if role != "lead" and left[side] > 0:
            left[side] -= 1
            continue
        _tap(slack, user, dms[user], rating(rng, mood[side]))
        tapped.append(user)
    _until(lambda: all(_answered(pulse_dms(workspace)[u]) for u in tapped))
    return len(dms)
