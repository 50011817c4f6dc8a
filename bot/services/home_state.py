"""What App Home shows, read from the database as the values its views draw from."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from bot.views.home_view import Membership, OpenPulse, PastAnswer
from bot.views.status_view import SideCount
from storage import pulses as pulse_queries
from storage.digests import OwnAnswer
from storage.models import Engagement, Member


def membership(engagement: Engagement, me: Member) -> Membership:
    """The engagement between whom, and the viewer's role and side on it."""
    return Membership(
        engagement.name, engagement.client_org, engagement.provider_org, me.role, me.side
    )


def past_answers(answers: Sequence[OwnAnswer]) -> list[PastAnswer]:
    """The viewer's own answers as their Home tab lists them."""
    return [PastAnswer(a.closed_at, a.rating, a.guess, a.comment) for a in answers]


def open_pulse(session: Session, engagement_id: int) -> OpenPulse | None:
    """The engagement's open pulse with its counts per side, or None when none is open."""
    pulse = pulse_queries.open_pulse(session, engagement_id)
    if pulse is None:
        return None
    counts = pulse_queries.side_counts(session, pulse.id)
    return OpenPulse(
        pulse.closes_at,
        {side: SideCount(c.asked, c.answered, c.away) for side, c in counts.items()},
    )
