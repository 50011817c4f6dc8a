"""Parse the text of `/rapport …` into typed commands, with plain-language errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.domain import catalogue
from bot.domain.schedule import (
    DAY_NAMES,
    ScheduleError,
    parse_day_time,
    parse_duration,
    parse_schedule,
    validate_timezone,
)
from storage.models import ROLES, SIDES

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


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed command: the subcommand, its arguments and the engagement it names."""

    name: str
    engagement: str | None = None
    args: dict[str, str] = field(default_factory=dict)
    users: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


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
                raise CommandError(catalogue.UNBALANCED_QUOTE)
            value, i = text[i + 1 : end], end + 1
        else:
            start = i
            while i < n and not text[i].isspace():
                i += 1
            value = text[start:i]
        tokens.append(Token(key, value.strip()))
    return tokens


def user_id(value: str) -> str:
    match = _USER.match(value)
    if match:
        return match.group(1)
    if _CHANNEL.match(value):
        raise CommandError(catalogue.CHANNEL_NOT_PERSON.format(value=value))
    raise CommandError(catalogue.NOT_A_MENTION.format(value=_short(value)))


def channel_id(value: str) -> str:
    match = _CHANNEL.match(value)
    if match:
        return match.group(1)
    if _USER.match(value):
        raise CommandError(catalogue.PERSON_NOT_CHANNEL.format(value=value))
    raise CommandError(catalogue.NOT_A_CHANNEL.format(value=_short(value)))


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "…"


def clean_name(value: str, what: str) -> str:
    """A tidy display name, or a `CommandError` saying what is wrong with it."""
    value = " ".join(value.split())
    if not value:
        raise CommandError(catalogue.EMPTY_NAME.format(what=what))
    if len(value) > MAX_NAME:
        raise CommandError(catalogue.NAME_TOO_LONG.format(what=what, limit=MAX_NAME))
    if any(ch in value for ch in "<>`*"):
        raise CommandError(catalogue.NAME_MARKUP.format(what=what))
    return value


def parse(text: str) -> Command:
    """Parse the text after `/rapport`, raising `CommandError` with advice when it is wrong."""
    if len(text) > MAX_TEXT:
        raise CommandError(catalogue.TOO_LONG.format(limit=MAX_TEXT))
    tokens = tokenize(text.strip())
    if not tokens or tokens[0].key is not None:
        return Command("help") if not tokens else _unknown(tokens[0].value)
    name, rest = tokens[0].value.lower(), tokens[1:]
    engagement = None
    kept: list[Token] = []
    for token in rest:
        if token.key == "in":
            engagement = clean_name(token.value, "engagement name")
        else:
            kept.append(token)
    parser = _PARSERS.get(name)
    if parser is None:
        return _unknown(tokens[0].value)
    command = parser(kept)
    return Command(command.name, engagement, command.args, command.users, command.words)


def _unknown(word: str) -> Command:
    raise CommandError(catalogue.UNKNOWN_SUBCOMMAND.format(word=_short(word)))


def _no_arguments(name: str) -> Callable[[list[Token]], Command]:
    def parse_bare(tokens: list[Token]) -> Command:
        if tokens:
            raise CommandError(catalogue.TAKES_NO_ARGUMENTS.format(name=name))
        return Command(name)

    return parse_bare


def _parse_setup(tokens: list[Token]) -> Command:
    if not tokens:
        return Command("setup")
    args: dict[str, str] = {}
    for token in tokens:
        if token.key is None and "name" not in args:
            args["name"] = clean_name(token.value, "engagement name")
        elif token.key in ("client", "provider"):
            args[token.key] = clean_name(token.value, f"{token.key} organisation")
        elif token.key == "channel":
            args["channel"] = channel_id(token.value)
        elif token.key == "side" and token.value.lower() in SIDES:
            args["side"] = token.value.lower()
        else:
            raise CommandError(catalogue.SETUP_USAGE)
    missing = [k for k in ("name", "client", "provider", "channel") if k not in args]
    if missing:
        raise CommandError(catalogue.SETUP_MISSING.format(missing=", ".join(missing)))
    return Command("setup", args=args)


def _parse_add(tokens: list[Token]) -> Command:
    users: list[str] = []
    args: dict[str, str] = {}
    for token in tokens:
        value = token.value.lower()
        if token.key == "weight":
            args["weight"] = str(parse_weight(token.value))
        elif token.key is not None:
            raise CommandError(catalogue.ADD_USAGE)
        elif token.value.startswith("<"):
            users.append(user_id(token.value))
        elif value in SIDES and "side" not in args:
            args["side"] = value
        elif value in ROLES and "role" not in args:
            args["role"] = value
        elif token.value.startswith("@"):
            raise CommandError(catalogue.NOT_A_MENTION.format(value=_short(token.value)))
        else:
            raise CommandError(catalogue.ADD_UNKNOWN_WORD.format(word=_short(token.value)))
    if not users:
        raise CommandError(catalogue.ADD_NO_USERS)
    if "side" not in args:
        raise CommandError(catalogue.ADD_NO_SIDE)
    if len(set(users)) > 50:
        raise CommandError(catalogue.ADD_TOO_MANY)
    return Command("add", args=args, users=tuple(dict.fromkeys(users)))


