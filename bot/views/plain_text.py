"""Slack mrkdwn as plain text, for files people read outside Slack (`rapport simulate`).

Slack turns its tokens into dates, names and links as it shows a message; a file has
to do the same. A date becomes its fallback text, a person or channel its name (from
`names`, else the label Slack was given, else the id), a link its text and address,
and Slack's `&amp;`, `&lt;` and `&gt;` their characters. Emphasis (`*bold*`,
`_italic_`, `~struck~`) and emoji codes read well as they are and stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

TOKEN: Final = re.compile(r"<([^<>\n]+)>")
ENTITIES: Final = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
SPECIAL: Final = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def _token(inner: str, names: Mapping[str, str]) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("!date^"):
        return label or target.split("^")[1]
    if target.startswith("@"):
        return "@" + (names.get(target[1:]) or label or target[1:])
    if target.startswith("#"):
        return "#" + (names.get(target[1:]) or label or target[1:])
    if target.startswith("!subteam^"):
        return label or "@" + target.split("^")[1]
    if target.startswith("!"):
        return SPECIAL.get(target[1:], label or target[1:])
    return f"{label} ({target})" if label and label != target else target


def plain(text: str, names: Mapping[str, str] | None = None) -> str:
    """``text`` as a person reads it in Slack, without Slack's markup tokens.

    Args:
        text: Slack mrkdwn.
        names: display names by user or channel id, without the ``@`` or ``#``.
    """
    found = names or {}
    rendered = TOKEN.sub(lambda match: _token(match.group(1), found), text)
    for entity, character in ENTITIES:
        rendered = rendered.replace(entity, character)
    return rendered
