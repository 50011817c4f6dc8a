"""`/rapport status` in words: the open pulse's counts per side, or the last one, and the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.domain import reply_text
from bot.domain.schedule import ScheduleError, parse_schedule
from bot.views.mrkdwn import slack_date


@dataclass(frozen=True, slots=True)
class SideCount:
    """How many on a side were asked, answered, and pressed "away" — counts only."""

    asked: int = 0
    answered: int = 0
    away: int = 0


@dataclass(frozen=True, slots=True)
class Scheduled:
    """An engagement's name and when it asks: its schedule, in its time zone."""

    name: str
    schedule: str
    timezone: str


@dataclass(frozen=True, slots=True)
class PulseStatus:
    """An engagement's pulse right now: the open one with its counts, or the last close."""

    engagement: Scheduled
    opened_at: datetime | None
    """When the open pulse opened; None when no pulse is open."""
    closes_at: datetime | None
    last_closed_at: datetime | None
    counts: Mapping[str, SideCount]


def status_text(current: PulseStatus, now: datetime) -> str:
    """How the pulse is going (counts, never names), and when the schedule asks next."""
    engagement = current.engagement
    if current.opened_at is not None and current.closes_at is not None:
        client, provider = current.counts["client"], current.counts["provider"]
        text = reply_text.STATUS_OPEN.format(
            engagement=engagement.name,
            opened=slack_date(current.opened_at),
            closes=slack_date(current.closes_at),
            client_answered=client.answered,
            client_total=client.asked - client.away,
            provider_answered=provider.answered,
            provider_total=provider.asked - provider.away,
        )
        away = client.away + provider.away
        if away:
            text += reply_text.STATUS_AWAY.format(away=away)
    else:
        last = (
            reply_text.STATUS_LAST.format(closed=slack_date(current.last_closed_at))
            if current.last_closed_at is not None
            else reply_text.STATUS_NEVER
        )
        text = reply_text.STATUS_NONE.format(engagement=engagement.name, last=last)
    return text + next_pulse_text(engagement, now)


def next_pulse_text(engagement: Scheduled, now: datetime) -> str:
    """When the schedule asks next, in the reader's own time zone (and the engagement's)."""
    try:
        when = parse_schedule(engagement.schedule).next_after(now, engagement.timezone)
    except ScheduleError:
        return ""
    return reply_text.STATUS_NEXT.format(
        when=slack_date(when), schedule=engagement.schedule, timezone=engagement.timezone
    )
