"""The chart read in two seconds: 2x size, hollow low-count points, alert marks, zone legend."""

from __future__ import annotations

import struct
from datetime import timedelta
from pathlib import Path

from bot.domain.alerts import PulseFigures, SideFigures
from bot.domain.digest.chart import chart_figure, render_chart
from tests.support.digests import digest, points

README_PNG = Path(__file__).parents[4] / "docs" / "digest-example.png"


def few_answers() -> object:
    history = points([80, 75, 60, 55], [70, 72, 74, 76])
    low = history[2]
    thin = SideFigures("client", 60.0, 3, 7, 3 / 7, None)
    history[2] = type(low)(low.closed_at, PulseFigures(thin, low.figures.provider), "green")
    opened = history[1].closed_at - timedelta(hours=1)
    return digest(history, alert_marks=[opened])


def test_low_count_points_are_hollow_with_their_n_and_alerts_are_marked() -> None:
    figure = chart_figure(few_answers())  # type: ignore[arg-type]
    axes, strip = figure.axes
    low = [line for line in axes.get_lines() if line.get_gid() == "low-client"]
    assert len(low) == 1 and low[0].get_markerfacecolor() == "white"
    assert [round(x) for x in low[0].get_xdata()] == [2]  # type: ignore[union-attr,arg-type]
    assert "n=3" in [t.get_text() for t in axes.texts]
    (marks,) = [line for line in strip.get_lines() if line.get_gid() == "alerts"]
    assert list(marks.get_xdata()) == [1]  # type: ignore[arg-type]
    zones = {p.get_gid(): p for p in axes.patches if str(p.get_gid()).startswith("zone-")}
    assert set(zones) == {"zone-both", "zone-client"}  # 0–60 below both, 60–70 the client's
    legend_text = [t.get_text() for legend in figure.legends for t in legend.get_texts()]
    assert "below both tolerances (under 60)" in legend_text and "alert opened" in legend_text
    assert "client, fewer than 5 answers" in legend_text


def test_rendered_at_twice_the_size_and_the_readme_picture_is_the_new_chart() -> None:
    for png in (render_chart(few_answers()), README_PNG.read_bytes()):  # type: ignore[arg-type]
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (1600, 900)
        assert len(png) < 1_000_000  # far under Slack's upload limits
