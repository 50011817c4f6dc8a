"""An engagement's settings, declared once: what people type, what is stored, how it shows.

One `Setting` per row drives `/rapport config key=value`, the settings form (its labels,
prefilled values and per-field errors), the `config` display and validation. Adding a
setting is adding a row here and its column in `storage/models.py` (plus a migration).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from bot.domain import reply_text
from bot.domain.alerts.model import MIN_ANONYMITY
from bot.domain.dates import duration_text
from bot.domain.errors import Refused
from bot.domain.i18n import LANGUAGES
from bot.domain.schedule import (
    DAY_NAMES,
    ScheduleError,
    parse_day_time,
    parse_duration,
    parse_schedule,
    validate_timezone,
)

Value = int | str


class SettingError(Refused):
    """A value a setting cannot take, or settings that clash; the message says what to do."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class Setting:
    """One engagement setting.

    Attributes:
        key: what people type (`gap`) and the form field's id.
        attribute: the engagement column it is stored in (`gap_threshold`).
        label: the form label.
        read: checks typed text and returns the value to store; raises `ScheduleError`
            or `ValueError` with a sentence for the person.
        show: the stored value as people type it (72 → `72h`).
    """

    key: str
    attribute: str
    label: str
    read: Callable[[str], Value]
    show: Callable[[Value], str] = str


def ascii_whole_number(raw: str) -> int | None:
    """A non-negative whole number written in ASCII digits, or None (`²` is not a number)."""
    text = raw.strip()
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 10 else None


def _points(low: int, high: int) -> Callable[[str], Value]:
    def read(raw: str) -> Value:
        number = ascii_whole_number(raw)
        if number is None or not low <= number <= high:
            what = reply_text.SETTING_WHOLE_NUMBER.format(low=low, high=high)
            raise ValueError(what)
        return number

    return read


def _whole_hours(raw: str) -> Value:
    hours = parse_duration(raw).total_seconds() / 3600
    if hours != int(hours):
        raise ScheduleError(reply_text.SETTING_WHOLE_HOURS.format(value=raw.strip()[:40]))
    return int(hours)


def _schedule(raw: str) -> Value:
    return parse_schedule(raw).text


def _digest_time(raw: str) -> Value:
    weekday, at = parse_day_time(raw)
    return f"{DAY_NAMES[weekday]} {at.strftime('%H:%M')}"


RETENTION_DAYS = (30, 3650)


def _retention(raw: str) -> Value:
    """Days of comment retention, typed `180d` or `180`."""
    text = raw.strip().lower()
    number = ascii_whole_number(text[:-1] if text.endswith("d") else text)
    low, high = RETENTION_DAYS
    if number is None or not low <= number <= high:
        raise ValueError(reply_text.SETTING_RETENTION.format(low=low, high=high))
    return number


def _days(value: Value) -> str:
    return f"{value}d"


def _hours(value: Value) -> str:
    return f"{value}h"


