"""Dates and durations as people read them, the same whatever the machine's locale."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from bot.domain.i18n import N_, _, counted
from bot.domain.i18n import moment as localised_moment


def day_month(moment: datetime, zone: tzinfo) -> str:
    """ "12 May", in ``zone``, as the reader's language writes it."""
    # TRANSLATORS: a Babel (CLDR) date pattern for "12 May".
    return localised_moment(moment.astimezone(zone), _("d MMM"))


def weekday_day_month(moment: datetime, zone: tzinfo) -> str:
    """ "Tue 12 May", in ``zone``, as the reader's language writes it."""
    # TRANSLATORS: a Babel (CLDR) date pattern for "Tue 12 May".
    return localised_moment(moment.astimezone(zone), _("EEE d MMM"))


def age(opened_at: datetime, now: datetime) -> str:
    """How long an alert has been open: "under an hour", "5 hours", "3 days", "2 weeks"."""
    hours = int(max(0.0, (now - opened_at).total_seconds()) // 3600)
    days = hours // 24
    if hours < 1:
        return _("under an hour")
    if days < 1:
        return counted(N_("{count} hour", "{count} hours"), hours)
    if days < 14:
        return counted(N_("{count} day", "{count} days"), days)
    return counted(N_("{count} week", "{count} weeks"), days // 7)


def weekday_date(day: date) -> str:
    """ "Tue 12 May" for a calendar date (a due date), with no time zone involved."""
    return localised_moment(datetime(day.year, day.month, day.day), _("EEE d MMM"))


def duration_text(duration: timedelta) -> str:
    """A duration as people type it: `3d`, `1d12h`, `90m` → `1h30m`."""
    minutes = int(duration.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    return "".join(parts) or "0m"