def parse_weight(value: str) -> float:
    try:
        weight = float(value)
    except ValueError:
        raise CommandError(catalogue.BAD_WEIGHT.format(value=_short(value))) from None
    if not 0.1 <= weight <= 10:
        raise CommandError(catalogue.BAD_WEIGHT.format(value=_short(value)))
    return weight


def _parse_remove(tokens: list[Token]) -> Command:
    if len(tokens) != 1 or tokens[0].key is not None:
        raise CommandError(catalogue.REMOVE_USAGE)
    return Command("remove", users=(user_id(tokens[0].value),))


SLA_STATUSES = ("green", "amber", "red")
CONFIG_KEYS = {
    "client_tolerance": "client_tolerance",
    "provider_tolerance": "provider_tolerance",
    "gap": "gap_threshold",
    "anonymity": "anonymity_min",
}


def _parse_sla(tokens: list[Token]) -> Command:
    if not tokens or tokens[0].key is not None or tokens[0].value.lower() not in SLA_STATUSES:
        raise CommandError(catalogue.SLA_USAGE)
    note = " ".join(t.value if t.key is None else f"{t.key}:{t.value}" for t in tokens[1:])
    if len(note) > 300:
        raise CommandError(catalogue.NAME_TOO_LONG.format(what="note", limit=300))
    return Command("sla", args={"status": tokens[0].value.lower(), "note": note})


def _parse_weight(tokens: list[Token]) -> Command:
    if len(tokens) != 2 or any(t.key for t in tokens):
        raise CommandError(catalogue.WEIGHT_USAGE)
    return Command(
        "weight",
        users=(user_id(tokens[0].value),),
        args={"weight": str(parse_weight(tokens[1].value))},
    )


def _parse_config(tokens: list[Token]) -> Command:
    args: dict[str, str] = {}
    for token in tokens:
        if token.key is None:
            raise CommandError(catalogue.CONFIG_USAGE)
        field, value = config_value(token.key, token.value)
        args[field] = value
    return Command("config", args=args)


def config_value(key: str, raw: str) -> tuple[str, str]:
    """Check one setting; returns the engagement field and its canonical value."""
    if key in SCHEDULE_KEYS:
        try:
            return SCHEDULE_KEYS[key], _schedule_value(key, raw.strip())
        except ScheduleError as error:
            raise CommandError(f"`{key}`: {error}") from None
    if key not in CONFIG_KEYS:
        raise CommandError(catalogue.CONFIG_UNKNOWN.format(key=_short(key)))
    field = CONFIG_KEYS[key]
    low = 2 if field == "anonymity_min" else 0
    high = 50 if field == "anonymity_min" else 100
    if not raw.isdigit() or not low <= int(raw) <= high:
        what = f"a whole number from {low} to {high}"
        raise CommandError(catalogue.CONFIG_BAD_VALUE.format(key=key, what=what, value=_short(raw)))
    return field, raw


SCHEDULE_KEYS = {
    "schedule": "schedule",
    "timezone": "timezone",
    "window": "window_hours",
    "reminder": "reminder_hours",
    "digest": "digest_schedule",
}


def _schedule_value(key: str, raw: str) -> str:
    if key == "schedule":
        return parse_schedule(raw).text
    if key == "timezone":
        return validate_timezone(raw)
    if key == "digest":
        weekday, at = parse_day_time(raw)
        return f"{DAY_NAMES[weekday]} {at.strftime('%H:%M')}"
    hours = parse_duration(raw).total_seconds() / 3600
    if hours != int(hours):
        raise ScheduleError(f"use whole hours, like `72h` or `3d`, not `{_short(raw)}`.")
    return str(int(hours))


_PARSERS: dict[str, Callable[[list[Token]], Command]] = {
    "help": _no_arguments("help"),
    "setup": _parse_setup,
    "add": _parse_add,
    "remove": _parse_remove,
    "members": _no_arguments("members"),
    "send": _no_arguments("send"),
    "status": _no_arguments("status"),
    "close": _no_arguments("close"),
    "alerts": _no_arguments("alerts"),
    "sla": _parse_sla,
    "weight": _parse_weight,
    "config": _parse_config,
    "digest": _no_arguments("digest"),
    "export": _no_arguments("export"),
}
