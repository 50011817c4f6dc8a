"""Block Kit drawn as dicts: the same JSON `slack_sdk.models` makes, and Slack's limits kept."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    ConversationFilter,
    ConversationSelectElement,
    DatePickerElement,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    UserSelectElement,
)
from slack_sdk.models.blocks.block_elements import StaticMultiSelectElement
from slack_sdk.models.views import View

from bot.views import kit


def sdk(model: Any) -> dict[str, Any]:
    made = model.to_dict()
    assert isinstance(made, dict)
    return made


def test_blocks_are_the_json_slack_sdk_makes() -> None:
    button = ButtonElement(text="1", action_id="pulse.rate.1", value="{}", style="primary")
    assert kit.section("*hi*") == sdk(SectionBlock(text=MarkdownTextObject(text="*hi*")))
    assert kit.section(fields=["a", "b"]) == sdk(
        SectionBlock(fields=[MarkdownTextObject(text="a"), MarkdownTextObject(text="b")])
    )
    assert kit.context("small") == sdk(ContextBlock(elements=[MarkdownTextObject(text="small")]))
    assert kit.divider() == sdk(DividerBlock())
    assert kit.header("Rapport") == sdk(HeaderBlock(text="Rapport"))
    assert kit.actions(
        [kit.button("1", action_id="pulse.rate.1", value="{}", style="primary")],
        block_id="pulse.rate",
    ) == sdk(ActionsBlock(block_id="pulse.rate", elements=[button]))


def test_elements_are_the_json_slack_sdk_makes() -> None:
    dialog = kit.confirm(title="Sure?", text="It goes.", yes="Yes", no="No", style="danger")
    assert kit.button("Forget", action_id="f", style="danger", confirm=dialog) == sdk(
        ButtonElement(
            text="Forget",
            action_id="f",
            style="danger",
            confirm=ConfirmObject(
                title="Sure?", text="It goes.", confirm="Yes", deny="No", style="danger"
            ),
        )
    )
    options = [kit.option("k", "Key")]
    assert kit.section(
        "Which?",
        block_id="b.1",
        accessory=kit.multi_select(
            action_id="m", placeholder="Pick", options=options, initial=options, max_selected=2
        ),
    ) == sdk(
        SectionBlock(
            block_id="b.1",
            text=MarkdownTextObject(text="Which?"),
            accessory=StaticMultiSelectElement(
                action_id="m",
                placeholder="Pick",
                options=[Option(value="k", text="Key")],
                initial_options=[Option(value="k", text="Key")],
                max_selected_items=2,
            ),
        )
    )
    assert kit.user_select(action_id="value") == sdk(UserSelectElement(action_id="value"))
    assert kit.date_picker(action_id="value", initial_date="2026-03-10") == sdk(
        DatePickerElement(action_id="value", initial_date="2026-03-10")
    )
    for channel in (None, "C0ALERTS"):
        assert kit.conversation_select(
            action_id="value", initial=channel, include=["public", "private"], exclude_bots=True
        ) == sdk(
            ConversationSelectElement(
                action_id="value",
                initial_conversation=channel,
                filter=ConversationFilter(include=["public", "private"], exclude_bot_users=True),
            )
        )


def test_forms_and_the_home_tab_are_the_json_slack_sdk_makes() -> None:
    field = kit.input_block(
        block_id="comment",
        label="Comment",
        element=kit.text_input(action_id="text", multiline=True, max_length=2000),
    )
    sdk_field = InputBlock(
        block_id="comment",
        label="Comment",
        element=PlainTextInputElement(action_id="text", multiline=True, max_length=2000),
    )
    assert field == sdk(sdk_field)
    assert kit.text_input(action_id="v", placeholder="Acme", initial_value="x") == sdk(
        PlainTextInputElement(action_id="v", placeholder="Acme", initial_value="x")
    )
    form = kit.modal(
        callback_id="pulse.comment",
        title="Comment",
        submit="Save",
        close="Cancel",
        private_metadata="{}",
        blocks=[field],
    )
    assert form == sdk(
        View(
            type="modal",
            callback_id="pulse.comment",
            title="Comment",
            submit="Save",
            close="Cancel",
            private_metadata="{}",
            blocks=[sdk_field],
        )
    )
    shown = kit.modal(title="Acme", close="Close", blocks=[kit.divider()])
    assert shown == sdk(View(type="modal", title="Acme", close="Close", blocks=[DividerBlock()]))
    assert kit.home([kit.divider()]) == sdk(View(type="home", blocks=[DividerBlock()]))


def test_a_block_slack_would_refuse_is_refused_where_it_is_drawn() -> None:
    with pytest.raises(kit.BlockKitError, match="3000"):
        kit.section("x" * 3001)
    with pytest.raises(kit.BlockKitError, match="75"):
        kit.button("x" * 76, action_id="a")
    with pytest.raises(kit.BlockKitError, match="25"):
        kit.actions([kit.button("1", action_id=f"a.{n}") for n in range(26)])
    with pytest.raises(kit.BlockKitError, match="24"):
        kit.modal(title="x" * 25, close="Close", blocks=[kit.divider()])
    with pytest.raises(kit.BlockKitError, match="100"):
        kit.home([kit.divider()] * 101)
