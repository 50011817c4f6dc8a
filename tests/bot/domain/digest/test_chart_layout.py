"""Nothing on the chart covers anything else, and its legend shows every mark and colour.

Checked on the matplotlib artists themselves, measured by the figure's renderer: each
label's box against every line, marker and other label; each marker against the markers
of other series; every drawn mark's look against the legend's entries.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from bot.domain.alerts import PulseFigures, SideFigures, Thresholds
from bot.domain.digest import DigestInput
from bot.domain.digest.chart import chart_figure
from bot.domain.digest.chart_layout import line_paths, marker_boxes, padded, renderer_of
from tests.support.digests import digest, points


def thin(history: list[Any], at: int, answered: int = 3) -> None:
    """Make the client's point at ``at`` rest on few answers (hollow, labelled n=…)."""
    point = history[at]
    figures = point.figures
    low = SideFigures("client", figures.client.index, answered, 7, answered / 7, None)
    history[at] = type(point)(point.closed_at, PulseFigures(low, figures.provider), "green")


def crossing() -> DigestInput:
    """The README case: the client falls steeply through a few-answers point."""
    history = points([84, 77, 89, 85, 37, 37, 22, 32, 58, 73, 78, 84],
                     [72, 73, 74, 85, 66, 73, 68, 72, 72, 84, 78, 93])  # fmt: skip
    thin(history, 3)
    marks = [history[i].closed_at - timedelta(hours=1) for i in (2, 3, 4)]
    return digest(history, alert_marks=marks)


def equal_everywhere() -> DigestInput:
    """Both sides on the same values, every point thin, an alert at every pulse."""
    history = points([65, 65, 66, 66, 64, 65], [65, 65, 66, 66, 64, 65], sla=None)
    for at in range(len(history)):
        thin(history, at, answered=3 + at % 2)
    marks = [p.closed_at - timedelta(hours=1) for p in history]
    return digest(history, alert_marks=marks, thresholds=Thresholds(65, 64))


def latest_values_close() -> DigestInput:
    """Latest values one point apart, next to both tolerances."""
    history = points([50, 60, 70, 69], [50, 60, 70, 70])
    thin(history, 2)
    return digest(history)


CASES = {"crossing": crossing, "equal": equal_everywhere, "close": latest_values_close}


def drawn_lines(figure: Figure) -> Iterator[tuple[Any, Line2D]]:
    for axes in figure.axes:
        for line in axes.get_lines():
            if line.get_visible():
                yield axes, line


@pytest.mark.parametrize("case", CASES)
def test_no_label_sits_on_a_line_a_mark_or_another_label(case: str) -> None:
    figure = chart_figure(CASES[case]())
    renderer = renderer_of(figure)
    axes = figure.axes[0]
    paths = [path for _, line in drawn_lines(figure) for path in line_paths(line)]
    marks = [box for _, line in drawn_lines(figure) for box in marker_boxes(line, figure.dpi)]
    labels = [(t.get_text(), t.get_window_extent(renderer)) for t in axes.texts]
    assert any(text.startswith("n=") for text, _ in labels) or case == "close"
    for text, box in labels:
        around = padded(box, 1.0)
        assert not any(p.intersects_bbox(around, filled=False) for p in paths), text
        assert not any(around.overlaps(mark) for mark in marks), text
    for (first, one), (second, other) in itertools.combinations(labels, 2):
        assert not one.overlaps(other), (first, second)


@pytest.mark.parametrize("case", CASES)
def test_no_mark_covers_a_mark_of_another_series(case: str) -> None:
    figure = chart_figure(CASES[case]())
    series = [
        (line, marker_boxes(line, figure.dpi))
        for _, line in drawn_lines(figure)
        if line.get_gid() not in ("low-client", "low-provider")  # drawn over their own point
    ]
    for (one, boxes), (other, others) in itertools.combinations(series, 2):
        for box, against in itertools.product(boxes, others):
            assert not box.overlaps(against), (one.get_label(), other.get_label())


def look(artist: Any) -> tuple[str, ...]:
    """What a reader tells a mark by: colour, marker, fill, line style."""
    if isinstance(artist, Line2D):
        single = len(artist.get_xdata()) == 1  # type: ignore[arg-type]
        style = "None" if single else str(artist.get_linestyle())
        marker = str(artist.get_marker())
        fill = to_hex(artist.get_markerfacecolor()) if marker not in ("None", "") else ""
        return ("line", to_hex(artist.get_color()), marker, fill, style)
    return ("patch", to_hex(artist.get_facecolor()))


def legend_looks(figure: Figure) -> set[tuple[str, ...]]:
    found = set()
    for legend in figure.legends:
        for handle in legend.legend_handles:
            entry = look(handle)
            found.add(entry)
            if entry[0] == "line":  # an entry with a line and a marker stands for both
                found.add((*entry[:4], "None"))
                found.add((*entry[:2], "None", "", entry[4]))
    return found


@pytest.mark.parametrize("case", CASES)
def test_the_legend_shows_every_mark_and_colour_drawn(case: str) -> None:
    figure = chart_figure(CASES[case]())
    legend = legend_looks(figure)
    drawn = {look(line) for _, line in drawn_lines(figure) if line.get_gid() != "tolerance-rule"}
    drawn |= {look(patch) for patch in figure.axes[0].patches if isinstance(patch, Rectangle)}
    missing = drawn - legend
    assert not missing, missing
