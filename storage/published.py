"""Published side figures: written once when a pulse closes, read by every later reader."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, ScalarSelect, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.domain.alerts import PulseFigures, SideFigures, published_side
from storage.alerts import LATEST_SLA_FIRST
from storage.figures import SideAggregate, custom_plans, side_aggregates
from storage.models import (
    Engagement,
    PublishedDriver,
    PublishedFigure,
    PublishedTheme,
    Pulse,
    SlaRecord,
)
from storage.published_drivers import driver_rows, tally_drivers
from storage.published_themes import find_themes, theme_rows


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


@dataclass(frozen=True, slots=True)
class Publication:
    """What one just-closed pulse publishes, computed and not yet stored."""

    pulse_id: int
    figures: PulseFigures
    rows: list[PublishedFigure | PublishedDriver | PublishedTheme]


def prepare(
    session: Session,
    minimums: Mapping[int, int],
    *,
    without_removed: bool = True,
    drivers: bool = True,
    themes: bool = True,
) -> dict[int, Publication]:
    """Compute what just-closed pulses publish, a statement per kind for all of them.

    ``minimums`` gives each pulse's anonymity minimum. Only reads: `store` writes the
    result, so a caller can evaluate each pulse first and store only those that passed.
    A close costs its own rows, whatever the number of pulses in the batch.
    """
    if not minimums:
        return {}
    with custom_plans(session):
        by_pulse: dict[int, list[PublishedFigure]] = {pulse_id: [] for pulse_id in minimums}
        for aggregate in side_aggregates(session, list(minimums), without_removed=without_removed):
            by_pulse[aggregate.pulse_id].append(_row(aggregate, minimums[aggregate.pulse_id]))
        figures = {
            pulse_id: PulseFigures(*(_figures(row) for row in sorted(rows, key=lambda r: r.side)))
            for pulse_id, rows in by_pulse.items()
        }
        tallies = (
            tally_drivers(session, minimums, without_removed=without_removed) if drivers else {}
        )
        found = (
            find_themes(
                session,
                {pulse_id: (figures[pulse_id], minimum) for pulse_id, minimum in minimums.items()},
                without_removed=without_removed,
            )
            if themes
            else {}
        )
    publications = {}
    for pulse_id, rows in by_pulse.items():
        stored: list[PublishedFigure | PublishedDriver | PublishedTheme] = list(rows)
        if pulse_id in tallies:
            stored.extend(driver_rows(pulse_id, tallies[pulse_id]))
        if pulse_id in found:
            stored.extend(theme_rows(pulse_id, found[pulse_id]))
        publications[pulse_id] = Publication(pulse_id, figures[pulse_id], stored)
    return publications


def store(session: Session, publications: Iterable[Publication], *, sla: bool = True) -> None:
    """Write prepared publications, with each pulse's SLA status at close (``sla``)."""
    publications = list(publications)
    if not publications:
        return
    session.add_all(row for publication in publications for row in publication.rows)
    session.flush()
    if sla:
        freeze_slas(session, [publication.pulse_id for publication in publications])


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
    prepared = prepare(
        session,
        {pulse_id: minimum},
        without_removed=without_removed,
        drivers=drivers,
        themes=themes,
    )[pulse_id]
    store(session, [prepared], sla=sla)
    return prepared.figures


def _sla_at_close() -> ScalarSelect[Any]:
    """The status of the SLA record last recorded at or before the pulse's close."""
    return (
        select(SlaRecord.status)
        .where(SlaRecord.engagement_id == Pulse.engagement_id)
        .where(SlaRecord.recorded_at <= Pulse.closed_at)
        .order_by(*LATEST_SLA_FIRST)
        .limit(1)
        .scalar_subquery()
    )


def freeze_slas(session: Session, pulse_ids: Sequence[int]) -> dict[int, str | None]:
    """Keep on each closed pulse the SLA status last recorded at or before its close.

    One statement for all of them; a pulse not closed is left as it is and out of the
    answer.
    """
    if not pulse_ids:
        return {}
    # Columns, not the entity: a migration runs this before later columns exist.
    rows = session.execute(
        update(Pulse)
        .where(Pulse.id.in_(list(pulse_ids)), Pulse.closed_at.is_not(None))
        .values(sla_at_close=_sla_at_close())
        .returning(Pulse.id, Pulse.sla_at_close)
        .execution_options(synchronize_session=False)
    ).all()
    frozen = {int(pulse_id): status for pulse_id, status in rows}
    for pulse_id, status in frozen.items():
        loaded = session.identity_map.get(session.identity_key(Pulse, pulse_id))
        if isinstance(loaded, Pulse):
            set_committed_value(loaded, "sla_at_close", status)
    return frozen


def latest_sla_statuses(session: Session, engagement_ids: Sequence[int]) -> dict[int, str | None]:
    """The status of each engagement's latest SLA record, as `storage.alerts.latest_sla_status`.

    One statement for all of them, each a look-up on the engagement's own records.
    """
    if not engagement_ids:
        return {}
    latest = (
        select(SlaRecord.status)
        .where(SlaRecord.engagement_id == Engagement.id)
        .order_by(*LATEST_SLA_FIRST)
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Engagement.id, latest).where(Engagement.id.in_(list(engagement_ids)))
    )
    return {int(engagement_id): status for engagement_id, status in rows}


def freeze_sla(session: Session, pulse_id: int) -> str | None:
    """Keep on the closed pulse the SLA status last recorded at or before its close."""
    return freeze_slas(session, [pulse_id]).get(pulse_id)


def _figures(row: PublishedFigure | Row[*tuple[Any, ...]]) -> SideFigures:
    """One side's figures as stored: a published row, or its columns read by name."""
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
    # Columns, not entities: a close reads its look-back's figures, and whole objects in
    # the session would cost more than the statement.
    f = PublishedFigure
    stmt = select(
        f.pulse_id, f.side, f.side_index, f.answered, f.eligible, f.response_rate, f.guess_index
    ).where(f.pulse_id.in_(list(pulse_ids)))
    by_pulse: dict[int, dict[str, SideFigures]] = {}
    for row in session.execute(stmt):
        by_pulse.setdefault(row.pulse_id, {})[row.side] = _figures(row)
    return {
        pulse_id: PulseFigures(sides["client"], sides["provider"])
        for pulse_id, sides in by_pulse.items()
        if len(sides) == 2
    }
