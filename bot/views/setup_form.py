"""The form that sets up an engagement: its name, both organisations and its channel."""

from __future__ import annotations

from typing import Any

from bot.domain import reply_text
from bot.domain.i18n import _
from bot.views import kit

SETUP_VIEW = "engagement.setup"


def setup_modal(channel: str | None) -> dict[str, Any]:
    """The form, with the channel it was asked from already picked."""

    def text_input(block_id: str, label: str, placeholder: str) -> dict[str, Any]:
        return kit.input_block(
            block_id, label, kit.text_input(max_length=80, placeholder=placeholder)
        )

    return kit.modal(
        callback_id=SETUP_VIEW,
        title=reply_text.SETUP_MODAL_TITLE,
        submit=_("Set up"),
        close=_("Cancel"),
        blocks=[
            text_input("name", reply_text.SETUP_MODAL_NAME, "Acme deal"),
            text_input("client", reply_text.SETUP_MODAL_CLIENT, "Acme"),
            text_input("provider", reply_text.SETUP_MODAL_PROVIDER, "Globex"),
            kit.input_block(
                "channel",
                reply_text.SETUP_MODAL_CHANNEL,
                kit.conversation_select(
                    initial=channel,
                    include=["public", "private"],
                    exclude_bots=True,
                ),
            ),
        ],
    )
