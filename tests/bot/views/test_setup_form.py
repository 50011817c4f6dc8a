"""The setup form: the names it asks for and the channel it starts on."""

from __future__ import annotations

import pytest

from bot.domain import reply_text
from bot.views.setup_form import SETUP_VIEW, setup_modal
from tests.support.blockkit import check_view


@pytest.mark.parametrize("channel", [None, "C0ALERTS"])
def test_setup_modal_asks_for_names_and_a_channel(channel: str | None) -> None:
    view = setup_modal(channel)
    check_view(view)
    assert view["callback_id"] == SETUP_VIEW
    ids = [block["block_id"] for block in view["blocks"]]
    assert ids == ["name", "client", "provider", "channel"]
    labels = [block["label"]["text"] for block in view["blocks"]]
    assert labels == [
        reply_text.SETUP_MODAL_NAME,
        reply_text.SETUP_MODAL_CLIENT,
        reply_text.SETUP_MODAL_PROVIDER,
        reply_text.SETUP_MODAL_CHANNEL,
    ]
    assert all(b["element"]["max_length"] == 80 for b in view["blocks"][:3])
    picker = view["blocks"][3]["element"]
    assert picker["type"] == "conversations_select"
    assert picker.get("initial_conversation") == channel
    assert picker["filter"]["exclude_bot_users"] is True
