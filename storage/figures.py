"""Per-pulse, per-side aggregates computed in SQL: the raw material of side indices."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    null,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from storage.models import Delivery, Member, Response


@contextmanager
def custom_plans(session: Session) -> Iterator[None]:
    """On PostgreSQL, plan each statement inside for its own pulse ids, then as before.

    The driver prepares a statement run often; after a few runs PostgreSQL may keep one
    generic plan for any ids. For the close's batch reads (``pulse_id IN`` fifty ids)
    that plan took about 5 s where a plan for the ids takes 50 ms. The setting is local
    to the transaction and put back on leaving.
    """
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    before = session.execute(
        text(
            "SELECT current_setting('plan_cache_mode'),"
            " set_config('plan_cache_mode', 'force_custom_plan', true)"
        )
    ).scalar_one()
    yield
    # Not on an error: rolling back the transaction or savepoint puts the setting back.
    session.execute(text("SELECT set_config('plan_cache_mode', :mode, true)"), {"mode": before})


@dataclass(frozen=True, slots=True)
class WeightedSums:
    """Enough to compute a capped weighted mean without seeing a single row.

    `top_weight` and `top_value` belong to the heaviest contributor (the only one the
    cap can lower); `total_weight` and `total` are sums over everyone.
    """

    count: int
    total_weight: float
    total: float
    top_weight: float
    top_value: float

    def capped_mean(self) -> float | None:
        """The mean with nobody carrying more than half the weight (see `bot.domain.alerts`)."""
        if self.count == 0 or self.total_weight <= 0:
            return None
        others = self.total_weight - self.top_weight
        if self.count >= 2 and self.top_weight > others:
            weight, total = 2 * others, self.total - (self.top_weight - others) * self.top_value
        else:
            weight, total = self.total_weight, self.total
        return max(0.0, min(100.0, total / weight))


@dataclass(frozen=True, slots=True)
class SideAggregate:
    pulse_id: int
    side: str
    eligible: int
    scores: WeightedSums
    guesses: WeightedSums


def still_on_engagement() -> ColumnElement[bool]:
    """The delivery's person has not been taken off the engagement.

    Correlated on the delivery's member, so it costs one primary-key look-up per row; an
    uncorrelated ``IN (SELECT … FROM members)`` read every member of every engagement at
    each close, so a close cost more the more other engagements there were.
    """
    return ~exists().where(Member.id == Delivery.member_id, Member.status == "removed")


def rated_answers(*columns: Any, without_removed: bool) -> Select[Any]:
    """``columns`` of the rated answers of the pulses bound later as ``pulse_ids``.

    Each answer is joined to the delivery it answers, whose side and weight are as they
    were when the pulse was sent. ``without_removed`` leaves out people taken off the
    engagement: at close, someone removed while the pulse was open is not counted.
    """
    stmt = (
        select(*columns)
        .join(
            Delivery,
            and_(Delivery.pulse_id == Response.pulse_id, Delivery.member_id == Response.member_id),
        )
        .where(
            Response.pulse_id.in_(bindparam("pulse_ids", expanding=True)),
            Response.rating.is_not(None),
        )
    )
    return stmt.where(still_on_engagement()) if without_removed else stmt


def _aggregates(*, without_removed: bool) -> Select[Any]:
    """The aggregate query, built once: only the pulse ids change between calls.

    Two grouped selects, one over the answers and one over the deliveries, are stacked
    with UNION ALL and folded into one row per pulse and side, so a close pays for one
    statement and one round trip. ``without_removed`` leaves out people taken off the
    engagement: at close, someone removed while the pulse was open is not counted.
    """
    pulse_ids: BindParameter[int] = bindparam("pulse_ids", expanding=True)
    present = still_on_engagement() if without_removed else true()
    # Side and weight come from the delivery: as they were when the pulse was sent.
    per_side = (Response.pulse_id, Delivery.side)
    has_guess = Response.guess.is_not(None)
    answered = rated_answers(
        Response.pulse_id.label("pulse_id"),
        Delivery.side.label("side"),
        Delivery.weight.label("w"),
        Response.score.label("s"),
        ((Response.guess - 1) * 25.0).label("g"),
        # The heaviest weight of the side, and of those who guessed. When two tie for
        # it the cap cannot apply, so whose value comes with it does not matter.
        func.max(Delivery.weight).over(partition_by=per_side).label("top_w"),
        func.max(case((has_guess, Delivery.weight))).over(partition_by=per_side).label("top_gw"),
        without_removed=without_removed,
    ).subquery()
    a = answered.c
    sums = select(
        a.pulse_id,
        a.side,
        null().label("eligible"),
        func.count().label("n"),
        func.sum(a.w).label("tw"),
        func.sum(a.w * a.s).label("ts"),
        func.max(a.top_w).label("top_w"),
        func.max(case((a.w == a.top_w, a.s))).label("top_s"),
        func.count(a.g).label("gn"),
        func.sum(case((a.g.is_not(None), a.w))).label("gtw"),
        func.sum(a.w * a.g).label("gts"),
        func.max(a.top_gw).label("top_gw"),
        func.max(case((a.w == a.top_gw, a.g))).label("top_g"),
    ).group_by(a.pulse_id, a.side)
    eligible = (
        select(
            Delivery.pulse_id,
            Delivery.side,
            func.count(),
            *(null() for _ in range(10)),
        )
        .outerjoin(
            Response,
            and_(Response.pulse_id == Delivery.pulse_id, Response.member_id == Delivery.member_id),
        )
        .where(
            Delivery.pulse_id.in_(pulse_ids),
            present,
            Delivery.status == "sent",
            # Away this week means absent, not silent; an answer given anyway still counts.
            (Delivery.away_at.is_(None)) | (Response.rating.is_not(None)),
        )
        .group_by(Delivery.pulse_id, Delivery.side)
    )
    both = union_all(sums, eligible).subquery()
    # Each column is set in one of the two rows of a pulse and side and NULL in the other.
    return select(
        both.c.pulse_id,
        both.c.side,
        *(func.max(column) for column in list(both.c)[2:]),
    ).group_by(both.c.pulse_id, both.c.side)


_AGGREGATES = _aggregates(without_removed=False)
_AGGREGATES_PRESENT = _aggregates(without_removed=True)
AGGREGATES = _AGGREGATES
"""The same statement, for figures built on top of it (see `storage.baseline`)."""


def _sums(count: Any, *sums: Any) -> WeightedSums:
    if not count:
        return WeightedSums(0, 0.0, 0.0, 0.0, 0.0)
    total_weight, total, top_weight, top_value = (float(x) for x in sums)
    return WeightedSums(int(count), total_weight, total, top_weight, top_value)


def side_aggregates(
    session: Session, pulse_ids: Sequence[int], *, without_removed: bool = False
) -> list[SideAggregate]:
    """Aggregate responses and deliveries per pulse and side in one statement.

    A window function gives each side's heaviest weight to its rows, so the heaviest
    contributor's value comes out of the same aggregate; no row reaches Python. The
    statement is built once and reused, so a close pays for executing it only.
    """
    if not pulse_ids:
        return []
    found: dict[tuple[int, str], SideAggregate] = {}
    statement = _AGGREGATES_PRESENT if without_removed else _AGGREGATES
    for row in session.execute(statement, {"pulse_ids": list(pulse_ids)}):
        pulse_id, side, eligible = int(row[0]), str(row[1]), int(row[2] or 0)
        found[(pulse_id, side)] = SideAggregate(
            pulse_id, side, eligible, _sums(*row[3:8]), _sums(*row[8:13])
        )
    empty = WeightedSums(0, 0.0, 0.0, 0.0, 0.0)
    return [
        found.get((p, s)) or SideAggregate(p, s, 0, empty, empty)
        for p in pulse_ids
        for s in ("client", "provider")
    ]
