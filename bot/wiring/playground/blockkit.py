"""Block Kit as HTML: the blocks Rapport sends, drawn as Slack would, their controls live.

Every control carries what a click must send back (`data-kind`, `data-action-id`,
`data-block-id`, `data-value`), so the page can build the same block_actions payload or
view state Slack builds. All text is escaped here; the page inserts the HTML as it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.wiring.playground.mrkdwn import plain_to_html, to_html


@dataclass(frozen=True, slots=True)
class Directory:
    """Names for ids, and the choices of user and conversation pickers."""

    names: Callable[[str], str] = lambda some_id: some_id
    people: Sequence[tuple[str, str]] = ()
    channels: Sequence[tuple[str, str]] = ()
    unknown: list[str] = field(default_factory=list)


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def text_html(obj: object, directory: Directory) -> str:
    """A text object (mrkdwn or plain_text), or a bare string taken as mrkdwn."""
    if isinstance(obj, str):
        return to_html(obj, directory.names)
    if not isinstance(obj, dict):
        return ""
    text = str(obj.get("text") or "")
    if obj.get("type") == "plain_text":
        return plain_to_html(text)
    return to_html(text, directory.names)


def _data(kind: str, element: dict[str, Any], block_id: str) -> str:
    return (
        f'data-kind="{_attr(kind)}" data-action-id="{_attr(element.get("action_id", ""))}" '
        f'data-block-id="{_attr(block_id)}"'
    )


def _options(element: dict[str, Any]) -> list[tuple[str, str]]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    return [(str(o.get("value", "")), str((o.get("text") or {}).get("text", ""))) for o in options]


def _choices(element: dict[str, Any], directory: Directory) -> list[tuple[str, str]]:
    kind = str(element.get("type", ""))
    if "users" in kind:
        return list(directory.people)
    if "conversations" in kind or "channels" in kind:
        return list(directory.channels)
    return _options(element)


def _initial(element: dict[str, Any]) -> set[str]:
    chosen: set[str] = set()
    if isinstance(element.get("initial_option"), dict):
        chosen.add(str(element["initial_option"].get("value", "")))
    for option in element.get("initial_options") or []:
        chosen.add(str(option.get("value", "")))
    for key in ("initial_user", "initial_conversation", "initial_channel", "initial_value"):
        if element.get(key):
            chosen.add(str(element[key]))
    for key in ("initial_users", "initial_conversations", "initial_channels"):
        chosen.update(str(v) for v in element.get(key) or [])
    return chosen


def element_html(element: dict[str, Any], block_id: str, directory: Directory) -> str:
    """One interactive element (or an image) of a section, actions block or input."""
    kind = str(element.get("type", ""))
    data = _data(kind, element, block_id)
    if kind == "button":
        style = f" {element['style']}" if element.get("style") in ("primary", "danger") else ""
        label = text_html(element.get("text"), directory)
        if element.get("url"):
            return f'<a class="btn{style}" href="{_attr(element["url"])}">{label}</a>'
        value = _attr(element.get("value", ""))
        return f'<button class="btn{style}" {data} data-value="{value}">{label}</button>'
    if kind == "image":
        src, alt = _attr(element.get("image_url", "")), _attr(element.get("alt_text", ""))
        return f'<img class="thumb" src="{src}" alt="{alt}">'
    if kind in ("plain_text_input", "number_input", "email_text_input", "url_text_input"):
        value = _attr(element.get("initial_value", ""))
        holder = _attr((element.get("placeholder") or {}).get("text", ""))
        if element.get("multiline"):
            return f'<textarea {data} placeholder="{holder}">{value}</textarea>'
        return f'<input type="text" {data} placeholder="{holder}" value="{value}">'
    if kind == "datepicker":
        return f'<input type="date" {data} value="{_attr(element.get("initial_date", ""))}">'
    chosen = _initial(element)
    choices = _choices(element, directory)
    if kind.startswith("multi_") or kind == "checkboxes":
        boxes = "".join(
            f'<label class="choice"><input type="checkbox" value="{_attr(v)}"'
            f"{' checked' if v in chosen else ''}> {html.escape(t)}</label>"
            for v, t in choices
        )
        limit = _attr(element.get("max_selected_items", ""))
        return f'<span class="multi" {data} data-max="{limit}">{boxes}</span>'
    if kind == "radio_buttons":
        radios = "".join(
            f'<label class="choice"><input type="radio" name="{_attr(block_id)}" value="{_attr(v)}"'
            f"{' checked' if v in chosen else ''}> {html.escape(t)}</label>"
            for v, t in choices
        )
        return f'<span class="radios" {data}>{radios}</span>'
    if kind.endswith("_select") or kind == "overflow":
        holder = html.escape((element.get("placeholder") or {}).get("text", "Choose…"))
        opts = "".join(
            f'<option value="{_attr(v)}"{" selected" if v in chosen else ""}>'
            f"{html.escape(t)}</option>"
            for v, t in choices
        )
        return f'<select {data}><option value="">{holder}</option>{opts}</select>'
    directory.unknown.append(kind)
    return f'<span class="unsupported">[{html.escape(kind)}]</span>'


def block_html(block: dict[str, Any], directory: Directory) -> str:
    """One block as HTML."""
    kind = str(block.get("type", ""))
    block_id = str(block.get("block_id", ""))
    if kind == "section":
        parts = [f'<div class="text">{text_html(block.get("text"), directory)}</div>']
        if block.get("fields"):
            cells = "".join(
                f'<div class="field">{text_html(f, directory)}</div>' for f in block["fields"]
            )
            parts.append(f'<div class="fields">{cells}</div>')
        if isinstance(block.get("accessory"), dict):
            accessory = element_html(block["accessory"], block_id, directory)
            parts.append(f'<div class="accessory">{accessory}</div>')
        return f'<div class="block section">{"".join(parts)}</div>'
    if kind == "actions":
        inner = "".join(element_html(e, block_id, directory) for e in block.get("elements") or [])
        return f'<div class="block actions">{inner}</div>'
    if kind == "context":
        inner = "".join(
            element_html(e, block_id, directory)
            if e.get("type") == "image"
            else f"<span>{text_html(e, directory)}</span>"
            for e in block.get("elements") or []
        )
        return f'<div class="block context">{inner}</div>'
    if kind == "header":
        return f'<div class="block header">{text_html(block.get("text"), directory)}</div>'
    if kind == "divider":
        return '<hr class="block divider">'
    if kind == "image":
        title = block.get("title")
        caption = f'<div class="caption">{text_html(title, directory)}</div>' if title else ""
        src, alt = _attr(block.get("image_url", "")), _attr(block.get("alt_text", ""))
        return f'<div class="block image">{caption}<img src="{src}" alt="{alt}"></div>'
    if kind == "input":
        optional = ' <span class="optional">(optional)</span>' if block.get("optional") else ""
        label = text_html(block.get("label"), directory)
        element = element_html(block.get("element") or {}, block_id, directory)
        hint = block.get("hint")
        hint_html = f'<div class="hint">{text_html(hint, directory)}</div>' if hint else ""
        return (
            f'<div class="block input" data-block-id="{_attr(block_id)}">'
            f"<label>{label}{optional}</label>{element}{hint_html}"
            f'<div class="error" data-error-for="{_attr(block_id)}"></div></div>'
        )
    directory.unknown.append(kind)
    return f'<div class="block unsupported">[{html.escape(kind)} block]</div>'


def blocks_html(blocks: Sequence[dict[str, Any]], directory: Directory) -> str:
    return "".join(block_html(block, directory) for block in blocks if isinstance(block, dict))


def message_html(text: str, blocks: Sequence[dict[str, Any]], directory: Directory) -> str:
    """A message's body: its blocks, or its text when it has none (as Slack shows it)."""
    if blocks:
        return blocks_html(blocks, directory)
    return (
        f'<div class="block section"><div class="text">{to_html(text, directory.names)}</div></div>'
    )


def view_html(view: dict[str, Any], directory: Directory) -> str:
    """A modal or Home tab: title and blocks (the page adds the modal's buttons)."""
    title = view.get("title")
    heading = f'<div class="view-title">{text_html(title, directory)}</div>' if title else ""
    return heading + blocks_html(view.get("blocks") or [], directory)
