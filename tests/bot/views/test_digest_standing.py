"""The digest's baseline line: change since the baseline and last quarter, and whether it held."""

from __future__ import annotations

from datetime import date

from bot.domain.digest.standing import SideStanding, Standing
from bot.views.digest_message import render_text
from tests.support.digests import START, digest, points


def standing(chosen: date | None = None, pulses: int = 4) -> Standing:
    return Standing(
        {
            "client": SideStanding("client", 50.0, 60.0, True),
            "provider": SideStanding("provider", 75.4, None, False),
        },
        pulses,
        START,
        chosen,
    )


def test_the_baseline_line_shows_both_sides_quarter_and_held() -> None:
    text = render_text(
        digest(
            points([50, 50, 50, 50, 60, 66], [75, 75, 75, 75, 78, 79]),
            standing=standing(date(2026, 9, 1)),
        )
    )
    line = next(x for x in text.splitlines() if x.startswith("*Baseline*"))
    assert "chosen by a lead" in line
    assert (
        "client +16 since baseline, +6 since last quarter, "
        "above the baseline at each of the last 3 pulses;" in line
    )
    assert line.endswith(
        "provider +4 since baseline, n/a since last quarter, "
        "at or below the baseline at least once in the last 3 pulses."
    )
    # The side line's change since the baseline is the same figure, from the same baseline.
    assert "+16 since baseline" in next(x for x in text.splitlines() if x.startswith("*Client*"))


def test_a_forming_baseline_says_so() -> None:
    text = render_text(digest(points([65], [80]), standing=standing(pulses=2)))
    assert "forming, 2 of 4 pulses" in text
