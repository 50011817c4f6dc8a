"""Every benchmark in `bench/` runs to its end at a tiny size, so none of them rots.

The figures are not judged here (they live in docs/benchmarks.md); what is checked is that
each script still builds its data, measures and prints its table on today's code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

# Per script: the arguments of its tiny run and a line its report always prints.
TINY: dict[str, tuple[list[str], str]] = {
    "ack_latency": (["--requests", "10", "--concurrency", "1", "2"], "p99"),
    "busy_clicks": (["--clicks", "10", "--members", "5"], "p99"),
    "digest": (["--engagements", "2", "--weeks", "3"], "peak RSS"),
    "evaluate": (
        ["--engagements", "3", "--pulses", "2", "--responders", "5", "--no-postgres"],
        "| ratio |",
    ),
    "fanout": (["--members", "20", "--latency", "0.01"], "floor"),
    "scale_out": (
        [
            "--engagements",
            "2",
            "--members",
            "8",
            "--latency",
            "0.05",
            "--concurrency",
            "4",
            "--lease",
            "4",
            # The two-workspace round: installed through OAuth, paced per workspace.
            "--workspaces",
            "2",
        ],
        "| ratio |",
    ),
    "portfolio": (["--engagements", "3", "--weeks", "4"], "portfolio digest with its chart"),
    "sentiment_eval": (["--tiny"], "texts/s"),
    "sentiment_train": (["--lang", "de"], "best by leave-one-writer-out"),
}


# Modules in bench/ that other benches use, not benches of their own.
PARTS = {"__init__", "bare_app", "portfolio_fill"}


def scripts() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in PARTS)


def test_every_bench_has_a_tiny_run() -> None:
    assert sorted(TINY) == scripts()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TINY))
def test_a_bench_runs_to_its_end_at_a_tiny_size(name: str, tmp_path: Path) -> None:
    arguments, expected = TINY[name]
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{name}", *arguments],
        cwd=BENCH.parent,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert expected in result.stdout
