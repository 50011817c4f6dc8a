"""The demo's live week: the lead sends the pulse, and all but a few answer through the app."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from bot.wiring.playground.live import LEFT_FOR_YOU, pulse_dms
from bot.wiring.playground.page import PageServer
from bot.wiring.playground.run import start
from bot.wiring.playground.workspace import Message, Workspace


@pytest.fixture
def played(tmp_path: Path) -> Iterator[Workspace]:
    with ExitStack() as stack:
        page_server = PageServer(0)
        stack.callback(page_server.close)
        start(tmp_path, page_server, stack)
        assert page_server.page is not None
        yield page_server.page.workspace


def rated(message: Message) -> bool:
    return any(
        element.get("style") == "primary"
        for block in message.blocks
        if block.get("block_id") == "pulse.rate"
        for element in block.get("elements") or []
    )


def test_everyone_but_the_lead_and_one_a_side_has_answered(played: Workspace) -> None:
    dms = pulse_dms(played)
    assert dms and all(user in played.people for user in dms)
    unanswered = sorted(user for user, message in dms.items() if not rated(message))
    assert len(unanswered) == 1 + 2 * LEFT_FOR_YOU, unanswered


def test_only_pulse_dms_are_found_the_newest_per_person(played: Workspace) -> None:
    user, pulse = sorted(pulse_dms(played).items())[0]
    channel = played.dm_of(user)
    played.post(Message(channel, played.new_ts(), played.bot_user, "a reminder"))
    assert pulse_dms(played)[user] is pulse
    newer = Message(channel, played.new_ts(), played.bot_user, "next", metadata=pulse.metadata)
    played.post(newer)
    assert pulse_dms(played)[user] is newer
