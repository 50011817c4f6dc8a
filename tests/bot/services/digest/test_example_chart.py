"""The README's chart is what the seed draws: `rapport simulate --weeks 12 --seed 1`.

The picture is compared by the SHA-256 of its bytes (the PNG is written without a
timestamp or software tag, so the same drawing is the same bytes). When the chart's
drawing changes on purpose, regenerate the picture by running this test with
`RAPPORT_REGENERATE_EXAMPLE=1` in the environment.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from bot.services.simulate import simulate

EXAMPLE = Path(__file__).parents[4] / "docs" / "digest-example.png"

# Two whole simulated stories of twelve weeks.
pytestmark = pytest.mark.slow


def test_the_readme_picture_is_the_chart_the_seed_draws(tmp_path: Path) -> None:
    simulate(12, 1, tmp_path, f"sqlite:///{tmp_path}/simulate.db")
    drawn = (tmp_path / "digest.png").read_bytes()
    again = tmp_path / "again"
    again.mkdir()
    simulate(12, 1, again, f"sqlite:///{again}/simulate.db")
    assert (again / "digest.png").read_bytes() == drawn  # the same seed, the same bytes
    if os.environ.get("RAPPORT_REGENERATE_EXAMPLE") == "1":
        EXAMPLE.write_bytes(drawn)
    committed = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    assert committed == hashlib.sha256(drawn).hexdigest(), (
        "docs/digest-example.png is not what `rapport simulate --weeks 12 --seed 1` draws; "
        "regenerate it (see this module's docstring)"
    )
