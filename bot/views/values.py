"""What Rapport's buttons and forms carry: one frozen type per kind of value, and its wire form.

Slack hands a button's `value` and a form's `private_metadata` back exactly as they were
sent, but anyone can post a click by hand, so every value is read strictly: the wire keys
of its kind and no others, each of its type and range, the whole under Slack's size cap.
The wire form is compact JSON with one-letter keys, byte for byte what earlier messages
carry, so buttons already sitting in Slack keep working.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from typing import Any, ClassVar, TypeVar, cast

RAW_MAX = 3000
"""Slack's cap on `private_metadata` (a button's value is capped lower, at 2000)."""
ID_MAX = 2**63 - 1
"""A row id fits a signed 64-bit column."""
TEXT_MAX = 64
"""Channel ids and message timestamps are short; anything longer was not sent by Rapport."""
SCALE = range(1, 6)
CHANNEL = re.compile(r"[A-Z0-9]*")
TS = re.compile(r"(\d{1,12}\.\d{1,9})?")


class UnreadableValueError(ValueError):
    """A button value or form metadata that Rapport did not write: unknown, malformed or altered."""


@dataclass(frozen=True, slots=True)
class _Value:
    """A value's fields, in wire order, each under its one-letter key."""

    KEYS: ClassVar[tuple[str, ...]] = ()

    def encode(self) -> str:
        """The value as Slack is to carry it."""
        return json.dumps(dict(zip(self.KEYS, _fields(self), strict=True)))

    def check(self) -> None:
        """Raise UnreadableValueError if a field is out of its range."""


@dataclass(frozen=True, slots=True)
class RatingTap(_Value):
    """A number tapped on the pulse DM's rating or guess scale."""

    KEYS: ClassVar[tuple[str, ...]] = ("p", "v")
    pulse_id: int
    number: int

    def check(self) -> None:
        if self.number not in SCALE:
            raise UnreadableValueError("number off the scale")


@dataclass(frozen=True, slots=True)
class PulseButton(_Value):
    """The pulse DM's "Add a comment" and "Away this week" buttons."""

    KEYS: ClassVar[tuple[str, ...]] = ("p",)
    pulse_id: int


@dataclass(frozen=True, slots=True)
class CommentForm(_Value):
    """The comment form: its pulse, and the DM to redraw once the comment is saved."""

    KEYS: ClassVar[tuple[str, ...]] = ("p", "c", "ts")
    pulse_id: int
    channel: str
    ts: str

    def check(self) -> None:
        if not CHANNEL.fullmatch(self.channel) or not TS.fullmatch(self.ts):
            raise UnreadableValueError("not a message's channel and timestamp")


@dataclass(frozen=True, slots=True)
class AlertButton(_Value):
    """An alert message's Acknowledge, Assign owner and Add action buttons."""

    KEYS: ClassVar[tuple[str, ...]] = ("a",)
    alert_id: int


@dataclass(frozen=True, slots=True)
class AlertForm(_Value):
    """The Assign owner and Add action forms: the alert they follow up."""

    KEYS: ClassVar[tuple[str, ...]] = ("a",)
    alert_id: int


@dataclass(frozen=True, slots=True)
class ActionItem(_Value):
    """An action's "Done" button."""

    KEYS: ClassVar[tuple[str, ...]] = ("x",)
    action_id: int


@dataclass(frozen=True, slots=True)
class ConfigForm(_Value):
    """The settings form: the engagement it changes."""

    KEYS: ClassVar[tuple[str, ...]] = ("e",)
    engagement_id: int


@dataclass(frozen=True, slots=True)
class EngagementButton:
    """A Home button that names an engagement: its id in plain digits (the older wire form)."""

    engagement_id: int

    def encode(self) -> str:
        return str(self.engagement_id)


Value = TypeVar("Value", bound="_Value | EngagementButton")
KINDS: tuple[type[_Value | EngagementButton], ...] = (
    RatingTap,
    PulseButton,
    CommentForm,
    AlertButton,
    AlertForm,
    ActionItem,
    ConfigForm,
    EngagementButton,
)


def decode(kind: type[Value], raw: object) -> Value:
    """The value of `kind` that `raw` carries.

    Raises:
        UnreadableValueError: `kind` is none of `KINDS`; `raw` is not text, too long, not
            the JSON of `kind`, has a key missing or one too many, or a field of the wrong
            type or out of range.
    """
    if kind not in KINDS:
        raise UnreadableValueError("not a kind of value Rapport writes")
    if not isinstance(raw, str) or len(raw) > RAW_MAX:
        raise UnreadableValueError("not text of a readable size")
    if kind is EngagementButton:
        if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(ID_MAX)):
            raise UnreadableValueError("not an engagement id")
        return cast(Value, EngagementButton(_whole(int(raw))))
    try:
        found: Any = json.loads(raw)
    except ValueError as error:
        raise UnreadableValueError("not JSON") from error
    keys: tuple[str, ...] = getattr(kind, "KEYS", ())
    if not isinstance(found, dict) or set(found) != set(keys):
        raise UnreadableValueError("not the keys of its kind")
    declared = [f.type for f in fields(kind)]
    read = [_field(found[key], t) for key, t in zip(keys, declared, strict=True)]
    value: Any = cast(Any, kind)(*read)
    value.check()
    return cast(Value, value)


def _field(found: object, declared: object) -> int | str:
    """One field read as its declared type: an id or a number, or a short text."""
    if declared in (int, "int"):
        if not isinstance(found, int) or isinstance(found, bool):
            raise UnreadableValueError("not a whole number")
        return _whole(found)
    if not isinstance(found, str) or len(found) > TEXT_MAX:
        raise UnreadableValueError("not short text")
    return found


def _whole(found: int) -> int:
    """Every number a value carries is a row id or a scale point: 1 or more, within 64 bits."""
    if not 0 < found <= ID_MAX:
        raise UnreadableValueError("not a positive 64-bit number")
    return found


def _fields(value: _Value) -> list[object]:
    return [getattr(value, f.name) for f in fields(value)]
