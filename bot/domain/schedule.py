"""When pulses and digests fall due: schedule phrases, time zones and durations."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, available_timezones

from apscheduler.triggers.cron import CronTrigger

from bot.domain import reply_text
from bot.domain.dates import duration_text

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Fortnightly schedules fire in the weeks an even number of weeks after the week of
# Monday 5 January 1970, so every process and every restart agrees on which weeks.
FORTNIGHT_EPOCH = date(1970, 1, 5)
SHORTEST_DURATION = timedelta(hours=1)
LONGEST_DURATION = timedelta(days=14)

Kind = Literal["daily", "weekly", "fortnightly", "monthly", "monthly_last", "cron"]
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_DURATION = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?")
# Zone files that exist on disk but are not places a person lives in.
_NOT_ZONES = {"localtime", "posixrules", "Factory"}


class ScheduleError(ValueError):
    """A schedule, time zone or duration that cannot be used; the message says why."""


@dataclass(frozen=True)
class Schedule:
    """A parsed schedule; `text` is its canonical form, fit to store and to show.

    Make one with `parse_schedule`. `at`, `weekday` (0 = Monday) and `day` (of the
    month) hold the parts its kind uses; a cron schedule keeps its line in `text`.
    """

    text: str
    kind: Kind
    at: time = time(0, 0)
    weekday: int = 0
    day: int = 1

    def next_after(self, after: datetime, tz: str) -> datetime:
        """The first due instant strictly after `after`, in UTC.

        Times are local wall-clock times in `tz`, so `weekly tue 09:30` stays at 09:30
        on both sides of a daylight-saving change. A local time that does not exist (the
        spring-forward gap) fires at the first instant after the gap, 03:00 for a
        02:30 in Europe/Berlin; several such times in one gap fire once. A local time
        that happens twice (fall-back) fires once, at its first occurrence.
        """
        zone = _zone(tz)
        start = _as_utc(after)
        wall = start.astimezone(zone).replace(tzinfo=None)
        while True:
            wall = self._next_wall(wall)
            due = _instant(wall, zone)
            if due > start:
                return due

    def _next_wall(self, wall: datetime) -> datetime:
        """The first local wall-clock time strictly after `wall` that the schedule names."""
        if self.kind == "cron":
            return _next_cron_wall(self.text, wall)
        day = wall.date()
        while True:
            candidate = datetime.combine(day, self.at)
            if candidate > wall and self._falls_on(day):
                return candidate
            day += timedelta(days=1)

    def _falls_on(self, day: date) -> bool:
        if self.kind == "daily":
            return True
        if self.kind == "monthly":
            return day.day == min(self.day, calendar.monthrange(day.year, day.month)[1])
        if day.weekday() != self.weekday:
            return False
        if self.kind == "fortnightly":
            return (day - FORTNIGHT_EPOCH).days // 7 % 2 == 0
        if self.kind == "monthly_last":
            return (day + timedelta(days=7)).month != day.month
        return True


def parse_schedule(text: str) -> Schedule:
    """Read a schedule phrase, case-insensitively, into a `Schedule`.

    Accepted: `daily HH:MM`; `weekly DAY HH:MM`; `fortnightly DAY HH:MM` (weeks an even
    number of weeks after the week of Monday 5 January 1970); `monthly N HH:MM` (N in
    1-31, on the month's last day when it is shorter); `monthly last DAY HH:MM`; or a
    5-field crontab line read as crontab does (weekday 0 or 7 = Sunday; a restricted day
    of month and a restricted weekday fire when either matches). DAY is `mon`..`sun` or
    a full name; times are 24-hour.
    """
    words = text.lower().split()
    head = words[0] if words else ""
    if head == "daily" and len(words) == 2:
        at = _parse_time(words[1])
        return Schedule(f"daily {at:%H:%M}", "daily", at)
    if head in ("weekly", "fortnightly") and len(words) == 3:
        weekday, at = _parse_weekday(words[1]), _parse_time(words[2])
        kind: Kind = "weekly" if head == "weekly" else "fortnightly"
        return Schedule(f"{head} {DAY_NAMES[weekday]} {at:%H:%M}", kind, at, weekday)
    if head == "monthly" and len(words) == 4 and words[1] == "last":
        weekday, at = _parse_weekday(words[2]), _parse_time(words[3])
        text = f"monthly last {DAY_NAMES[weekday]} {at:%H:%M}"
        return Schedule(text, "monthly_last", at, weekday)
    if head == "monthly" and len(words) == 3:
        if not words[1].isdigit() or not 1 <= int(words[1]) <= 31:
            raise ScheduleError(reply_text.SCHEDULE_BAD_MONTH_DAY.format(value=words[1]))
        at = _parse_time(words[2])
        return Schedule(f"monthly {int(words[1])} {at:%H:%M}", "monthly", at, day=int(words[1]))
    if len(words) == 5 and head not in ("daily", "weekly", "fortnightly", "monthly"):
        return _parse_cron(" ".join(words))
    raise ScheduleError(reply_text.SCHEDULE_UNREADABLE.format(value=text.strip()))


def due_between(schedule: Schedule, tz: str, start: datetime, end: datetime) -> list[datetime]:
    """Every due instant in (start, end], oldest first, for catching up after downtime."""
    due: list[datetime] = []
    moment = schedule.next_after(start, tz)
    while moment <= _as_utc(end):
        due.append(moment)
        moment = schedule.next_after(moment, tz)
    return due


def parse_day_time(text: str) -> tuple[int, time]:
    """Read a weekly moment such as `mon 08:00` (for digests) as (weekday 0=Mon, time)."""
    words = text.lower().split()
    if len(words) != 2:
        raise ScheduleError(reply_text.SCHEDULE_BAD_DAY_TIME.format(value=text.strip()))
    return _parse_weekday(words[0]), _parse_time(words[1])


def next_weekly(weekday: int, at: time, tz: str, after: datetime) -> datetime:
    """The first `weekday` at local time `at` in `tz` strictly after `after`, in UTC."""
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
    text = f"weekly {DAY_NAMES[weekday]} {at:%H:%M}"
    return Schedule(text, "weekly", at, weekday).next_after(after, tz)


def validate_timezone(name: str) -> str:
    """The canonical IANA name for `name` (`europe/berlin` → `Europe/Berlin`)."""
    canonical = _zone_names().get(name.strip().lower())
    if canonical is None:
        raise ScheduleError(reply_text.SCHEDULE_BAD_TIMEZONE.format(value=name.strip()))
    return canonical


def parse_duration(
    text: str, shortest: timedelta = SHORTEST_DURATION, longest: timedelta = LONGEST_DURATION
) -> timedelta:
    """Read a duration such as `72h`, `3d`, `90m` or `1d12h`, by default between 1 hour and
    14 days."""
    compact = "".join(text.lower().split())
    match = _DURATION.fullmatch(compact)
    if not compact or match is None:
        raise ScheduleError(reply_text.SCHEDULE_BAD_DURATION.format(value=text.strip()))
    days, hours, minutes = (int(part or 0) for part in match.groups())
    duration = timedelta(days=days, hours=hours, minutes=minutes)
    if not shortest <= duration <= longest:
        raise ScheduleError(
            reply_text.SCHEDULE_DURATION_RANGE.format(
                value=compact, shortest=duration_text(shortest), longest=duration_text(longest)
            )
        )
    return duration


def _parse_time(text: str) -> time:
    match = _TIME.fullmatch(text)
    if match is None:
        raise ScheduleError(reply_text.SCHEDULE_BAD_TIME.format(value=text))
    return time(int(match[1]), int(match[2]))


def _parse_weekday(text: str) -> int:
    for number, name in enumerate(DAY_NAMES):
        if text in (name, calendar.day_name[number].lower()):
            return number
    raise ScheduleError(reply_text.SCHEDULE_BAD_DAY.format(value=text))


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"expected an aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(validate_timezone(tz))


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones() - _NOT_ZONES}


def _instant(wall: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of local time `wall`: its first occurrence, or the end of its gap."""
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap fold=1 reads `wall` with the offset after the change, which lands before
    # the gap, and fold=0 with the offset before it, which lands after: bisect between.
    earlier = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    later = first
    while later - earlier > timedelta(seconds=1):
        middle = earlier + (later - earlier) / 2
        if middle.astimezone(zone).replace(tzinfo=None) < wall:
            earlier = middle
        else:
            later = middle
    # Zone changes happen on whole seconds: the first one after `before` is the gap's end.
    return earlier.replace(microsecond=0) + timedelta(seconds=1)


def _parse_cron(expression: str) -> Schedule:
    try:
        _next_cron_wall(expression, datetime(2000, 1, 1))
    except ValueError as error:
        raise ScheduleError(
            reply_text.SCHEDULE_BAD_CRON.format(value=expression, error=error)
        ) from error
    return Schedule(expression, "cron")


def _next_cron_wall(expression: str, wall: datetime) -> datetime:
    moment = wall.replace(tzinfo=UTC) + timedelta(microseconds=1)
    fires = [trigger.get_next_fire_time(None, moment) for trigger in _cron_triggers(expression)]
    found: list[datetime] = [fire for fire in fires if fire is not None]
    if not found:
        raise ScheduleError(reply_text.SCHEDULE_NEVER_DUE.format(value=expression))
    return min(found).replace(tzinfo=None)


@lru_cache(maxsize=256)
def _cron_triggers(expression: str) -> tuple[CronTrigger, ...]:
    """APScheduler triggers that step through local wall-clock time for a crontab line.

    They run in UTC, which has no daylight saving, so they name wall-clock times and
    `_instant` alone decides how gaps and repeats resolve. APScheduler 3 counts weekdays
    from 0 = Monday where crontab counts from 0 = Sunday, so weekdays become names; and
    crontab fires when either the day of month or the weekday matches if both are
    restricted, where APScheduler needs both, so such a line becomes two triggers.
    """
    minute, hour, day, month, weekdays = expression.split()
    names = _crontab_weekdays(weekdays)
    fields = {"minute": minute, "hour": hour, "month": month, "timezone": UTC}
    if day.startswith("*") or weekdays.startswith("*"):
        return (CronTrigger(day=day, day_of_week=names, **fields),)
    return (
        CronTrigger(day=day, day_of_week="*", **fields),
        CronTrigger(day="*", day_of_week=names, **fields),
    )


def _crontab_weekdays(field: str) -> str:
    """A crontab weekday field (0 or 7 = Sunday) as APScheduler weekday names."""
    if field == "*":
        return "*"
    days: set[int] = set()
    for item in field.split(","):
        span, slash, step = item.partition("/")
        if slash and not step.isdigit():
            raise ValueError(f"`{item}` has a step that is not a number")
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            start, _, stop = span.partition("-")
            first, last = _crontab_day(start, False), _crontab_day(stop, True)
        else:
            first = _crontab_day(span, False)
            last = 6 if slash else first
        if first > last or (slash and int(step) < 1):
            raise ValueError(f"`{item}` is not a range of weekdays")
        days.update(number % 7 for number in range(first, last + 1, int(step or 1)))
    return ",".join(name for number, name in enumerate(DAY_NAMES) if (number + 1) % 7 in days)


def _crontab_day(token: str, ends_range: bool) -> int:
    if token.isdigit() and int(token) <= 7:
        return int(token)
    if token in DAY_NAMES:
        number = (DAY_NAMES.index(token) + 1) % 7
        return 7 if ends_range and number == 0 else number
    raise ValueError(f"`{token}` is not a weekday (0-7 or mon-sun)")
