"""Build one engagement's ``DigestInput`` from the database: history, SLA marks, alerts, themes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain.alerts import Side, SlaStatus
from bot.domain.digest.chart import CHART_PULSES
from bot.domain.digest.model import BASELINE_PULSES, DigestInput, OpenAlert, PulsePoint
from bot.domain.ladder import Outcome, quarters
from bot.domain.schedule import ScheduleError, parse_schedule
from bot.domain.themes import Theme
from bot.services.evaluation import pulse_figures, thresholds_of
from bot.services.standing import standing_of
from storage import actions as action_queries
from storage import alerts as alert_queries
from storage import digests as queries
from storage.models import Engagement, Pulse
from storage.published_drivers import published_drivers
from storage.published_themes import published_themes

_STATUSES: dict[str, SlaStatus] = {"green": "green", "amber": "amber", "red": "red"}


def history_pulses(session: Session, engagement_id: int) -> list[Pulse]:
    """The baseline's first four closed pulses and the last twelve, oldest first, no repeats."""
    first = queries.first_closed(session, engagement_id, BASELINE_PULSES)
    last = alert_queries.closed_pulses(session, engagement_id, before=None, limit=CHART_PULSES)
    seen = {p.id for p in last}
    return [p for p in first if p.id not in seen] + last


def sla_at_close(pulses: Sequence[Pulse]) -> list[SlaStatus | None]:
    """Per pulse, the SLA status published when it closed (facts dated earlier that came
    in later are history: they never change it)."""
    return [_STATUSES.get(p.sla_at_close or "") for p in pulses]


def next_pulse_at(engagement: Engagement, now: datetime) -> datetime | None:
    """When the engagement's schedule next sends a pulse; None if it cannot be read."""
    try:
        return parse_schedule(engagement.schedule).next_after(now, engagement.timezone)
    except (ScheduleError, ValueError):
        return None


def assemble(
    session: Session, engagement: Engagement, now: datetime, *, themes: bool = True
) -> DigestInput:
    """Everything the digest of ``engagement`` shows at ``now``, read in one session.

    Figures come from the SQL aggregates of ``pulse_figures``, so a side below the
    anonymity minimum arrives withheld and stays so in every rendering.
    """
    thresholds = thresholds_of(engagement)
    closed = [p for p in history_pulses(session, engagement.id) if p.closed_at is not None]
    pulses = sorted(closed, key=lambda p: (p.closed_at, p.id))
    figures = pulse_figures(session, pulses)
    sla = sla_at_close(pulses)
    history = [
        PulsePoint(p.closed_at, figures[p.id], status)
        for p, status in zip(pulses, sla, strict=True)
        if p.closed_at is not None and p.id in figures
    ]
    latest = alert_queries.latest_sla(session, engagement.id)
    open_alerts = [
        OpenAlert(
            rule=a.rule,
            sentence=a.sentence,
            opened_at=a.opened_at,
            owner_user_id=a.owner_user_id,
            acknowledged=a.status == "acknowledged",
            trend=a.trend,
        )
        for a in alert_queries.live(session, engagement.id)
    ]
    found: dict[Side, list[Theme]] = {}
    if themes and pulses and pulses[-1].id in figures:
        # As published at close: never recomputed from the comments left since.
        found = published_themes(session, [pulses[-1].id]).get(pulses[-1].id, {})
    drivers = published_drivers(session, [pulses[-1].id]).get(pulses[-1].id) if pulses else None
    return DigestInput(
        engagement=engagement.name,
        client_org=engagement.client_org,
        provider_org=engagement.provider_org,
        thresholds=thresholds,
        history=history,
        now=now,
        open_alerts=open_alerts,
        themes=found,
        sla_status=_STATUSES.get(latest.status) if latest is not None else None,
        next_pulse=next_pulse_at(engagement, now),
        tz=engagement.timezone,
        standing=standing_of(session, engagement) if history else None,
        ladder=quarters(
            [Outcome(*row) for row in alert_queries.outcomes(session, engagement.id)],
            ZoneInfo(engagement.timezone),
        ),
        alert_marks=(
            alert_queries.openings_since(session, engagement.id, history[0].closed_at)
            if history
            else ()
        ),
        drivers=drivers,
        drivers_minimum=pulses[-1].anonymity_min if pulses else thresholds.anonymity_min,
        actions=action_queries.open_actions(session, engagement.id),
    )


def chart_history(session: Session, engagement: Engagement, now: datetime) -> DigestInput:
    """Only what a chart panel draws: the last twelve closed pulses' published figures."""
    closed = alert_queries.closed_pulses(session, engagement.id, before=None, limit=CHART_PULSES)
    figures = pulse_figures(session, closed)
    return DigestInput(
        engagement=engagement.name,
        client_org=engagement.client_org,
        provider_org=engagement.provider_org,
        thresholds=thresholds_of(engagement),
        history=[
            PulsePoint(p.closed_at, figures[p.id])
            for p in sorted(closed, key=lambda p: (p.closed_at or now, p.id))
            if p.closed_at is not None and p.id in figures
        ],
        now=now,
        tz=engagement.timezone,
    )
