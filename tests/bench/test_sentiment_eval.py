"""The sentiment bench keeps the test parts unseen unless asked: every look is logged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.sentiment_eval import TEST_LOG, load_sets

ROOT = Path(__file__).resolve().parents[2]


def test_no_test_part_is_scored_unless_asked() -> None:
    unseen = load_sets(ROOT, with_test=False, general=False)
    assert unseen and not [name for name in unseen if name.endswith("-test")]
    looked = load_sets(ROOT, with_test=True, general=False)
    assert {"outsourcing-test", "en-test", "de-test", "es-test"} <= set(looked)


def test_the_test_parts_misses_are_never_listed() -> None:
    before = TEST_LOG.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bench.sentiment_eval", "--misses", "outsourcing-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "never listed" in result.stderr
    assert TEST_LOG.read_text(encoding="utf-8") == before
