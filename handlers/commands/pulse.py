"""`/rapport send` and `status`: start a pulse now, and see how it is going."""

from __future__ import annotations

from datetime import datetime

from bot.domain import catalogue
from bot.domain.schedule import ScheduleError, parse_schedule
from bot.services.engagements import choose, mention, require_lead, require_member
from bot.services.pulses import open_pulse, slack_date
from bot.services.pulses import status as pulse_status
from bot.slack.fanout import deliver
from handlers.commands.request import CommandRequest
from storage import engagements as engagement_queries
from storage.models import Engagement


def send(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_lead(session, engagement, caller)
        pulse = open_pulse(session, engagement, started_by=caller.user_id, now=services.now())
        recipients = engagement_queries.pulse_recipients(session, engagement.id)
        per_side = {
            side: sum(m.side == side for m in recipients) for side in ("client", "provider")
        }
        name, minimum, pulse_id, total = (
            engagement.name,
            engagement.anonymity_min,
            pulse.id,
            len(recipients),
        )
    request.say(catalogue.PULSE_SENDING.format(engagement=name, count=total))
    result = deliver(
        services.database, services.client, pulse_id, services.now, pacer=services.pacer, workers=2
    )
    text = catalogue.PULSE_SENT.format(engagement=name, sent=result.sent, total=total)
    if result.failed:
        people = ", ".join(f"{mention(u)} ({code})" for u, code in result.failed.items())
        text += catalogue.PULSE_UNREACHABLE.format(people=people)
    for side, count in per_side.items():
        if count < minimum:
            text += catalogue.PULSE_THIN_SIDE.format(side=side, minimum=minimum)
    request.say(text)


def status(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_member(session, engagement, caller)
        current = pulse_status(session, engagement)
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
    text += next_pulse_text(engagement, services.now())
    request.say(text)


def next_pulse_text(engagement: Engagement, now: datetime) -> str:
    """When the schedule asks next, in the reader's own time zone (and the engagement's)."""
    try:
        when = parse_schedule(engagement.schedule).next_after(now, engagement.timezone)
    except ScheduleError:
        return ""
    return catalogue.STATUS_NEXT.format(
        when=slack_date(when), schedule=engagement.schedule, timezone=engagement.timezone
    )
