"""Published side figures: written once when a pulse closes, read by every later reader."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.domain.alerts import PulseFigures, SideFigures, published_side
from storage.figures import SideAggregate, side_aggregates
from storage.models import PublishedFigure, Pulse, SlaRecord
from storage.published_drivers import publish_drivers
from storage.published_themes import publish_themes


def _row(aggregate: SideAggregate, minimum: int) -> PublishedFigure:
    figures = published_side(
        "client" if aggregate.side == "client" else "provider",
        answered=aggregate.scores.count,
        eligible=aggregate.eligible,
        index=aggregate.scores.capped_mean(),
        guessed=aggregate.guesses.count,
        guess_index=aggregate.guesses.capped_mean(),
        minimum=minimum,
    )
    return PublishedFigure(
        pulse_id=aggregate.pulse_id,
        side=aggregate.side,
        side_index=figures.index,
        answered=figures.answered,
        eligible=figures.eligible,
        response_rate=figures.response_rate,
        guess_index=figures.guess_index,
        guessed=aggregate.guesses.count,
        weight_used=aggregate.scores.total_weight,
        withheld=figures.withheld,
    )


def publish(
    session: Session,
    pulse_id: int,
    minimum: int,
    *,
    without_removed: bool = True,
    drivers: bool = True,
    themes: bool = True,
    sla: bool = True,
) -> PulseFigures:
    """Compute a just-closed pulse's figures from its answers and store them, once.

    Each answer counts with the side and weight its delivery was sent with; people
    removed while the pulse was open are left out (``without_removed``). Figures
    already stored for the pulse are returned as they are: nothing recomputes a
    published figure, whatever happened to members, weights or settings since. The
    pulse's driver counts, themes and SLA status at close are published with them
    (``drivers``, ``themes``, ``sla``; a migration that runs before their tables or
    columns exist leaves them out).
    """
    existing = published(session, [pulse_id])
    if pulse_id in existing:
        return existing[pulse_id]
    aggregates = side_aggregates(session, [pulse_id], without_removed=without_removed)
    rows = [_row(aggregate, minimum) for aggregate in aggregates]
    session.add_all(rows)
    session.flush()
    if drivers:
        publish_drivers(session, pulse_id, minimum, without_removed=without_removed)
    figures = PulseFigures(*(_figures(row) for row in sorted(rows, key=lambda r: r.side)))
    if themes:
        publish_themes(session, pulse_id, figures, minimum, without_removed=without_removed)
    if sla:
        freeze_sla(session, pulse_id)
    return figures


def freeze_sla(session: Session, pulse_id: int) -> str | None:
    """Keep on the closed pulse the SLA status last recorded at or before its close."""
    # Columns, not the entity: a migration runs this before later columns exist.
    engagement_id, closed_at = session.execute(
        select(Pulse.engagement_id, Pulse.closed_at).where(Pulse.id == pulse_id)
    ).one()
    if closed_at is None:
        return None
    status = session.scalars(
        select(SlaRecord.status)
        .where(SlaRecord.engagement_id == engagement_id)
        .where(SlaRecord.recorded_at <= closed_at)
        .order_by(SlaRecord.recorded_at.desc(), SlaRecord.id.desc())
        .limit(1)
    ).first()
    session.execute(update(Pulse).where(Pulse.id == pulse_id).values(sla_at_close=status))
    loaded = session.identity_map.get(session.identity_key(Pulse, pulse_id))
    if isinstance(loaded, Pulse):
        set_committed_value(loaded, "sla_at_close", status)
    return status


def _figures(row: PublishedFigure) -> SideFigures:
    return SideFigures(
        side="client" if row.side == "client" else "provider",
        index=row.side_index,
        answered=row.answered,
        eligible=row.eligible,
        response_rate=row.response_rate,
        guess_index=row.guess_index,
    )


def published(session: Session, pulse_ids: Sequence[int]) -> dict[int, PulseFigures]:
    """The stored figures of these pulses; a pulse without them (still open) is left out."""
    if not pulse_ids:
        return {}
    stmt = select(PublishedFigure).where(PublishedFigure.pulse_id.in_(list(pulse_ids)))
    by_pulse: dict[int, dict[str, SideFigures]] = {}
    for row in session.scalars(stmt):
        by_pulse.setdefault(row.pulse_id, {})[row.side] = _figures(row)
    return {
        pulse_id: PulseFigures(sides["client"], sides["provider"])
        for pulse_id, sides in by_pulse.items()
        if len(sides) == 2
    }
