"""Parse the text of `/rapport …` into typed commands, with plain-language errors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain import reply_text
from bot.domain.text_hygiene import clean_line

MAX_TEXT = 1000
MAX_NAME = 80
_QUOTES = {'"': '"', "“": "”", "”": "”", "„": "“", "«": "»"}  # apostrophes are text
_USER = re.compile(r"^<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>$")
_CHANNEL = re.compile(r"^<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>$")
_KEY = re.compile(r"^([a-z_]+)[:=]")


class CommandError(Exception):
    """The command could not be understood; the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class Token:
    key: str | None
    value: str


def tokenize(text: str) -> list[Token]:
    """Split on spaces, keeping quoted values together; `key:value` and `key=value` pairs."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        key = None
        match = _KEY.match(text[i:])
        if match and not text[i:].startswith(("<", "http")):
            key = match.group(1)
            i += match.end()
        if i < n and text[i] in _QUOTES:
            close = _QUOTES[text[i]]
            end = text.find(close, i + 1)
            if end < 0 and close != text[i]:
                end = text.find(text[i], i + 1)
            if end < 0:
                raise CommandError(reply_text.UNBALANCED_QUOTE)
            value, i = text[i + 1 : end], end + 1
        else:
            start = i
            while i < n and not text[i].isspace():
                i += 1
            value = text[start:i]
        tokens.append(Token(key, value.strip()))
    return tokens


def user_id(value: str) -> str:
    """The user id in a mention such as ``<@U123|ana>``, or a `CommandError` saying why not."""
    return _mentioned(
        value, _USER, _CHANNEL, reply_text.CHANNEL_NOT_PERSON, reply_text.NOT_A_MENTION
    )


def channel_id(value: str) -> str:
    """The channel id in a mention such as ``<#C123|acme>``, or a `CommandError` saying why not."""
    return _mentioned(
        value, _CHANNEL, _USER, reply_text.PERSON_NOT_CHANNEL, reply_text.NOT_A_CHANNEL
    )


def _mentioned(
    value: str, wanted: re.Pattern[str], other: re.Pattern[str], other_kind: str, unreadable: str
) -> str:
    """The id in a mention of the ``wanted`` kind; a mention of the ``other`` kind is refused
    with the ``other_kind`` sentence, anything else with ``unreadable``."""
    match = wanted.match(value)
    if match:
        return match.group(1)
    if other.match(value):
        raise CommandError(other_kind.format(value=value))
    raise CommandError(unreadable.format(value=short(value)))


def short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "…"


def clean_name(value: str, what: str) -> str:
    """A tidy display name, or a `CommandError` saying what is wrong with it.

    Control, bidi-override and zero-width characters and NUL are removed and whitespace
    collapsed first, so a name cannot hide or reorder text where it is shown.
    """
    value = clean_line(value)
    if not value:
        raise CommandError(reply_text.EMPTY_NAME.format(what=what))
    if len(value) > MAX_NAME:
        raise CommandError(reply_text.NAME_TOO_LONG.format(what=what, limit=MAX_NAME))
    if any(ch in value for ch in "<>`*"):
        raise CommandError(reply_text.NAME_MARKUP.format(what=what))
    return value


def split_command(text: str) -> tuple[str, str | None, list[Token]]:
    """The subcommand's name, the engagement named with `in:"…"`, and the other tokens.

    An empty text is `help`. Raises `CommandError` with advice when the text is too long,
    a quote is left open, or it starts with a `key:value` instead of a subcommand.
    """
    if len(text) > MAX_TEXT:
        raise CommandError(reply_text.TOO_LONG.format(limit=MAX_TEXT))
    tokens = tokenize(text.strip())
    if not tokens:
        return "help", None, []
    if tokens[0].key is not None:
        raise CommandError(reply_text.UNKNOWN_SUBCOMMAND.format(word=short(tokens[0].value)))
    engagement = None
    rest: list[Token] = []
    for token in tokens[1:]:
        if token.key == "in":
            engagement = clean_name(token.value, "engagement name")
        else:
            rest.append(token)
    return tokens[0].value.lower(), engagement, rest


def words(tokens: list[Token]) -> str:
    """The tokens as typed, for free text such as a note."""
    return " ".join(t.value if t.key is None else f"{t.key}:{t.value}" for t in tokens)


def parse_weight(value: str) -> float:
    try:
        weight = float(value)
    except ValueError:
        raise CommandError(reply_text.BAD_WEIGHT.format(value=short(value))) from None
    if not 0.1 <= weight <= 10:
        raise CommandError(reply_text.BAD_WEIGHT.format(value=short(value)))
    return weight
