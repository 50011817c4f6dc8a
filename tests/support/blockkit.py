"""Reading rendered Block Kit as a person would: the texts, the buttons, and Slack's limits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

SECTION_TEXT_MAX = 3000
VIEW_BLOCKS_MAX = {"home": 100, "modal": 100}
MESSAGE_BLOCKS_MAX = 50


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def texts(blocks: Sequence[dict[str, Any]]) -> list[str]:
    """Every text a person reads, in order (section, context, header and button texts)."""
    return [
        node["text"]
        for node in _walk(list(blocks))
        if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str)
    ]


def text_of(blocks: Sequence[dict[str, Any]]) -> str:
    return "\n".join(texts(blocks))


def buttons(blocks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [node for node in _walk(list(blocks)) if node.get("type") == "button"]


def button_labels(blocks: Sequence[dict[str, Any]]) -> list[str]:
    return [str(button["text"]["text"]) for button in buttons(blocks)]


def slack_unescape(text: str) -> str:
    """What Slack shows for escaped mrkdwn: its three entities decoded, `&amp;` last."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def check_message(blocks: Sequence[dict[str, Any]]) -> None:
    """Parse the dicts back through `slack_sdk.models` (which validates) and check the limits."""
    assert len(blocks) <= MESSAGE_BLOCKS_MAX
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, block
        parsed.validate_json()
    _check_sections(blocks)


def check_view(view: dict[str, Any]) -> None:
    """A modal or Home tab as Slack would accept it: valid models, block and text limits."""
    parsed = View(**view)
    parsed.validate_json()
    assert len(view["blocks"]) <= VIEW_BLOCKS_MAX[view["type"]]
    for block in view["blocks"]:
        parsed_block = Block.parse(block)
        assert parsed_block is not None, block
        parsed_block.validate_json()
    _check_sections(view["blocks"])


def _check_sections(blocks: Sequence[dict[str, Any]]) -> None:
    for block in blocks:
        if block.get("type") == "section" and "text" in block:
            assert 0 < len(block["text"]["text"]) <= SECTION_TEXT_MAX
