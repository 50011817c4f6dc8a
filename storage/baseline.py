"""Where each side stands against its baseline and last quarter, computed in SQL.

Each pulse's side index is the one it published at its close (`published_figures`;
withheld sides have none), averaged over the baseline pulses, read at the pulse a quarter
ago, and compared over the last three pulses, all in one statement: nothing is
recomputed from today's members, weights or minimum, and no answer reaches Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, case, func, literal, select
from sqlalchemy.orm import Session

from bot.domain.digest.standing import HELD_PULSES, SideStanding
from storage.models import PublishedFigure, Pulse

QUARTER = timedelta(days=91)


@dataclass(frozen=True, slots=True)
class StandingPulses:
    """The pulses each figure reads, chosen by SQL."""

    baseline: list[int]
    quarter: int | None
    last: list[int]
    baseline_start: datetime | None


def _closed(engagement_id: int) -> Any:
    return select(Pulse.id, Pulse.closed_at).where(
        Pulse.engagement_id == engagement_id, Pulse.status == "closed"
    )


def standing_pulses(
    session: Session, engagement_id: int, since: datetime | None, count: int
) -> StandingPulses:
    """The baseline's first `count` closed pulses (from `since`), a quarter ago, the last three."""
    first = _closed(engagement_id).order_by(Pulse.closed_at, Pulse.id).limit(count)
    if since is not None:
        first = first.where(Pulse.closed_at >= since)
    baseline = session.execute(first).all()
    last = session.execute(
        _closed(engagement_id).order_by(Pulse.closed_at.desc(), Pulse.id.desc()).limit(HELD_PULSES)
    ).all()
    quarter = None
    if last:
        before = last[0][1] - QUARTER
        quarter = session.scalar(
            _closed(engagement_id)
            .with_only_columns(Pulse.id)
            .where(Pulse.closed_at <= before)
            .order_by(Pulse.closed_at.desc(), Pulse.id.desc())
            .limit(1)
        )
    return StandingPulses(
        [row[0] for row in baseline],
        quarter,
        [row[0] for row in reversed(last)],
        baseline[0][1] if baseline else None,
    )


def _standing_statement() -> Any:
    # Read the figures each pulse published at its close (withheld sides have no index),
    # never recomputed from today's members, weights or minimum.
    index = PublishedFigure.side_index
    pulse = PublishedFigure.pulse_id
    per_side = (
        select(
            PublishedFigure.side.label("side"),
            func.avg(case((pulse.in_(bindparam("baseline", expanding=True)), index))).label("b"),
            func.max(case((pulse == bindparam("quarter"), index))).label("q"),
            func.min(case((pulse.in_(bindparam("last", expanding=True)), index))).label("low"),
            func.count(case((pulse.in_(bindparam("last", expanding=True)), index))).label("shown"),
        )
        .where(pulse.in_(bindparam("pulse_ids", expanding=True)))
        .group_by(PublishedFigure.side)
        .subquery()
    )
    s = per_side.c
    held = case(
        (s.b.is_(None) | (s.shown < HELD_PULSES), None),
        (s.low > s.b, literal(1)),
        else_=literal(0),
    )
    return select(s.side, s.b, s.q, held)


_STANDING = _standing_statement()


def side_standing(
    session: Session, pulses: StandingPulses, held_counts: bool
) -> dict[str, SideStanding]:
    """Each side's baseline, index a quarter ago and whether the improvement held.

    `held_counts` is False when the last three pulses overlap the baseline's, so there is
    nothing yet to hold against.
    """
    quarter = [pulses.quarter] if pulses.quarter is not None else []
    ids: Sequence[int] = sorted({*pulses.baseline, *pulses.last, *quarter})
    found = {side: SideStanding(side, None, None, None) for side in ("client", "provider")}
    if not ids:
        return found
    parameters = {
        "pulse_ids": list(ids),
        "baseline": pulses.baseline or [-1],
        "quarter": pulses.quarter if pulses.quarter is not None else -1,
        "last": pulses.last or [-1],
    }
    for side, baseline, quarter, held in session.execute(_STANDING, parameters):
        found[side] = SideStanding(
            side,
            float(baseline) if baseline is not None else None,
            float(quarter) if quarter is not None else None,
            bool(held) if held is not None and held_counts else None,
        )
    return found
