"""What the job queue (procrastinate, on PostgreSQL) holds: read by the clock before it
enqueues, so that a round (or a close) is never enqueued twice while its jobs still wait."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

_WAITING = text(
    "SELECT (args->>'pulse_id')::bigint, count(*) FROM procrastinate_jobs "
    "WHERE task_name = :task AND status = 'todo' GROUP BY 1"
)


def waiting_per_pulse(session: Session, task: str) -> dict[int, int]:
    """Jobs of `task` not started yet, per pulse they were deferred for."""
    rows = session.execute(_WAITING, {"task": task}).all()
    return {int(pulse_id): int(count) for pulse_id, count in rows if pulse_id is not None}


_HELD = text(
    "SELECT DISTINCT jsonb_array_elements_text(args->'pulse_ids')::bigint "
    "FROM procrastinate_jobs WHERE task_name = :task AND status IN ('todo', 'doing')"
)


def held_pulses(session: Session, task: str) -> set[int]:
    """The pulses named by jobs of `task` (a list `pulse_ids`) waiting or running."""
    return {int(pulse_id) for pulse_id in session.execute(_HELD, {"task": task}).scalars()}


_WAITING_ITEMS = text(
    "SELECT (args->>'item_id')::bigint FROM procrastinate_jobs "
    "WHERE task_name = :task AND args->>'kind' = :kind AND status = 'todo'"
)


def waiting_items(session: Session, task: str, kind: str) -> set[int]:
    """The items of one outbox kind whose job of `task` waits, not started yet."""
    found = session.execute(_WAITING_ITEMS, {"task": task, "kind": kind}).scalars()
    return {int(item_id) for item_id in found}
