"""What the job queue (procrastinate, on PostgreSQL) holds: read by the clock before it
enqueues, so that a round is never enqueued twice while its jobs still wait."""

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
