"""Schedules: what people may type, and when pulses fall due across zones, DST and month ends."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.schedule import (
    Schedule,
    ScheduleError,
    due_between,
    next_weekly,
    parse_day_time,
    parse_duration,
    parse_schedule,
    validate_timezone,
)

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def next_due(text: str, tz: str, after: datetime) -> datetime:
    return parse_schedule(text).next_after(after, tz)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("weekly tue 10:00", "weekly tue 10:00"),
        ("WEEKLY Tuesday 9:30", "weekly tue 09:30"),
        ("  weekly   sun  23:59 ", "weekly sun 23:59"),
        ("fortnightly thursday 14:05", "fortnightly thu 14:05"),
        ("monthly 1 10:00", "monthly 1 10:00"),
        ("Monthly 07 8:00", "monthly 7 08:00"),
        ("monthly last Friday 16:30", "monthly last fri 16:30"),
        ("daily 0:00", "daily 00:00"),
        ("30  9 * *   1-5", "30 9 * * 1-5"),
        ("0 9 * * MON-FRI", "0 9 * * mon-fri"),
    ],
)
def test_each_form_reads_to_its_canonical_text(typed: str, canonical: str) -> None:
    schedule = parse_schedule(typed)
    assert schedule.text == canonical
    assert parse_schedule(schedule.text) == schedule


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "weekly",
        "hourly 10:00",
        "weekly tue",
        "weekly tue 10:00 please",
        "every 5 minutes",
        "tue 10:00",
        "monthly first mon 10:00",
        "30 9 * *",
        "weekly tue 10:00 x y",
    ],
)
def test_unreadable_schedules_name_the_accepted_forms(typed: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(typed)
    for form in ("daily 10:00", "weekly tue 10:00", "fortnightly", "monthly 1 10:00", "cron"):
        assert form in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("weekly tue 25:00", "24-hour time"),
        ("weekly tue 10", "24-hour time"),
        ("weekly tue 10:60", "24-hour time"),
        ("daily 10am", "24-hour time"),
        ("weekly tues 10:00", "`mon` to `sun`"),
        ("monthly 32 10:00", "1 to 31"),
        ("monthly 0 10:00", "1 to 31"),
        ("monthly last day 10:00", "`mon` to `sun`"),
        ("61 9 * * *", "weekly tue 10:00"),
        ("0 9 30 2 *", "never falls due"),
        ("0 9 * * 8", "not a weekday"),
        ("0 9 * * fri-mon", "not a range of weekdays"),
    ],
)
def test_a_bad_part_is_named(typed: str, says: str) -> None:
    with pytest.raises(ScheduleError, match=says.replace("*", r"\*")):
        parse_schedule(typed)


def test_weekly_stays_at_local_time_on_both_sides_of_berlin_spring_change() -> None:
    # Berlin moves from UTC+1 to UTC+2 on Sunday 30 March 2025.
    assert next_due("weekly tue 09:30", BERLIN, utc(2025, 3, 20)) == utc(2025, 3, 25, 8, 30)
    assert next_due("weekly tue 09:30", BERLIN, utc(2025, 3, 25, 8, 30)) == utc(2025, 4, 1, 7, 30)


def test_weekly_stays_at_local_time_on_both_sides_of_berlin_autumn_change() -> None:
    # Berlin moves back to UTC+1 on Sunday 26 October 2025.
    assert next_due("weekly tue 09:30", BERLIN, utc(2025, 10, 20)) == utc(2025, 10, 21, 7, 30)
    assert next_due("weekly tue 09:30", BERLIN, utc(2025, 10, 22)) == utc(2025, 10, 28, 8, 30)


def test_weekly_stays_at_local_time_on_both_sides_of_new_york_changes() -> None:
    # New York: UTC-5 → UTC-4 on 9 March 2025, back on 2 November 2025.
    assert next_due("weekly tue 09:30", NEW_YORK, utc(2025, 3, 3)) == utc(2025, 3, 4, 14, 30)
    assert next_due("weekly tue 09:30", NEW_YORK, utc(2025, 3, 5)) == utc(2025, 3, 11, 13, 30)
    assert next_due("weekly tue 09:30", NEW_YORK, utc(2025, 10, 27)) == utc(2025, 10, 28, 13, 30)
    assert next_due("weekly tue 09:30", NEW_YORK, utc(2025, 10, 29)) == utc(2025, 11, 4, 14, 30)


def test_cron_follows_local_time_across_dst() -> None:
    friday = next_due("30 9 * * 1-5", BERLIN, utc(2025, 3, 28, 6))
    assert friday == utc(2025, 3, 28, 8, 30)
    assert next_due("30 9 * * 1-5", BERLIN, friday) == utc(2025, 3, 31, 7, 30)


@pytest.mark.parametrize(
    ("tz", "after", "gap_end"),
    [
        (BERLIN, utc(2025, 3, 29, 12), utc(2025, 3, 30, 1)),  # 02:30 → 03:00 CEST
        (NEW_YORK, utc(2025, 3, 8, 12), utc(2025, 3, 9, 7)),  # 02:30 → 03:00 EDT
    ],
)
def test_a_time_in_the_spring_forward_gap_fires_when_the_gap_ends(
    tz: str, after: datetime, gap_end: datetime
) -> None:
    due = next_due("daily 02:30", tz, after)
    assert due == gap_end
    assert due.astimezone(ZoneInfo(tz)).time() == time(3, 0)
    # The next day is back at 02:30 local.
    assert next_due("daily 02:30", tz, due).astimezone(ZoneInfo(tz)).time() == time(2, 30)


def test_several_cron_times_in_one_gap_fire_once() -> None:
    night = due_between(
        parse_schedule("*/15 2 * * *"), BERLIN, utc(2025, 3, 29, 23), utc(2025, 3, 30, 5)
    )
    assert night == [utc(2025, 3, 30, 1)]


@pytest.mark.parametrize(
    ("tz", "day_start", "first", "next_day"),
    [
        # 02:30 happens twice in Berlin on 26 October 2025: 00:30 UTC and 01:30 UTC.
        (BERLIN, utc(2025, 10, 25, 22), utc(2025, 10, 26, 0, 30), utc(2025, 10, 27, 1, 30)),
        # 01:30 happens twice in New York on 2 November 2025: 05:30 UTC and 06:30 UTC.
        (NEW_YORK, utc(2025, 11, 2, 4), utc(2025, 11, 2, 5, 30), utc(2025, 11, 3, 6, 30)),
    ],
)
def test_a_repeated_local_time_fires_once_at_its_first_occurrence(
    tz: str, day_start: datetime, first: datetime, next_day: datetime
) -> None:
    at = first.astimezone(ZoneInfo(tz)).strftime("%H:%M")
    schedule = parse_schedule(f"daily {at}")
    assert due_between(schedule, tz, day_start, day_start + timedelta(days=1)) == [first]
    assert schedule.next_after(first, tz) == next_day


def test_cron_repeated_hour_fires_once() -> None:
    night = due_between(
        parse_schedule("30 2 * * *"), BERLIN, utc(2025, 10, 25, 22), utc(2025, 10, 26, 22)
    )
    assert night == [utc(2025, 10, 26, 0, 30)]


@pytest.mark.parametrize(
    ("text", "after", "due"),
    [
        ("monthly 31 10:00", utc(2025, 4, 1), utc(2025, 4, 30, 10)),
        ("monthly 31 10:00", utc(2025, 4, 30, 10), utc(2025, 5, 31, 10)),
        ("monthly 31 10:00", utc(2025, 2, 1), utc(2025, 2, 28, 10)),
        ("monthly 31 10:00", utc(2024, 2, 1), utc(2024, 2, 29, 10)),
        ("monthly 31 10:00", utc(2025, 2, 28, 10), utc(2025, 3, 31, 10)),
        ("monthly 30 10:00", utc(2025, 2, 1), utc(2025, 2, 28, 10)),
        ("monthly 29 10:00", utc(2025, 2, 1), utc(2025, 2, 28, 10)),
        ("monthly 29 10:00", utc(2024, 2, 1), utc(2024, 2, 29, 10)),
        ("monthly 29 10:00", utc(2024, 1, 29, 11), utc(2024, 2, 29, 10)),
        ("monthly 1 10:00", utc(2024, 12, 1, 10), utc(2025, 1, 1, 10)),
        ("monthly last fri 10:00", utc(2025, 3, 1), utc(2025, 3, 28, 10)),
        ("monthly last fri 10:00", utc(2026, 2, 1), utc(2026, 2, 27, 10)),
        ("monthly last sun 10:00", utc(2024, 3, 1), utc(2024, 3, 31, 10)),
        ("0 10 29 2 *", utc(2024, 3, 1), utc(2028, 2, 29, 10)),
    ],
)
def test_month_ends_and_leap_days(text: str, after: datetime, due: datetime) -> None:
    assert next_due(text, "UTC", after) == due


def test_fortnightly_is_every_other_week_even_across_a_53_week_year() -> None:
    # ISO 2026 has 53 weeks, so ISO week parity would give two odd weeks in a row.
    schedule = parse_schedule("fortnightly tue 10:00")
    dues = due_between(schedule, "UTC", utc(2026, 11, 1), utc(2027, 3, 1))
    assert {b - a for a, b in pairwise(dues)} == {timedelta(days=14)}
    assert all(due.weekday() == 1 for due in dues)
    # Anchored to the week of Monday 5 January 1970: the same weeks on every server.
    assert next_due("fortnightly tue 10:00", "UTC", utc(1970, 1, 1)) == utc(1970, 1, 6, 10)
    assert next_due("fortnightly tue 10:00", "UTC", utc(1970, 1, 7)) == utc(1970, 1, 20, 10)
    assert next_due("fortnightly tue 10:00", "UTC", utc(2027, 1, 1)) == utc(2027, 1, 5, 10)
    assert next_due("fortnightly tue 10:00", "UTC", utc(2027, 1, 6)) == utc(2027, 1, 19, 10)


def test_cron_weekdays_count_from_sunday_like_crontab() -> None:
    saturday = utc(2025, 3, 29, 12)
    assert next_due("30 9 * * 1-5", "UTC", saturday) == utc(2025, 3, 31, 9, 30)  # Monday
    assert next_due("0 9 * * 0", "UTC", saturday) == utc(2025, 3, 30, 9)  # Sunday
    assert next_due("0 9 * * 7", "UTC", saturday) == utc(2025, 3, 30, 9)
    assert next_due("0 9 * * 5-7", "UTC", saturday) == utc(2025, 3, 30, 9)
    assert next_due("0 9 * * 1/2", "UTC", saturday) == utc(2025, 3, 31, 9)  # mon, wed, fri
    assert next_due("0 9 * * 1/2", "UTC", utc(2025, 3, 31, 10)) == utc(2025, 4, 2, 9)


def test_cron_day_of_month_or_weekday_like_crontab() -> None:
    # Both restricted: either may match (the 1st, and every Monday).
    dues = due_between(parse_schedule("0 9 1 * mon"), "UTC", utc(2025, 3, 25), utc(2025, 4, 8))
    assert dues == [utc(2025, 3, 31, 9), utc(2025, 4, 1, 9), utc(2025, 4, 7, 9)]


def test_two_engagements_in_different_zones_fall_due_at_the_same_minute() -> None:
    after = utc(2025, 6, 2)
    london = next_due("daily 09:00", "Europe/London", after)
    kolkata = next_due("daily 13:30", "Asia/Kolkata", after)
    assert london == kolkata == utc(2025, 6, 2, 8)


def test_due_between_is_exclusive_of_start_and_inclusive_of_end() -> None:
    schedule = parse_schedule("daily 10:00")
    dues = due_between(schedule, "UTC", utc(2025, 1, 1, 10), utc(2025, 1, 3, 10))
    assert dues == [utc(2025, 1, 2, 10), utc(2025, 1, 3, 10)]
    assert due_between(schedule, "UTC", utc(2025, 1, 3, 10), utc(2025, 1, 1)) == []


def test_instants_come_back_in_utc_whatever_zone_goes_in() -> None:
    after = datetime(2025, 3, 24, 12, tzinfo=ZoneInfo(NEW_YORK))
    due = next_due("weekly tue 09:30", BERLIN, after)
    assert due.tzinfo is UTC
    assert due == utc(2025, 3, 25, 8, 30)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_due("daily 10:00", "UTC", datetime(2025, 1, 1))


def test_an_unknown_zone_is_refused_when_computing() -> None:
    with pytest.raises(ScheduleError, match="Europe/Berlin"):
        next_due("daily 10:00", "Mars/Olympus_Mons", utc(2025, 1, 1))


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        (" America/New_York ", "America/New_York"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
    ],
)
def test_known_zones_come_back_canonical(typed: str, canonical: str) -> None:
    assert validate_timezone(typed) == canonical


@pytest.mark.parametrize(
    "typed", ["", "Mars/Olympus_Mons", "Europe", "../../etc/passwd", "localtime", "+02:00", "CEST"]
)
def test_unknown_zones_are_refused_with_examples(typed: str) -> None:
    with pytest.raises(ScheduleError, match="IANA name such as `Europe/Berlin`"):
        validate_timezone(typed)


@pytest.mark.parametrize(
    ("typed", "duration"),
    [
        ("72h", timedelta(hours=72)),
        ("3d", timedelta(days=3)),
        ("90m", timedelta(minutes=90)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("1D 12H", timedelta(days=1, hours=12)),
        ("1h", timedelta(hours=1)),
        ("60m", timedelta(hours=1)),
        ("14d", timedelta(days=14)),
        ("13d23h59m", timedelta(days=14) - timedelta(minutes=1)),
    ],
)
def test_durations(typed: str, duration: timedelta) -> None:
    assert parse_duration(typed) == duration


@pytest.mark.parametrize("typed", ["", "72", "3 days", "h", "-1h", "1.5h", "3w", "12h1d", "1d 2x"])
def test_unreadable_durations_show_examples(typed: str) -> None:
    with pytest.raises(ScheduleError, match="`72h`, `3d`, `90m` or `1d12h`"):
        parse_duration(typed)


@pytest.mark.parametrize("typed", ["59m", "0h", "14d1m", "15d", "400h"])
def test_durations_outside_one_hour_to_fourteen_days_are_refused(typed: str) -> None:
    with pytest.raises(ScheduleError, match="between 1h and 14d"):
        parse_duration(typed)


def test_digest_day_and_time() -> None:
    assert parse_day_time("mon 08:00") == (0, time(8, 0))
    assert parse_day_time("Sunday 7:45") == (6, time(7, 45))
    for typed in ("mon", "08:00 mon", "mon 8", "weekly mon 08:00"):
        with pytest.raises(ScheduleError):
            parse_day_time(typed)


def test_next_weekly_keeps_local_time_across_dst() -> None:
    assert next_weekly(0, time(8), BERLIN, utc(2025, 3, 28)) == utc(2025, 3, 31, 6)
    assert next_weekly(0, time(8), BERLIN, utc(2025, 3, 20)) == utc(2025, 3, 24, 7)
    with pytest.raises(ValueError, match="weekday"):
        next_weekly(7, time(8), BERLIN, utc(2025, 3, 20))


# Sampled so DST gaps, repeats, month ends and crontab's day OR weekday all come up.
SCHEDULES = [
    "daily 02:30",
    "daily 00:00",
    "weekly sun 02:15",
    "fortnightly tue 10:00",
    "monthly 31 01:30",
    "monthly 29 23:59",
    "monthly last sun 02:30",
    "30 2 * * 0",
    "*/30 1-3 * * *",
    "0 9 1 * mon",
]
ZONES = [
    "UTC",
    BERLIN,
    NEW_YORK,
    "Australia/Lord_Howe",  # half-hour DST shifts
    "Pacific/Apia",  # skipped 30 December 2011 entirely
    "Asia/Kolkata",
    "America/Santiago",  # DST changes at midnight
]
schedules = st.sampled_from(SCHEDULES).map(parse_schedule)
zones = st.sampled_from(ZONES)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=300)
@given(schedules, zones, moments)
def test_next_due_is_strictly_later(schedule: Schedule, tz: str, after: datetime) -> None:
    due = schedule.next_after(after, tz)
    assert due > after
    assert due.tzinfo is UTC
    # Nothing due was skipped: asking from just before it finds it again.
    assert schedule.next_after(due - timedelta(microseconds=1), tz) == due


@settings(max_examples=300)
@given(
    schedules, zones, moments, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40))
)
def test_next_due_never_goes_backwards(
    schedule: Schedule, tz: str, earlier: datetime, step: timedelta
) -> None:
    assert schedule.next_after(earlier, tz) <= schedule.next_after(earlier + step, tz)


@settings(max_examples=150)
@given(
    schedules, zones, moments, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))
)
def test_due_between_agrees_with_stepping(
    schedule: Schedule, tz: str, start: datetime, span: timedelta
) -> None:
    stepped = []
    moment = schedule.next_after(start, tz)
    while moment <= start + span:
        stepped.append(moment)
        moment = schedule.next_after(moment, tz)
    dues = due_between(schedule, tz, start, start + span)
    assert dues == stepped
    assert len(set(dues)) == len(dues)
    assert all(start < due <= start + span for due in dues)