def _minutes(longest: timedelta) -> Callable[[str], Value]:
    """A duration typed in minutes, hours or days (`90m`, `12h`, `3d`), stored in minutes."""

    def read(raw: str) -> Value:
        return int(parse_duration(raw, timedelta(minutes=1), longest).total_seconds() // 60)

    return read


def _as_duration(value: Value) -> str:
    return duration_text(timedelta(minutes=int(value)))


def _language(raw: str) -> Value:
    """The shared channel's language: a catalogue name, typed `de`, `pt-BR` or `pt_BR`."""
    typed = raw.strip().replace("-", "_").lower()
    for language in LANGUAGES:
        if typed in (language.lower(), language.split("_")[0].lower()):
            return language
    raise ValueError(reply_text.SETTING_LANGUAGE.format(languages=", ".join(LANGUAGES)))


ANONYMITY_FLOOR = MIN_ANONYMITY


def _anonymity(raw: str) -> Value:
    number = ascii_whole_number(raw)
    if number is not None and number < ANONYMITY_FLOOR:
        raise SettingError("anonymity", reply_text.ANONYMITY_FLOOR.format(floor=ANONYMITY_FLOOR))
    return _points(ANONYMITY_FLOOR, 50)(raw)


SETTINGS: tuple[Setting, ...] = (
    Setting("schedule", "schedule", reply_text.SETTING_LABELS["schedule"], _schedule),
    Setting("timezone", "timezone", reply_text.SETTING_LABELS["timezone"], validate_timezone),
    Setting("window", "window_hours", reply_text.SETTING_LABELS["window"], _whole_hours, _hours),
    Setting(
        "reminder", "reminder_hours", reply_text.SETTING_LABELS["reminder"], _whole_hours, _hours
    ),
    Setting("digest", "digest_schedule", reply_text.SETTING_LABELS["digest"], _digest_time),
    Setting(
        "client_tolerance",
        "client_tolerance",
        reply_text.SETTING_LABELS["client_tolerance"],
        _points(0, 100),
    ),
    Setting(
        "provider_tolerance",
        "provider_tolerance",
        reply_text.SETTING_LABELS["provider_tolerance"],
        _points(0, 100),
    ),
    Setting("gap", "gap_threshold", reply_text.SETTING_LABELS["gap"], _points(0, 100)),
    Setting(
        "retention", "retention_days", reply_text.SETTING_LABELS["retention"], _retention, _days
    ),
    Setting(
        "anonymity",
        "anonymity_min",
        reply_text.SETTING_LABELS["anonymity"],
        _anonymity,
    ),
)
SETTINGS += (
    Setting(
        "ack_within",
        "ack_within_minutes",
        reply_text.SETTING_LABELS["ack_within"],
        _minutes(timedelta(days=90)),
        _as_duration,
    ),
    Setting(
        "escalate_after",
        "escalate_after_minutes",
        reply_text.SETTING_LABELS["escalate_after"],
        _minutes(timedelta(days=365)),
        _as_duration,
    ),
    Setting(
        "escalate_pulses",
        "escalate_pulses",
        reply_text.SETTING_LABELS["escalate_pulses"],
        _points(1, 52),
    ),
)
SETTINGS += (Setting("language", "language", reply_text.SETTING_LABELS["language"], _language),)
BY_KEY: Mapping[str, Setting] = {setting.key: setting for setting in SETTINGS}


def read_setting(key: str, raw: str) -> tuple[str, Value]:
    """Check one typed setting; the engagement attribute and the value to store.

    Raises:
        SettingError: for an unknown key or a value the setting cannot take.
    """
    setting = BY_KEY.get(key)
    if setting is None:
        raise SettingError(key, reply_text.CONFIG_UNKNOWN.format(key=key[:40]))
    try:
        return setting.attribute, setting.read(raw.strip())
    except ScheduleError as error:
        raise SettingError(key, f"`{key}`: {error}") from None
    except ValueError as error:
        message = reply_text.CONFIG_BAD_VALUE.format(key=key, what=error, value=raw.strip()[:40])
        raise SettingError(key, message) from None


def read_settings(pairs: Iterable[tuple[str, str]]) -> dict[str, Value]:
    """Check several typed settings; attribute → value. Raises on the first bad one."""
    return dict(read_setting(key, raw) for key, raw in pairs)


def check_together(current: Mapping[str, Value], changes: Mapping[str, Value]) -> None:
    """Rules across settings: the reminder must fall inside the window.

    Raises:
        SettingError: naming the `reminder` field.
    """
    window = int(changes.get("window_hours", current["window_hours"]))
    reminder = int(changes.get("reminder_hours", current["reminder_hours"]))
    if reminder >= window:
        message = reply_text.CONFIG_REMINDER_AFTER_CLOSE.format(reminder=reminder, window=window)
        raise SettingError("reminder", message)


def shown(values: Mapping[str, Value]) -> dict[str, str]:
    """Each setting as people type it, keyed by its attribute (for the display and the form)."""
    return {s.attribute: s.show(values[s.attribute]) for s in SETTINGS}
