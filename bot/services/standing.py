"""An engagement's standing: its baseline (chosen by a lead or its first four pulses),
last quarter, and whether the improvement held; `/rapport baseline` sets the start."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain.digest.model import BASELINE_PULSES
from bot.domain.digest.standing import Standing
from bot.domain.people import Caller
from bot.services.engagements import choose, require_lead
from bot.services.runtime import Runtime
from storage import baseline as queries
from storage.models import Engagement


def baseline_since(engagement: Engagement) -> datetime | None:
    """The first moment of the chosen baseline date in the engagement's zone, if one was chosen."""
    if engagement.baseline_from is None:
        return None
    return datetime.combine(engagement.baseline_from, time(), ZoneInfo(engagement.timezone))


def standing_of(session: Session, engagement: Engagement) -> Standing:
    """Both sides' baseline, index a quarter ago and whether the improvement held, by SQL."""
    pulses = queries.standing_pulses(
        session, engagement.id, baseline_since(engagement), BASELINE_PULSES
    )
    apart = not set(pulses.baseline) & set(pulses.last)
    sides = queries.side_standing(session, pulses, held_counts=apart)
    return Standing(sides, len(pulses.baseline), pulses.baseline_start, engagement.baseline_from)


def choose_baseline(engagement: Engagement, start: date | None) -> None:
    """Count the baseline from `start` (its first four closed pulses), or None for the default."""
    engagement.baseline_from = start


def set_baseline(container: Runtime, caller: Caller, name: str | None, start: date | None) -> str:
    """`/rapport baseline` by a lead: count the baseline from `start`; the engagement's name."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        choose_baseline(engagement, start)
        return engagement.name
