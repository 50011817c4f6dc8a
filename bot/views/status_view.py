"""`/rapport status` in words: the open pulse's counts per side, or the last one, and the next."""

from __future__ import annotations

from datetime import datetime

from bot.domain import catalogue
from bot.domain.schedule import ScheduleError, parse_schedule
from bot.views.mrkdwn import slack_date
from storage.models import Engagement
from storage.pulses import Status


def status_text(current: Status, now: datetime) -> str:
    """How the pulse is going (counts, never names), and when the schedule asks next."""
    engagement = current.engagement
    if current.pulse is not None:
        client, provider = current.counts["client"], current.counts["provider"]
        text = catalogue.STATUS_OPEN.format(
            engagement=engagement.name,
            opened=slack_date(current.pulse.opened_at),
            closes=slack_date(current.pulse.closes_at),
            client_answered=client.answered,
            client_total=client.asked - client.away,
            provider_answered=provider.answered,
            provider_total=provider.asked - provider.away,
        )
        away = client.away + provider.away
        if away:
            text += catalogue.STATUS_AWAY.format(away=away)
    else:
        last = (
            catalogue.STATUS_LAST.format(closed=slack_date(current.last_closed.closed_at))
            if current.last_closed is not None and current.last_closed.closed_at is not None
            else catalogue.STATUS_NEVER
        )
        text = catalogue.STATUS_NONE.format(engagement=engagement.name, last=last)
    return text + next_pulse_text(engagement, now)


def next_pulse_text(engagement: Engagement, now: datetime) -> str:
    """When the schedule asks next, in the reader's own time zone (and the engagement's)."""
    try:
        when = parse_schedule(engagement.schedule).next_after(now, engagement.timezone)
    except ScheduleError:
        return ""
    return catalogue.STATUS_NEXT.format(
        when=slack_date(when), schedule=engagement.schedule, timezone=engagement.timezone
    )
