"""Pulses: open one, record answers and comments, count who answered per side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.drivers import drivers_in, joined, read_picks, split
from bot.domain.errors import Conflict, NotPermitted, Refused
from bot.domain.people import Caller
from bot.domain.scoring import response_score
from bot.domain.sentiment.reading import read_comment
from bot.domain.text_hygiene import clean_paragraphs
from bot.services.engagements import choose, require_member
from bot.services.runtime import Runtime
from bot.views.mrkdwn import slack_date
from bot.views.pulse_dm import relationship
from bot.views.status_view import PulseStatus, Scheduled, SideCount
from storage import engagements as engagement_queries
from storage import pulses as queries
from storage.models import COMMENT_MAX, Delivery, Engagement, Pulse


class PulseClosedError(Conflict):
    """The pulse an answer was meant for has closed."""

    def __init__(self) -> None:
        super().__init__(reply_text.PULSE_CLOSED)


class NoLongerMemberError(Refused):
    """The person was removed from the engagement after the pulse was sent to them."""

    def __init__(self, relationship: str) -> None:
        super().__init__(reply_text.PULSE_NO_LONGER_MEMBER.format(relationship=relationship))


class NotARecipientError(NotPermitted):
    """The pulse was not sent to the person answering it."""

    def __init__(self) -> None:
        super().__init__(reply_text.PULSE_NOT_YOURS)


def open_pulse(
    session: Session,
    engagement: Engagement,
    *,
    started_by: str,
    now: datetime,
    scheduled_for: datetime | None = None,
) -> Pulse:
    """Open a pulse with one pending delivery per recipient, in one transaction.

    The database allows one open pulse per engagement, so two leads pressing
    `send` at once (or a lead racing the clock) open one pulse, not two.
    """
    current = queries.open_pulse(session, engagement.id)
    if current is not None:
        raise Conflict(
            reply_text.PULSE_ALREADY_OPEN.format(
                engagement=engagement.name, closes=slack_date(current.closes_at)
            )
        )
    recipients = engagement_queries.pulse_recipients(session, engagement.id)
    if not recipients:
        raise Refused(reply_text.PULSE_NOBODY.format(engagement=engagement.name))
    closes = now + timedelta(hours=engagement.window_hours)
    remind = closes - timedelta(hours=engagement.reminder_hours)
    pulse = Pulse(
        engagement_id=engagement.id,
        started_by=started_by,
        scheduled_for=scheduled_for,
        opened_at=now,
        closes_at=closes,
        remind_at=remind if remind > now else None,
        # The settings it opens with are its own: changing them later applies from the next.
        anonymity_min=engagement.anonymity_min,
        client_tolerance=engagement.client_tolerance,
        provider_tolerance=engagement.provider_tolerance,
        gap_threshold=engagement.gap_threshold,
    )
    try:
        with session.begin_nested():
            session.add(pulse)
            session.flush()
    except IntegrityError:
        raise Conflict(
            reply_text.PULSE_ALREADY_OPEN.format(engagement=engagement.name, closes="soon")
        ) from None
    session.add_all(
        Delivery(pulse_id=pulse.id, member_id=m.id, side=m.side, weight=m.weight)
        for m in recipients
    )
    session.flush()
    return pulse


@dataclass(frozen=True, slots=True)
class Answer:
    """What one person has answered so far, for re-rendering their pulse message."""

    pulse: Pulse
    engagement: Engagement
    side: str
    rating: int | None
    guess: int | None
    commented: bool
    away: bool = False
    drivers: tuple[str, ...] = ()


def check_recipient(
    session: Session, pulse_id: int, team_id: str, user_id: str, now: datetime
) -> tuple[Delivery, Pulse]:
    """The person's delivery of an open pulse; raises if it is closed or not theirs."""
    pulse = session.get(Pulse, pulse_id)
    if pulse is None:
        raise NotARecipientError
    delivery = queries.delivery_for(session, pulse_id, team_id, user_id)
    if delivery is None:
        raise NotARecipientError
    if pulse.status != "open" or pulse.closes_at <= now:
        raise PulseClosedError
    if delivery.member.status == "removed":
        engagement = pulse.engagement
        raise NoLongerMemberError(relationship(engagement.client_org, engagement.provider_org))
    return delivery, pulse


def record_answer(
    session: Session,
    *,
    pulse_id: int,
    team_id: str,
    user_id: str,
    now: datetime,
    rating: int | None = None,
    guess: int | None = None,
    comment: str | None = None,
    away: bool = False,
    drivers: Sequence[str] | None = None,
) -> Answer:
    """Create or update the one response of a person to a pulse.

    `away=True` records that the person was out this week: they count as absent, not
    silent, and get no reminder. Answering afterwards clears it. `drivers` replaces the
    person's picks (an empty list clears them); a comment is tagged with the drivers its
    words name. Every part lands in the same one-statement upsert as a rating.
    """
    delivery, pulse = check_recipient(session, pulse_id, team_id, user_id, now)
    if away:
        delivery.away_at = now
        response = queries.response_of(session, pulse_id, delivery.member_id)
        session.flush()
        return Answer(
            pulse=pulse,
            engagement=pulse.engagement,
            side=delivery.side,
            rating=response.rating if response else None,
            guess=response.guess if response else None,
            commented=bool(response and response.comment),
            away=True,
            drivers=split(response.drivers if response else None),
        )
    values: dict[str, object] = {}
    if rating is not None:
        values["rating"] = rating
    if guess is not None:
        values["guess"] = guess
    if drivers is not None:
        values["drivers"] = joined(read_picks(drivers))
    if comment is not None:
        text = clean_paragraphs(comment, COMMENT_MAX)
        reading = read_comment(text)
        sentiment = reading.sentiment
        values.update(
            comment=text,
            language=reading.language,
            polarity=None if sentiment is None else sentiment.polarity,
            subjectivity=None if sentiment is None else sentiment.subjectivity,
            comment_drivers=joined(drivers_in(text)),
        )
    response = queries.upsert_response(session, pulse_id, delivery.member_id, values, now)
    if response.rating is not None:
        response.score = response_score(response.rating, response.polarity)
    response.updated_at = now
    delivery.away_at = None
    session.flush()
    return Answer(
        pulse=pulse,
        engagement=pulse.engagement,
        side=delivery.side,
        rating=response.rating,
        guess=response.guess,
        commented=response.comment is not None,
        drivers=split(response.drivers),
    )


def status(session: Session, engagement: Engagement) -> PulseStatus:
    """The open pulse and its counts per side, or the last closed one."""
    return pulse_status(queries.status(session, engagement))


def status_of(container: Runtime, caller: Caller, name: str | None) -> PulseStatus:
    """`/rapport status`: the engagement's pulse right now, for one of its members."""
    with container.database.reading() as session:
        engagement = choose(session, caller, name)
        require_member(session, engagement, caller)
        return status(session, engagement)


def pulse_status(current: queries.Status) -> PulseStatus:
    """What `/rapport status` shows of an engagement's pulse as stored."""
    engagement, pulse = current.engagement, current.pulse
    return PulseStatus(
        engagement=scheduled(engagement),
        opened_at=pulse.opened_at if pulse is not None else None,
        closes_at=pulse.closes_at if pulse is not None else None,
        last_closed_at=current.last_closed.closed_at if current.last_closed is not None else None,
        counts={side: SideCount(c.asked, c.answered, c.away) for side, c in current.counts.items()},
    )


def scheduled(engagement: Engagement) -> Scheduled:
    """The engagement's name and when it asks, as the status line says it."""
    return Scheduled(engagement.name, engagement.schedule, engagement.timezone)
