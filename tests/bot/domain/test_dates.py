"""Dates and durations as people read them, whatever the machine's locale."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.dates import age, day_month, duration_text, weekday_date, weekday_day_month
from bot.domain.i18n import reading_as

LATE = datetime(2026, 5, 12, 23, 30, tzinfo=UTC)


def test_a_moment_is_read_in_the_zone_asked_for() -> None:
    assert day_month(LATE, UTC) == "12 May"
    assert day_month(LATE, ZoneInfo("Asia/Tokyo")) == "13 May"
    assert weekday_day_month(LATE, ZoneInfo("Asia/Tokyo")) == "Wed 13 May"
    assert weekday_date(date(2026, 5, 12)) == "Tue 12 May"


def test_another_language_writes_its_own_month() -> None:
    with reading_as("de"):
        assert day_month(LATE, UTC) != "12 May"
        assert "12" in day_month(LATE, UTC)


@pytest.mark.parametrize(
    ("open_for", "said"),
    [
        (timedelta(minutes=59), "under an hour"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=23), "23 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=13, hours=23), "13 days"),
        (timedelta(days=14), "2 weeks"),
        (timedelta(days=-3), "under an hour"),
    ],
)
def test_an_alerts_age_in_the_largest_unit_that_fits(open_for: timedelta, said: str) -> None:
    assert age(LATE - open_for, LATE) == said


@pytest.mark.parametrize(
    ("duration", "typed"),
    [
        (timedelta(days=3), "3d"),
        (timedelta(days=1, hours=12), "1d12h"),
        (timedelta(minutes=90), "1h30m"),
        (timedelta(0), "0m"),
        (timedelta(seconds=59), "0m"),
    ],
)
def test_a_duration_reads_as_people_type_it(duration: timedelta, typed: str) -> None:
    assert duration_text(duration) == typed


@given(st.integers(0, 10**6))
def test_a_duration_text_adds_back_up_to_its_minutes(minutes: int) -> None:
    text = duration_text(timedelta(minutes=minutes))
    total, number = 0, ""
    for char in text:
        if char.isdigit():
            number += char
        else:
            total += int(number) * {"d": 1440, "h": 60, "m": 1}[char]
            number = ""
    assert total == minutes
