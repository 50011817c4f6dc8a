"""Block Kit as plain dicts, in the shape Slack's API takes, with the limits Slack enforces.

Each builder returns the JSON object Slack expects and raises `BlockKitError` on a value
Slack would refuse (a text over its length, too many elements), so a view that would be
refused fails where it is drawn rather than at Slack.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

Json = dict[str, Any]

SECTION_TEXT_MAX: Final = 3000
FIELD_TEXT_MAX: Final = 2000
FIELDS_MAX: Final = 10
HEADER_TEXT_MAX: Final = 150
CONTEXT_ELEMENTS_MAX: Final = 10
ACTIONS_ELEMENTS_MAX: Final = 25
BUTTON_TEXT_MAX: Final = 75
BUTTON_VALUE_MAX: Final = 2000
OPTION_TEXT_MAX: Final = 75
ID_MAX: Final = 255
LABEL_MAX: Final = 2000
VIEW_TITLE_MAX: Final = 24
VIEW_BUTTON_MAX: Final = 24
VIEW_BLOCKS_MAX: Final = 100
METADATA_MAX: Final = 3000
FIELD_ACTION: Final = "value"
"""The action id a form field's element takes unless told otherwise: a listener reads each
field by its block id, under this one action id."""


class BlockKitError(ValueError):
    """A block Slack would refuse: the limit it breaks and the value that breaks it."""


def _within(what: str, text: str, limit: int) -> str:
    if len(text) > limit:
        raise BlockKitError(f"{what} has {len(text)} characters; Slack takes {limit}")
    return text


def _count(what: str, items: Sequence[object], limit: int, least: int = 1) -> None:
    if not least <= len(items) <= limit:
        raise BlockKitError(f"{what} has {len(items)} items; Slack takes {least} to {limit}")


def plain(text: str, limit: int = SECTION_TEXT_MAX) -> Json:
    """A plain text object (labels, buttons, headers); Slack shows emoji codes as emoji."""
    return {"type": "plain_text", "text": _within("plain text", text, limit), "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_TEXT_MAX) -> Json:
    """A text object in Slack's markup."""
    return {"type": "mrkdwn", "text": _within("mrkdwn text", text, limit)}


def _with_id(block: Json, key: str, value: str | None) -> Json:
    if value is not None:
        block[key] = _within(key, value, ID_MAX)
    return block


def section(
    text: str | None = None,
    *,
    fields: Sequence[str] = (),
    accessory: Json | None = None,
    block_id: str | None = None,
) -> Json:
    """A section: its mrkdwn text, or its fields side by side, and an optional accessory."""
    block: Json = {"type": "section"}
    if text is not None:
        block["text"] = mrkdwn(text)
    if fields:
        _count("section fields", fields, FIELDS_MAX)
        block["fields"] = [mrkdwn(field, FIELD_TEXT_MAX) for field in fields]
    if "text" not in block and "fields" not in block:
        raise BlockKitError("a section needs a text or fields")
    if accessory is not None:
        block["accessory"] = accessory
    return _with_id(block, "block_id", block_id)


def context(*texts: str) -> Json:
    """A context block: small mrkdwn lines under what they qualify."""
    _count("context elements", texts, CONTEXT_ELEMENTS_MAX)
    return {"type": "context", "elements": [mrkdwn(text) for text in texts]}


def divider() -> Json:
    return {"type": "divider"}


def header(text: str) -> Json:
    return {"type": "header", "text": plain(text, HEADER_TEXT_MAX)}


def actions(elements: Sequence[Json], *, block_id: str | None = None) -> Json:
    """A row of interactive elements (buttons)."""
    _count("actions elements", elements, ACTIONS_ELEMENTS_MAX)
    return _with_id({"type": "actions", "elements": list(elements)}, "block_id", block_id)


def confirm(*, title: str, text: str, yes: str, no: str, style: str | None = None) -> Json:
    """The dialog Slack shows before a button acts."""
    dialog: Json = {
        "title": plain(title, 100),
        "text": mrkdwn(text, 300),
        "confirm": plain(yes, 30),
        "deny": plain(no, 30),
    }
    if style is not None:
        dialog["style"] = style
    return dialog


