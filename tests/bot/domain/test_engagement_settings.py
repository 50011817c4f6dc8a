"""Engagement settings: what people type is checked once, stored, and shown back as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.engagement_settings import (
    BY_KEY,
    SETTINGS,
    SettingError,
    ascii_whole_number,
    check_together,
    read_setting,
    read_settings,
    shown,
)
from storage.models import Engagement

TYPED = {
    "schedule": "weekly tue 10:00",
    "timezone": "Europe/Berlin",
    "window": "48h",
    "reminder": "24h",
    "digest": "mon 08:00",
    "client_tolerance": "70",
    "provider_tolerance": "60",
    "gap": "15",
    "retention": "180d",
    "anonymity": "5",
    "ack_within": "1d12h",
    "escalate_after": "3d",
    "escalate_pulses": "2",
    "language": "pt-BR",
}


def test_every_setting_is_stored_in_a_column_of_the_engagement() -> None:
    columns = set(Engagement.__table__.columns.keys())
    assert {s.attribute for s in SETTINGS} <= columns
    assert len(BY_KEY) == len(SETTINGS) == len(TYPED)


def test_what_is_shown_reads_back_to_the_same_stored_value() -> None:
    stored = read_settings(TYPED.items())
    again = {BY_KEY[key].key: shown(stored)[BY_KEY[key].attribute] for key in TYPED}
    assert read_settings(again.items()) == stored
    assert stored["language"] == "pt_BR" and stored["retention_days"] == 180
    assert stored["ack_within_minutes"] == 36 * 60 and shown(stored)["window_hours"] == "48h"


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("gap", "101"),
        ("gap", "²"),
        ("gap", "-1"),
        ("window", "90m"),
        ("retention", "10d"),
        ("anonymity", "1"),
        ("language", "klingon"),
        ("timezone", "Mars/Olympus"),
        ("escalate_pulses", "0"),
        ("colour", "blue"),
    ],
)
def test_a_value_the_setting_cannot_take_is_refused_naming_the_field(key: str, raw: str) -> None:
    with pytest.raises(SettingError) as refused:
        read_setting(key, raw)
    assert refused.value.key == key
    assert str(refused.value)


def test_the_reminder_must_fall_inside_the_window() -> None:
    current = {"window_hours": 48, "reminder_hours": 24}
    check_together(current, {"reminder_hours": 47})
    with pytest.raises(SettingError) as refused:
        check_together(current, {"window_hours": 24})
    assert refused.value.key == "reminder"


@given(st.text(max_size=12))
def test_only_plain_ascii_digits_are_a_whole_number(raw: str) -> None:
    number = ascii_whole_number(raw)
    stripped = raw.strip()
    if number is None:
        assert not (stripped.isascii() and stripped.isdigit() and len(stripped) < 10)
    else:
        assert str(number) == stripped.lstrip("0") or (number == 0 and set(stripped) == {"0"})
