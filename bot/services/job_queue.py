"""The job queue as use cases see it: work handed to `rapport worker` processes.

With `JOB_QUEUE=postgres` the clock and web only decide what is due and enqueue it here;
workers do the Slack calls: one DM, one outbox item (a reminder, a ladder post, an alert
message, a sponsor's weekly digest), or one batch of pulses to close per job, and the
digest or the export a lead asked for. The adapter is procrastinate on PostgreSQL
(`bot/wiring/job_queue.py`). Without it (`embedded`, the default) the clock and web send
in-process, through the same steps (`bot/services/delivery/passes.py::send_next`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.people import Caller

# How long web waits, on its background pool, for the workers to take what a lead asked
# for before telling the lead what is still queued (no worker may be running).
WORKERS_WAIT_SECONDS = 120.0


class JobQueue(Protocol):
    def waiting_dms(self) -> dict[int, int]:
        """Send-a-DM jobs not started yet, per pulse."""
        ...

    def send_dms(self, counts: Mapping[int, int]) -> int:
        """Enqueue `counts[pulse]` send-the-next-DM jobs per pulse, pulses taking turns so
        that one large pulse does not hold back the others. Returns how many."""
        ...

    def check_dms(self, claims: Sequence[tuple[int, int]]) -> int:
        """Enqueue one look in the DM history per unsettled claim, (pulse, delivery), at
        most one waiting per claim. Returns how many were enqueued."""
        ...

    def deliver(self, kind: str, items: Sequence[tuple[int, datetime | None]]) -> int:
        """Enqueue one job per due outbox item of `kind`, (id, the check time read with
        it), at most one waiting per item. Returns how many were enqueued."""
        ...

    def waiting_closes(self) -> set[int]:
        """The pulses a close job holds, waiting or running."""
        ...

    def close_pulses(self, pulse_ids: Sequence[int]) -> bool:
        """Enqueue one job closing these pulses; False when the same batch waits already."""
        ...

    def preview_digest(self, caller: Caller, engagement: str | None, reply_to: str) -> None:
        """Enqueue the digest a lead or sponsor asked to see (`engagement` named as in the
        command); the worker DMs it and answers at `reply_to`, the command's response_url."""
        ...

    def export_figures(self, caller: Caller, engagement: str | None, reply_to: str) -> None:
        """Enqueue the figures per pulse a lead or sponsor asked for (`/rapport export`);
        the worker uploads the CSV to their DM and answers at `reply_to`."""
        ...

    def retry_stalled(self) -> int:
        """Put back in the queue the jobs whose worker stopped beating (killed, or cut
        off); returns how many."""
        ...


def take_turns(counts: Mapping[int, int]) -> list[int]:
    """Each pulse's id `counts[pulse]` times, interleaved: a, b, c, a, b, a, …"""
    left = {pulse: count for pulse, count in counts.items() if count > 0}
    order: list[int] = []
    while left:
        for pulse in list(left):
            order.append(pulse)
            left[pulse] -= 1
            if not left[pulse]:
                del left[pulse]
    return order