def button(
    text: str,
    *,
    action_id: str,
    value: str | None = None,
    style: str | None = None,
    confirm: Json | None = None,
) -> Json:
    """A button; `style` is "primary", "danger" or None for the default look."""
    element: Json = {"type": "button", "text": plain(text, BUTTON_TEXT_MAX)}
    _with_id(element, "action_id", action_id)
    if value is not None:
        element["value"] = _within("button value", value, BUTTON_VALUE_MAX)
    if style is not None:
        element["style"] = style
    if confirm is not None:
        element["confirm"] = confirm
    return element


def option(value: str, text: str) -> Json:
    return {"text": plain(text, OPTION_TEXT_MAX), "value": _within("option value", value, 150)}


def multi_select(
    *,
    action_id: str,
    placeholder: str,
    options: Sequence[Json],
    initial: Sequence[Json] = (),
    max_selected: int | None = None,
) -> Json:
    """A menu of fixed options where several may be picked."""
    _count("menu options", options, 100)
    element: Json = {
        "type": "multi_static_select",
        "placeholder": plain(placeholder, 150),
        "options": list(options),
    }
    _with_id(element, "action_id", action_id)
    if initial:
        element["initial_options"] = list(initial)
    if max_selected is not None:
        element["max_selected_items"] = max_selected
    return element


def text_input(
    *,
    action_id: str = FIELD_ACTION,
    max_length: int | None = None,
    multiline: bool = False,
    placeholder: str | None = None,
    initial_value: str | None = None,
) -> Json:
    element: Json = {"type": "plain_text_input"}
    _with_id(element, "action_id", action_id)
    if multiline:
        element["multiline"] = True
    if max_length is not None:
        element["max_length"] = max_length
    if placeholder is not None:
        element["placeholder"] = plain(placeholder, 150)
    if initial_value is not None:
        element["initial_value"] = initial_value
    return element


def user_select(*, action_id: str = FIELD_ACTION) -> Json:
    return _with_id({"type": "users_select"}, "action_id", action_id)


def date_picker(*, initial_date: str, action_id: str = FIELD_ACTION) -> Json:
    """A date picker starting on `initial_date` (YYYY-MM-DD)."""
    return _with_id({"type": "datepicker", "initial_date": initial_date}, "action_id", action_id)


def conversation_select(
    *,
    initial: str | None,
    include: Sequence[str],
    exclude_bots: bool,
    action_id: str = FIELD_ACTION,
) -> Json:
    """A channel picker limited to the given kinds of conversation."""
    element: Json = {
        "type": "conversations_select",
        "filter": {"include": list(include), "exclude_bot_users": exclude_bots},
    }
    if initial is not None:
        element["initial_conversation"] = initial
    return _with_id(element, "action_id", action_id)


def input_block(block_id: str, label: str, element: Json) -> Json:
    """One field of a form."""
    block: Json = {"type": "input", "label": plain(label, LABEL_MAX), "element": element}
    return _with_id(block, "block_id", block_id)


def modal(
    *,
    title: str,
    blocks: Sequence[Json],
    close: str,
    submit: str | None = None,
    callback_id: str | None = None,
    private_metadata: str | None = None,
) -> Json:
    """A modal view; a form when it has a `submit` button."""
    _count("view blocks", blocks, VIEW_BLOCKS_MAX)
    view: Json = {"type": "modal", "title": plain(title, VIEW_TITLE_MAX), "blocks": list(blocks)}
    view["close"] = plain(close, VIEW_BUTTON_MAX)
    if submit is not None:
        view["submit"] = plain(submit, VIEW_BUTTON_MAX)
    _with_id(view, "callback_id", callback_id)
    if private_metadata is not None:
        view["private_metadata"] = _within("private metadata", private_metadata, METADATA_MAX)
    return view


def home(blocks: Sequence[Json]) -> Json:
    """The App Home tab."""
    _count("view blocks", blocks, VIEW_BLOCKS_MAX)
    return {"type": "home", "blocks": list(blocks)}
