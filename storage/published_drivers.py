"""Driver counts per pulse and side: tallied in SQL once at close, stored, and read back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from bot.domain.alerts import Side
from bot.domain.drivers import DRIVERS, PulseDrivers, SideDrivers, publishable_drivers
from storage.figures import rated_answers
from storage.models import Delivery, PublishedDriver, Response


def _tally_statement(*, without_removed: bool) -> Any:
    """One row per pulse and side: how many named any driver, then how many named each one.

    A person's picks and their comment's drivers are joined into one list, so someone who
    picked "communication" and wrote about it counts once for it. Built once: only the
    pulse ids change between calls.
    """
    both = (
        literal(",")
        + func.coalesce(Response.drivers, "")
        + literal(",")
        + func.coalesce(Response.comment_drivers, "")
        + literal(",")
    )
    named = (Response.drivers.is_not(None)) | (Response.comment_drivers.is_not(None))
    return (
        rated_answers(
            Response.pulse_id,
            Delivery.side,
            func.count(),
            *(func.sum(case((both.like(f"%,{key},%"), 1), else_=0)) for key in DRIVERS),
            without_removed=without_removed,
        )
        .where(named)
        .group_by(Response.pulse_id, Delivery.side)
    )


_TALLY = _tally_statement(without_removed=False)
_TALLY_PRESENT = _tally_statement(without_removed=True)


def tally_drivers(
    session: Session, minimums: Mapping[int, int], *, without_removed: bool = True
) -> dict[int, PulseDrivers]:
    """Count the drivers of just-closed pulses per side, in one statement, storing nothing.

    ``minimums`` gives each pulse's anonymity minimum: a side's counts are kept only
    where at least that many named a driver.
    """
    if not minimums:
        return {}
    statement = _TALLY_PRESENT if without_removed else _TALLY
    found: dict[int, dict[str, SideDrivers]] = {pulse_id: {} for pulse_id in minimums}
    for row in session.execute(statement, {"pulse_ids": list(minimums)}):
        pulse_id = int(row[0])
        side: Side = "client" if row[1] == "client" else "provider"
        counts = {key: int(n or 0) for key, n in zip(DRIVERS, row[3:], strict=True)}
        shown = publishable_drivers(side, int(row[2]), counts, minimums[pulse_id])
        if shown is not None:
            found[pulse_id][side] = shown
    return {
        pulse_id: PulseDrivers(sides.get("client"), sides.get("provider"))
        for pulse_id, sides in found.items()
    }


def driver_rows(pulse_id: int, drivers: PulseDrivers) -> list[PublishedDriver]:
    """The rows that store one pulse's shown driver counts."""
    return [
        PublishedDriver(
            pulse_id=pulse_id, side=shown.side, driver=key, people=people, named=shown.named
        )
        for shown in (drivers.client, drivers.provider)
        if shown is not None
        for key, people in shown.counts.items()
    ]


def publish_drivers(
    session: Session, pulse_id: int, minimum: int, *, without_removed: bool = True
) -> PulseDrivers:
    """Count a just-closed pulse's drivers per side and store what may be shown, once.

    Counts are kept only for a side where at least the minimum named a driver; the rows
    are never rewritten, so forgetting someone, moving them or changing weights later
    leaves them as they were published.
    """
    existing = published_drivers(session, [pulse_id])
    if pulse_id in existing:
        return existing[pulse_id]
    found = tally_drivers(session, {pulse_id: minimum}, without_removed=without_removed)[pulse_id]
    session.add_all(driver_rows(pulse_id, found))
    session.flush()
    return found


def published_drivers(session: Session, pulse_ids: Sequence[int]) -> dict[int, PulseDrivers]:
    """The stored driver counts of these pulses; a pulse with none shown is left out."""
    if not pulse_ids:
        return {}
    stmt = select(PublishedDriver).where(PublishedDriver.pulse_id.in_(list(pulse_ids)))
    rows: dict[int, dict[str, list[PublishedDriver]]] = {}
    for row in session.scalars(stmt):
        rows.setdefault(row.pulse_id, {}).setdefault(row.side, []).append(row)
    found = {}
    for pulse_id, sides in rows.items():
        shown = {
            side: SideDrivers(
                "client" if side == "client" else "provider",
                items[0].named,
                {item.driver: item.people for item in items},
            )
            for side, items in sides.items()
        }
        found[pulse_id] = PulseDrivers(shown.get("client"), shown.get("provider"))
    return found
