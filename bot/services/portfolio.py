"""A person's portfolio: every engagement they lead or sponsor, ranked by need of attention."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain.people import Caller
from bot.domain.portfolio import EngagementState, OpenFinding, rank
from bot.services.digest.assemble import next_pulse_at
from bot.services.evaluation import pulse_figures, thresholds_of
from storage import actions as action_queries
from storage import alerts as alert_queries
from storage import portfolio as queries
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
