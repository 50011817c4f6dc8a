"""The job queue as use cases see it: work handed to `rapport worker` processes.

With `JOB_QUEUE=postgres` the clock and web only decide what is due and enqueue it here;
workers do the Slack calls, one DM per job. The adapter is procrastinate on PostgreSQL
(`bot/wiring/job_queue.py`). Without it (`embedded`, the default) the clock and web send
in-process, through the same steps (`bot/services/delivery/pulse_dms.py::send_next`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol


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
