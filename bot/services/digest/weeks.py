"""Digest weeks: the local Monday a moment falls in, that week's digest moment, and its end."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.schedule import next_weekly, parse_day_time


def digest_week(schedule: str, tz: str, now: datetime) -> tuple[date, datetime]:
    """The local Monday of the week ``now`` falls in, and that week's digest moment in UTC.

    Raises ``ScheduleError`` when ``schedule`` (such as ``mon 08:00``) or ``tz`` is invalid.
    """
    weekday, at = parse_day_time(schedule)
    local = now.astimezone(ZoneInfo(tz))
    monday = local.date() - timedelta(days=local.weekday())
    week_start = datetime.combine(monday, time(0), ZoneInfo(tz))
    return monday, next_weekly(weekday, at, tz, week_start - timedelta(microseconds=1))


def week_end(week: date, tz: str) -> datetime:
    """When a week's digest stops being worth sending: the next local Monday, 00:00."""
    return datetime.combine(week + timedelta(days=7), time(0), ZoneInfo(tz))
