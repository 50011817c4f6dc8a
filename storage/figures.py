"""Per-pulse, per-side aggregates computed in SQL: the raw material of side indices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from storage.models import Delivery, Member, Response


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
        """The mean with nobody carrying more than half the weight (see `bot.divergence`)."""
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


def side_aggregates(session: Session, pulse_ids: Sequence[int]) -> list[SideAggregate]:
    """Aggregate responses per pulse and side in two GROUP BY queries.

    Window functions rank each side's contributors by weight so the heaviest one's
    value comes out of the same aggregate; no row reaches Python.
    """
    if not pulse_ids:
        return []
    answered = (
        select(
            Response.pulse_id.label("pulse_id"),
            Member.side.label("side"),
            Member.weight.label("w"),
            Response.score.label("s"),
            ((Response.guess - 1) * 25.0).label("g"),
            func.row_number()
            .over(
                partition_by=(Response.pulse_id, Member.side),
                order_by=(Member.weight.desc(), Member.id),
            )
            .label("score_rank"),
            func.row_number()
            .over(
                partition_by=(Response.pulse_id, Member.side, Response.guess.is_(None)),
                order_by=(Member.weight.desc(), Member.id),
            )
            .label("guess_rank"),
        )
        .join(Member, Member.id == Response.member_id)
        .where(Response.pulse_id.in_(pulse_ids), Response.rating.is_not(None))
        .subquery()
    )
    has_guess = answered.c.g.is_not(None)
    sums = select(
        answered.c.pulse_id,
        answered.c.side,
        func.count(),
        func.sum(answered.c.w),
        func.sum(answered.c.w * answered.c.s),
        func.max(case((answered.c.score_rank == 1, answered.c.w))),
        func.max(case((answered.c.score_rank == 1, answered.c.s))),
        func.count(answered.c.g),
        func.coalesce(func.sum(case((has_guess, answered.c.w))), 0),
        func.coalesce(func.sum(answered.c.w * answered.c.g), 0),
        func.max(case((and_(has_guess, answered.c.guess_rank == 1), answered.c.w))),
        func.max(case((and_(has_guess, answered.c.guess_rank == 1), answered.c.g))),
    ).group_by(answered.c.pulse_id, answered.c.side)
    eligible = (
        select(Delivery.pulse_id, Member.side, func.count())
        .join(Member, Member.id == Delivery.member_id)
        .outerjoin(
            Response,
            and_(Response.pulse_id == Delivery.pulse_id, Response.member_id == Delivery.member_id),
        )
        .where(
            Delivery.pulse_id.in_(pulse_ids),
            Delivery.status == "sent",
            # Away this week means absent, not silent; an answer given anyway still counts.
            (Delivery.away_at.is_(None)) | (Response.rating.is_not(None)),
        )
        .group_by(Delivery.pulse_id, Member.side)
    )
    eligible_by = {(p, s): int(n) for p, s, n in session.execute(eligible)}
    found: dict[tuple[int, str], SideAggregate] = {}
    for row in session.execute(sums):
        pulse_id, side = int(row[0]), str(row[1])
        found[(pulse_id, side)] = SideAggregate(
            pulse_id=pulse_id,
            side=side,
            eligible=eligible_by.get((pulse_id, side), 0),
            scores=WeightedSums(
                int(row[2]), float(row[3]), float(row[4]), float(row[5]), float(row[6])
            ),
            guesses=WeightedSums(
                int(row[7]), float(row[8]), float(row[9]), float(row[10] or 0), float(row[11] or 0)
            ),
        )
    empty = WeightedSums(0, 0.0, 0.0, 0.0, 0.0)
    return [
        found.get((p, s)) or SideAggregate(p, s, eligible_by.get((p, s), 0), empty, empty)
        for p in pulse_ids
        for s in ("client", "provider")
    ]
