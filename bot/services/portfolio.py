"""A person's portfolio: every engagement they lead or sponsor, ranked by need of attention."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain import portfolio_text as text
from bot.domain.people import Caller
from bot.domain.portfolio import EngagementState, OpenFinding, rank
from bot.domain.schedule import DAY_NAMES, parse_day_time, validate_timezone
from bot.services.digest.assemble import next_pulse_at
from bot.services.evaluation import pulse_figures, thresholds_of
from bot.services.runtime import Runtime
from storage import actions as action_queries
from storage import alerts as alert_queries
from storage import portfolio as queries
from storage import portfolio_digests as digest_queries
from storage.models import Engagement


def engagement_state(
    session: Session, engagement: Engagement, role: str, now: datetime
) -> EngagementState:
    """One engagement as its portfolio line shows it, from its published figures only."""
    pulses = alert_queries.closed_pulses(session, engagement.id, before=None, limit=2)
    figures = pulse_figures(session, pulses)
    published = [figures[p.id] for p in pulses if p.id in figures]
    today = now.astimezone(ZoneInfo(engagement.timezone)).date()
    actions = action_queries.open_actions(session, engagement.id)
    return EngagementState(
        engagement_id=engagement.id,
        name=engagement.name,
        role=role,
        thresholds=thresholds_of(engagement),
        latest=published[-1] if published else None,
        previous=published[-2] if len(published) > 1 else None,
        findings=[
            OpenFinding(a.severity, a.opened_at, a.escalated_at is not None)
            for a in alert_queries.live(session, engagement.id)
        ],
        overdue_actions=sum(1 for action in actions if action.overdue(today)),
        next_pulse=next_pulse_at(engagement, now),
        tz=engagement.timezone,
    )


def portfolio(session: Session, team_id: str, user_id: str, now: datetime) -> list[EngagementState]:
    """The engagements this person leads or sponsors now, most in need of attention first."""
    states = [
        engagement_state(session, engagement, role, now)
        for engagement, role in queries.led_or_sponsored(session, team_id, user_id)
    ]
    return rank(states, now)


def portfolio_of(session: Session, caller: Caller, now: datetime) -> list[EngagementState]:
    """The caller's portfolio; empty for someone who leads or sponsors nothing."""
    return portfolio(session, caller.team_id, caller.user_id, now)


def sponsored_count(session: Session, caller: Caller) -> int:
    """How many live engagements the caller actively sponsors."""
    rows = queries.led_or_sponsored(session, caller.team_id, caller.user_id)
    return sum(1 for _, role in rows if role == "sponsor")


def digest_time_text(session: Session, caller: Caller) -> str:
    """When the caller's weekly digest comes, in words, with how to change it."""
    count = sponsored_count(session, caller)
    if count == 0:
        return text.DIGEST_TIME_NOT_SPONSOR
    chosen = digest_queries.digest_time(session, (caller.team_id, caller.user_id))
    if count == 1:
        return text.DIGEST_TIME_ONE
    when = (
        text.DIGEST_TIME_OWN.format(when=chosen.day_time, tz=chosen.timezone)
        if chosen
        else text.DIGEST_TIME_SLOTS
    )
    return text.DIGEST_TIME_NOW.format(when=when, how=text.DIGEST_TIME_HOW)


def choose_digest_time(
    session: Session, caller: Caller, day_time: str | None, tz: str, now: datetime
) -> str:
    """Keep (or with None forget) the caller's own digest day and time; the reply.

    Raises ``ScheduleError`` for a day and time that cannot be read.
    """
    if sponsored_count(session, caller) == 0:
        return text.DIGEST_TIME_NOT_SPONSOR
    person = (caller.team_id, caller.user_id)
    if day_time is None:
        digest_queries.set_digest_time(session, person, None, tz, now)
        return text.DIGEST_TIME_DEFAULT
    weekday, at = parse_day_time(day_time)
    canonical = f"{DAY_NAMES[weekday]} {at:%H:%M}"
    digest_queries.set_digest_time(session, person, canonical, tz, now)
    reply = text.DIGEST_TIME_SET.format(when=canonical, tz=tz)
    if sponsored_count(session, caller) == 1:
        reply += " " + text.DIGEST_TIME_ONE
    return reply


def digest_time_command(
    container: Runtime, caller: Caller, day_time: str | None, tz: str | None
) -> str:
    """`/rapport digest-time`: keep the caller's choice, in the time zone Slack gives them.

    Raises ``ScheduleError`` for a day, time or time zone that cannot be read.
    """
    if day_time is not None:
        parse_day_time(day_time)  # a typing mistake is answered before Slack is asked
    if tz is not None:
        zone = validate_timezone(tz)
    else:
        person = container.messenger.person(caller.user_id, caller.team_id)
        if day_time is not None and not person.tz:
            return text.DIGEST_TIME_NO_ZONE.format(error=person.unknown_because or "no time zone")
        zone = person.tz or "UTC"
    with container.database.unit_of_work() as session:
        return choose_digest_time(session, caller, day_time, zone, container.now())


def portfolio_for(container: Runtime, caller: Caller) -> list[EngagementState]:
    """`/rapport portfolio`: the caller's portfolio, read once."""
    with container.database.reading() as session:
        return portfolio_of(session, caller, container.now())


def digest_time_for(container: Runtime, caller: Caller) -> str:
    """`/rapport digest-time` alone: when the caller's weekly digest comes, in words."""
    with container.database.reading() as session:
        return digest_time_text(session, caller)
